package org.practicegraph.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link PG} and {@code ontology/practice-graph.ttl} declare the same terms, in both directions. */
class PGTest {
    static Model ontology;

    /** What each kind of constant must be declared as. */
    static final Map<Class<?>, Set<Resource>> KINDS = Map.of(
            Property.class, Set.of(OWL2.ObjectProperty, OWL2.DatatypeProperty),
            Resource.class, Set.of(OWL2.Class, OWL2.NamedIndividual));

    @BeforeAll
    static void load() {
        ontology = RDFDataMgr.loadModel("ontology/practice-graph.ttl");
    }

    @Test
    void namespaceAndOntologyIri() {
        assertThat(PG.NS).isEqualTo("https://w3id.org/practice-graph/def#").isEqualTo(PG.getURI());
        assertThat(PG.ONTOLOGY + "#").isEqualTo(PG.NS);
        assertThat(ontology.contains(ontology.getResource(PG.ONTOLOGY), RDF.type, OWL2.Ontology)).isTrue();
        assertThat(ontology.getNsPrefixURI(PG.PREFIX)).isEqualTo(PG.NS);
    }

    @Test
    void everyConstantIsDeclaredInTheOntologyUnderItsOwnName() throws IllegalAccessException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Resource> c : constants().entrySet()) {
            Resource term = c.getValue();
            if (!term.getURI().equals(PG.NS + c.getKey()))
                problems.add(c.getKey() + " is " + term.getURI());
            Set<Resource> kinds = term instanceof Property ? KINDS.get(Property.class) : KINDS.get(Resource.class);
            if (kinds.stream().noneMatch(k -> ontology.contains(term, RDF.type, k)))
                problems.add(c.getKey() + " is not declared as one of " + kinds);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyTermTheOntologyDeclaresHasAConstant() throws IllegalAccessException {
        Set<String> declared = new TreeSet<>();
        for (Resource kind : List.of(OWL2.Class, OWL2.ObjectProperty, OWL2.DatatypeProperty,
                OWL2.AnnotationProperty, OWL2.NamedIndividual, RDF.Property))
            ontology.listSubjectsWithProperty(RDF.type, kind).forEach(r -> {
                if (r.isURIResource() && r.getURI().startsWith(PG.NS)) declared.add(r.getLocalName());
            });
        assertThat(declared).hasSizeGreaterThanOrEqualTo(40);
        assertThat(constants().keySet()).containsAll(declared);
    }

    @Test
    void everyTermHasALabelCommentAndDefinedBy() throws IllegalAccessException {
        List<String> missing = new ArrayList<>();
        Resource defined = ontology.getResource(PG.ONTOLOGY);
        for (Map.Entry<String, Resource> c : constants().entrySet()) {
            Resource term = ontology.getResource(c.getValue().getURI());
            if (!term.hasProperty(RDFS.label)) missing.add(c.getKey() + " rdfs:label");
            if (!term.hasProperty(RDFS.comment)) missing.add(c.getKey() + " rdfs:comment");
            if (!term.hasProperty(RDFS.isDefinedBy, defined)) missing.add(c.getKey() + " rdfs:isDefinedBy");
            if (term.listProperties(RDFS.label).toList().size() > 1) missing.add(c.getKey() + " has several labels");
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void propertiesAreTypedAsJenaPropertiesAndClassesAsResources() throws IllegalAccessException {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Resource> c : constants().entrySet()) {
            Resource decl = ontology.getResource(c.getValue().getURI());
            boolean isProperty = decl.hasProperty(RDF.type, OWL2.ObjectProperty) || decl.hasProperty(RDF.type, OWL2.DatatypeProperty);
            if (isProperty != (c.getValue() instanceof Property)) wrong.add(c.getKey());
        }
        assertThat(wrong).as("constants whose Java type does not match their declaration").isEmpty();
    }

    /** @return the public static Resource/Property constants of {@link PG} in the pg: namespace, by field name */
    static Map<String, Resource> constants() throws IllegalAccessException {
        Map<String, Resource> out = new TreeMap<>();
        for (Field f : PG.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) continue;
            if (f.get(null) instanceof Resource term && term.isURIResource() && term.getURI().startsWith(PG.NS))
                out.put(f.getName(), term);
        }
        return out;
    }

}
