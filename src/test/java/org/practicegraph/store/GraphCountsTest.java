package org.practicegraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicegraph.rdf.Iris;
import org.practicegraph.rdf.PG;

/** The index-pass counts are what SPARQL's COUNT(DISTINCT …) over the same graphs gives. */
class GraphCountsTest {
    private static final String PREFIXES = "@prefix : <https://example.org/data/> . @prefix v: <https://example.org/vocab#> . ";

    private static Graph turtle(String ttl) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(PREFIXES + ttl).lang(Lang.TURTLE).parse(g);
        return g;
    }

    private static void fill(Store store) {
        store.replaceGraph("urn:g/a", turtle(":s1 a v:Initiative ; v:label \"one\" . _:b a v:Initiative . :s2 a v:Initiative , v:Partner ; v:about :s1 ."));
        // s1 again, with the class it has in graph a: one subject, one entity of the class, two quads
        store.replaceGraph("urn:g/d", turtle(":s1 a v:Initiative . <https://elsewhere.org/x> v:about :s1 ."));
        // left out: nothing only here is counted, not even a class or a property
        store.replaceGraph("urn:derived", turtle(":s3 v:onlyHere 1 . :s1 a v:Hidden . :a0 a v:Initiative ."));
    }

    @Test
    void countsQuadsSubjectsEntitiesClassesAndPropertiesOutsideTheLeftOutGraphs(@TempDir Path dir) {
        try (Store store = Store.open(dir.resolve("db"))) {
            fill(store);
            GraphCounts c = store.countNamedGraphs(Set.of("urn:derived", "urn:not-there"), "https://example.org/data/",
                    Set.of("https://example.org/vocab#Initiative", "https://example.org/vocab#Missing"));
            assertThat(c.quads()).isEqualTo(8);
            assertThat(c.subjects()).isEqualTo(4);          // s1, _:b, s2, elsewhere x
            assertThat(c.entities()).isEqualTo(2);          // s1, s2: not the blank node, not another site's IRI
            assertThat(c.properties()).containsExactly("http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                    "https://example.org/vocab#about", "https://example.org/vocab#label");
            assertThat(c.classEntities()).isEqualTo(Map.of("https://example.org/vocab#Initiative", 3L, "https://example.org/vocab#Partner", 1L));
            // the least IRI of the class among counted graphs (:a0 is only in the left-out graph; a blank node has no IRI)
            assertThat(c.firstOfClass()).isEqualTo(Map.of("https://example.org/vocab#Initiative", "https://example.org/data/s1"));
        }
    }

    @Test
    void anEmptyStoreCountsNothing() {
        try (Store store = Store.inMemory()) {
            GraphCounts c = store.countNamedGraphs(Set.of(), "https://example.org/", Set.of("https://example.org/C"));
            assertThat(List.of(c.quads(), c.subjects(), c.entities())).containsOnly(0L);
            assertThat(c.properties()).isEmpty();
            assertThat(c.classEntities()).isEmpty();
            assertThat(c.firstOfClass()).isEmpty();
        }
    }

    @Test
    void agreesWithSparqlOnTheSampleReports() {
        try (Store store = Store.inMemory()) {
            Loader.create().store(store).build().load(List.of(Path.of("corpus/sample")));
            String initiative = PG.Initiative.getURI();
            GraphCounts c = store.countNamedGraphs(Set.of("urn:none"), Iris.DEFAULT.base(), Set.of(initiative));
            assertThat(c.quads()).isEqualTo(one(store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")).isGreaterThan(1000);
            assertThat(c.subjects()).isEqualTo(one(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s ?p ?o } }"));
            assertThat(c.entities()).isEqualTo(one(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s ?p ?o } "
                    + "FILTER(isIRI(?s) && STRSTARTS(STR(?s), \"" + Iris.DEFAULT.base() + "\")) }"));
            assertThat((long) c.properties().size()).isEqualTo(one(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) { GRAPH ?g { ?s ?p ?o } }"));
            List<QuerySolution> classes = rows(store, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s a ?c } } GROUP BY ?c");
            assertThat(c.classEntities()).hasSize(classes.size());
            for (QuerySolution row : classes)
                assertThat(c.classEntities().get(row.getResource("c").getURI())).isEqualTo(row.getLiteral("n").getLong());
            assertThat(c.firstOfClass().get(initiative)).isEqualTo(rows(store,
                    "SELECT (MIN(STR(?s)) AS ?ex) { GRAPH ?g { ?s a <" + initiative + "> } }")
                    .get(0).getLiteral("ex").getString());
        }
    }

    private static long one(Store store, String sparql) {
        return rows(store, sparql).get(0).getLiteral("n").getLong();
    }

    private static List<QuerySolution> rows(Store store, String sparql) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.create(sparql, DatasetFactory.wrap(store.dataset()))) {
                List<QuerySolution> out = new java.util.ArrayList<>();
                qe.execSelect().forEachRemaining(out::add);
                return out;
            }
        });
    }
}
