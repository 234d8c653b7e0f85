package org.practicegraph.rdf;

import java.io.InputStream;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.SKOS;

/**
 * The ontology and SKOS taxonomies bundled under {@code /ontology/} on the classpath, and the
 * look-ups the mapper needs: a concept by its notation or by one of its labels.
 */
public final class Taxonomies {
    /** The files, each loaded into a graph named after the ontology or the scheme it declares. */
    public static final List<String> FILES = List.of("practice-graph.ttl", "initiative-types.ttl",
            "quality-statements.ttl", "score-levels.ttl", "partner-kinds.ttl", "outcome-types.ttl", "units.ttl",
            "overall-ratings.ttl");

    public static final String INITIATIVE_TYPE = PG.ONTOLOGY + "/initiative-type";
    public static final String QUALITY_STATEMENT = PG.ONTOLOGY + "/quality-statement";
    public static final String SCORE_LEVEL = PG.ONTOLOGY + "/score-level";
    public static final String PARTNER_KIND = PG.ONTOLOGY + "/partner-kind";
    public static final String OUTCOME_TYPE = PG.ONTOLOGY + "/outcome-type";
    public static final String UNIT = PG.ONTOLOGY + "/unit";

    private final Map<String, Model> graphs;
    private final Model all = ModelFactory.createDefaultModel();
    private final Map<String, Resource> byNotation = new HashMap<>();
    private final Map<String, Resource> byLabel = new HashMap<>();

    private Taxonomies(Map<String, Model> graphs) {
        this.graphs = Map.copyOf(graphs);
        graphs.values().forEach(all::add);
        for (Statement s : all.listStatements(null, SKOS.notation, (RDFNode) null).toList())
            byNotation.put(schemeOf(s.getSubject()) + "|" + s.getString(), s.getSubject());
        for (var p : List.of(SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel))
            for (Statement s : all.listStatements(null, p, (RDFNode) null).toList()) {
                String key = normalise(s.getString());
                // "%" and "£" normalise to nothing: symbols are found by notation, not by label.
                if (!key.isEmpty()) byLabel.putIfAbsent(schemeOf(s.getSubject()) + "|" + key, s.getSubject());
            }
    }

    /** @return the bundled ontology and taxonomies */
    public static Taxonomies load() {
        Map<String, Model> graphs = new java.util.LinkedHashMap<>();
        for (String f : FILES) {
            Model m = ModelFactory.createDefaultModel();
            try (InputStream in = Taxonomies.class.getResourceAsStream("/ontology/" + f)) {
                if (in == null) throw new IllegalStateException("missing resource /ontology/" + f);
                RDFDataMgr.read(m, in, Lang.TURTLE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            graphs.put(graphName(f, m), m);
        }
        return new Taxonomies(graphs);
    }

    /** @return graph name → content, one per file */
    public Map<String, Model> graphs() { return graphs; }

    /** @return the concept of this scheme with this skos:notation */
    public Optional<Resource> byNotation(String scheme, String notation) {
        return Optional.ofNullable(byNotation.get(scheme + "|" + notation));
    }

    /** @return the concept of this scheme one of whose labels is this text (case, punctuation and spacing ignored) */
    public Optional<Resource> byLabel(String scheme, String label) {
        return Optional.ofNullable(byLabel.get(scheme + "|" + normalise(label)));
    }

    /** @return the concept's English prefLabel, or its IRI's last segment */
    public String prefLabel(Resource concept) {
        Statement s = all.getResource(concept.getURI()).getProperty(SKOS.prefLabel);
        return s != null ? s.getString() : concept.getURI().replaceFirst(".*/", "");
    }

    private String schemeOf(Resource concept) {
        Statement s = all.getResource(concept.getURI()).getProperty(SKOS.inScheme);
        return s != null ? s.getResource().getURI() : "";
    }

    private static String graphName(String file, Model m) {
        var schemes = m.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type, SKOS.ConceptScheme).toList();
        return schemes.size() == 1 ? schemes.get(0).getURI() : PG.ONTOLOGY;
    }

    static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace("&", "and").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
