package org.practicegraph.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.practicegraph.rdf.PG;
import org.semanticweb.HermiT.ReasonerFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.formats.RDFXMLDocumentFormat;
import org.semanticweb.owlapi.io.StringDocumentSource;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLDataFactory;
import org.semanticweb.owlapi.model.OWLEntity;
import org.semanticweb.owlapi.model.OWLNamedIndividual;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.parameters.Imports;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.reasoner.OWLReasoner;
import org.semanticweb.owlapi.search.EntitySearcher;

/**
 * The ontology is OWL 2 DL, consistent and has no unsatisfiable class, on its own and merged with
 * every SKOS taxonomy in {@code ontology/} (their concepts are individuals; the SKOS properties they
 * use are declared in the ontology: labels, notations and notes as annotation properties,
 * {@code skos:broader}, {@code skos:inScheme} and the top-concept links as object properties).
 */
class OntologyTest {
    static final Path DIR = Path.of("ontology");
    static final Path ONTOLOGY = DIR.resolve("practice-graph.ttl");

    @Test
    void ontologyIsInTheOwl2DlProfile() throws Exception {
        assertInDlProfile(loadOntology(), ONTOLOGY.toString());
    }

    @Test
    void ontologyIsConsistentAndEveryClassIsSatisfiable() throws Exception {
        assertConsistentAndSatisfiable(loadOntology());
    }

    @Test
    void ontologyMergedWithTheTaxonomiesIsOwl2DlAndConsistent() throws Exception {
        List<Path> taxonomies = taxonomyFiles();
        assertThat(taxonomies).extracting(p -> p.getFileName().toString()).contains(
                "initiative-types.ttl", "quality-statements.ttl", "score-levels.ttl",
                "partner-kinds.ttl", "outcome-types.ttl", "units.ttl");
        Model merged = RDFDataMgr.loadModel(ONTOLOGY.toString());
        for (Path t : taxonomies) RDFDataMgr.read(merged, t.toString());
        OWLOntology o = fromJena(merged);
        assertInDlProfile(o, "ontology merged with " + taxonomies);
        assertConsistentAndSatisfiable(o);
        // The taxonomy concepts came through as individuals of skos:Concept.
        OWLDataFactory df = o.getOWLOntologyManager().getOWLDataFactory();
        OWLNamedIndividual percent = df.getOWLNamedIndividual(IRI.create(PG.ONTOLOGY + "/unit/percent"));
        assertThat(o.containsIndividualInSignature(percent.getIRI())).isTrue();
        assertThat(EntitySearcher.getTypes(percent, o).map(Object::toString).toList())
                .contains("<" + SKOS.Concept.getURI() + ">");
    }

    @Test
    void everyTermInTheNamespaceHasACommentLabelAndDefinedBy() throws Exception {
        Model merged = ModelFactory.createDefaultModel();
        for (Path f : turtleFiles()) if (!f.getFileName().toString().contains("shapes")) RDFDataMgr.read(merged, f.toString());
        OWLOntology o = fromJena(merged);
        OWLDataFactory df = o.getOWLOntologyManager().getOWLDataFactory();
        Set<String> missing = new TreeSet<>();
        List<OWLEntity> terms = o.signature(Imports.EXCLUDED)
                .filter(e -> e.getIRI().toString().startsWith(PG.NS))
                .filter(e -> !e.isOWLDatatype())
                .toList();
        assertThat(terms).hasSizeGreaterThanOrEqualTo(40);
        for (OWLEntity e : terms)
            for (IRI p : List.of(df.getRDFSComment().getIRI(), df.getRDFSLabel().getIRI(), df.getRDFSIsDefinedBy().getIRI()))
                if (EntitySearcher.getAnnotationObjects(e, o, df.getOWLAnnotationProperty(p)).findAny().isEmpty())
                    missing.add(e.getIRI().getShortForm() + " lacks " + p.getShortForm());
        assertThat(missing).as("terms without a comment, label or rdfs:isDefinedBy").isEmpty();
    }

    @Test
    void scoreOutsideOneToFourMakesTheOntologyInconsistent() throws Exception {
        String data = """
                @prefix pg: <https://w3id.org/practice-graph/def#> .
                @prefix owl: <http://www.w3.org/2002/07/owl#> .
                <https://w3id.org/practice-graph/id/test/assessment> a owl:NamedIndividual , pg:Assessment ; pg:score %s .
                """;
        assertThat(consistentWith(data.formatted("3"))).isTrue();
        assertThat(consistentWith(data.formatted("7"))).isFalse();
    }

    @Test
    void anInitiativeHasAtMostOneOfTheThreeStatuses() throws Exception {
        String data = """
                @prefix pg: <https://w3id.org/practice-graph/def#> .
                @prefix owl: <http://www.w3.org/2002/07/owl#> .
                <https://w3id.org/practice-graph/id/test/initiative> a owl:NamedIndividual , pg:Initiative ; pg:status %s .
                """;
        assertThat(consistentWith(data.formatted("pg:Pilot"))).isTrue();
        assertThat(consistentWith(data.formatted("pg:Pilot , pg:Planned"))).isFalse();
    }

    // --- helpers

    /** @return the ontology file merged with this Turtle, judged by HermiT */
    private static boolean consistentWith(String turtle) throws Exception {
        Model m = RDFDataMgr.loadModel(ONTOLOGY.toString());
        RDFDataMgr.read(m, new java.io.StringReader(turtle), null, Lang.TURTLE);
        OWLOntology o = fromJena(m);
        assertInDlProfile(o, "ontology with " + turtle);
        OWLReasoner r = new ReasonerFactory().createReasoner(o);
        try {
            return r.isConsistent();
        } finally {
            r.dispose();
        }
    }

    static OWLOntology loadOntology() throws OWLOntologyCreationException {
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        return m.loadOntologyFromOntologyDocument(ONTOLOGY.toFile());
    }

    /**
     * Hands a Jena model to the OWL API as one RDF/XML document, so declarations in one file cover
     * terms used in another. (RDF/XML because Jena 5 writes Turtle with SPARQL-style PREFIX lines,
     * which the OWL API's Turtle parser does not accept.)
     */
    static OWLOntology fromJena(Model model) throws OWLOntologyCreationException {
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, model, Lang.RDFXML);
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        return m.loadOntologyFromOntologyDocument(new StringDocumentSource(out.toString(),
                "urn:x-practice-graph:test", new RDFXMLDocumentFormat(), null));
    }

    static void assertInDlProfile(OWLOntology o, String what) {
        OWLProfileReport report = new OWL2DLProfile().checkOntology(o);
        String violations = report.getViolations().stream().map(Object::toString)
                .collect(Collectors.joining("\n  ", "\n  ", ""));
        assertThat(report.isInProfile()).as("OWL 2 DL violations in %s:%s", what, violations).isTrue();
    }

    static void assertConsistentAndSatisfiable(OWLOntology o) {
        OWLReasoner r = new ReasonerFactory().createReasoner(o);
        try {
            assertThat(r.isConsistent()).as("consistent").isTrue();
            assertThat(r.getUnsatisfiableClasses().getEntitiesMinusBottom()).as("unsatisfiable classes").isEmpty();
        } finally {
            r.dispose();
        }
    }

    static List<Path> turtleFiles() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
        }
    }

    /** @return every Turtle file in {@code ontology/} that declares a skos:ConceptScheme */
    static List<Path> taxonomyFiles() throws IOException {
        return turtleFiles().stream()
                .filter(p -> RDFDataMgr.loadModel(p.toString()).contains(null, RDF.type, SKOS.ConceptScheme))
                .toList();
    }
}
