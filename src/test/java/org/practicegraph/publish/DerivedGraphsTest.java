package org.practicegraph.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicegraph.rdf.Iris;
import org.practicegraph.rdf.PG;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/** The derived graphs are rewritten when, and only when, what they are computed from has changed. */
class DerivedGraphsTest {
    static final Iris IRIS = Iris.DEFAULT;
    static final String REPORT_002 = IRIS.reportGraph("002_69a4ab76882569fd.txt");

    @TempDir Path dir;
    Path corpus;
    Store store;

    @BeforeEach
    void load() throws IOException {
        corpus = dir.resolve("corpus");
        Files.createDirectories(corpus);
        try (Stream<Path> files = Files.list(Path.of("corpus/sample"))) {
            for (Path f : files.toList()) Files.copy(f, corpus.resolve(f.getFileName()));
        }
        store = Store.inMemory();
        Loader.create().store(store).build().load(List.of(corpus));
    }

    private DatasetDescription description(String publicUrl) {
        return DatasetDescription.create().iris(IRIS).publicUrl(publicUrl).build();
    }

    /** @return whether each of cube, statistics and description was rewritten */
    private List<Boolean> refreshAll() {
        return List.of(ScoreCube.of(IRIS).refreshIfChanged(store).isPresent(),
                PracticeStatistics.of(IRIS).refreshIfChanged(store).isPresent(),
                description("http://localhost:3030").refreshIfChanged(store).isPresent());
    }

    /** @return the one number a SELECT (COUNT… AS ?n) query gives, evaluated as a client's query */
    private long count(String sparql) {
        return org.apache.jena.system.Txn.calculateRead(store.dataset(), () -> {
            try (var qe = org.apache.jena.query.QueryExecution.create(sparql, org.apache.jena.query.DatasetFactory.wrap(store.dataset()))) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    @Test
    void theDescriptionsCountsAreWhatSparqlCountsOutsideTheDerivedGraphs() {
        String derived = "FILTER(?g NOT IN (<" + IRIS.descriptionGraph() + ">, <" + IRIS.cubeGraph() + ">, <" + IRIS.similarityGraph()
                + ">, <" + IRIS.statsGraph() + ">))";
        long subjects = count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } " + derived + " }");
        long entities = count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } " + derived
                + " FILTER(isIRI(?s) && STRSTARTS(STR(?s), \"" + IRIS.base() + "\")) }");
        long initiatives = count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a <" + PG.Initiative.getURI() + "> } }");
        assertThat(subjects).isGreaterThan(100);
        // the derived graphs exist when the description counts, and must not be counted
        assertThat(refreshAll()).containsExactly(true, true, true);
        long triples = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } " + derived + " }");
        Graph d = store.graph(IRIS.descriptionGraph());
        var ds = NodeFactory.createURI(IRIS.dataset());
        java.util.function.Function<String, Long> voidCount = p -> ((Number) d.find(ds, NodeFactory.createURI("http://rdfs.org/ns/void#" + p), null)
                .next().getObject().getLiteralValue()).longValue();
        assertThat(voidCount.apply("triples")).isEqualTo(triples);
        assertThat(voidCount.apply("distinctSubjects")).isEqualTo(subjects);
        assertThat(voidCount.apply("entities")).isEqualTo(entities);
        var partition = d.find(null, NodeFactory.createURI("http://rdfs.org/ns/void#class"), PG.Initiative.asNode()).next().getSubject();
        assertThat(((Number) d.find(partition, NodeFactory.createURI("http://rdfs.org/ns/void#entities"), null).next().getObject()
                .getLiteralValue()).longValue()).isEqualTo(initiatives).isPositive();
    }

    @Test
    void statisticsAreMissingWhereReportsWereLoadedWithoutThem() {
        PracticeStatistics stats = PracticeStatistics.of(IRIS);
        assertThat(stats.missing(store)).isTrue();
        stats.refreshIfChanged(store);
        assertThat(stats.missing(store)).isFalse();
        try (Store empty = Store.inMemory()) {
            assertThat(stats.missing(empty)).as("no reports: nothing to count").isFalse();
        }
    }

    @Test
    void writtenOnceThenLeftAloneWhileNothingChanges() {
        assertThat(refreshAll()).as("first time").containsExactly(true, true, true);
        assertThat(refreshAll()).as("unchanged").containsExactly(false, false, false);
        // the graphs hold their content and the digest they were computed from
        assertThat(store.graph(IRIS.cubeGraph()).contains(NodeFactory.createURI(ScoreCube.of(IRIS).dataSet()), null, null)).isTrue();
        assertThat(store.graph(IRIS.statsGraph()).contains(NodeFactory.createURI(IRIS.statsGraph()), PG.inputDigest.asNode(), null)).isTrue();
        // reloading unchanged files writes nothing, so nothing is recomputed
        Loader.create().store(store).build().load(List.of(corpus));
        assertThat(refreshAll()).containsExactly(false, false, false);
    }

    @Test
    void theDerivedGraphsAreNotTheirOwnInputs() {
        String before = DerivedGraphs.inputs(store, IRIS);
        refreshAll();
        assertThat(DerivedGraphs.inputs(store, IRIS)).isEqualTo(before);
    }

    @Test
    void aChangedReportRewritesThemAll() throws IOException {
        refreshAll();
        String cubeBefore = digestOf(IRIS.cubeGraph());
        Path file = corpus.resolve("002_69a4ab76882569fd.txt");
        Files.writeString(file, Files.readString(file).replace("apprenticeship opportunities", "traineeship opportunities"));
        assertThat(Loader.create().store(store).build().load(List.of(corpus)).loaded()).containsExactly("002_69a4ab76882569fd.txt");

        assertThat(refreshAll()).containsExactly(true, true, true);
        assertThat(digestOf(IRIS.cubeGraph())).isNotEqualTo(cubeBefore);
        assertThat(refreshAll()).containsExactly(false, false, false);
    }

    @Test
    void aRemovedReportRewritesThemAll() {
        refreshAll();
        long observations = PracticeStatistics.of(IRIS).build(store).size();
        store.replaceGraph(REPORT_002, GraphFactory.createDefaultGraph());
        assertThat(refreshAll()).containsExactly(true, true, true);
        assertThat(store.graph(IRIS.statsGraph()).size()).isNotEqualTo(observations);
    }

    @Test
    void aChangedTaxonomyRewritesThemAll() {
        refreshAll();
        String taxonomy = "https://w3id.org/practice-graph/def/initiative-type";
        Graph changed = store.graph(taxonomy);
        assertThat(changed.isEmpty()).isFalse();
        changed.add(NodeFactory.createURI(taxonomy + "/new"), NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#broader"),
                NodeFactory.createURI(taxonomy + "/apprenticeship"));
        store.replaceGraph(taxonomy, changed);
        assertThat(refreshAll()).containsExactly(true, true, true);
    }

    @Test
    void anotherPublicUrlRewritesOnlyTheDescription() {
        refreshAll();
        assertThat(description("https://example.org").refreshIfChanged(store)).isPresent();
        assertThat(store.graph(IRIS.descriptionGraph()).contains(null, null, NodeFactory.createURI("https://example.org/practice/sparql"))).isTrue();
        assertThat(ScoreCube.of(IRIS).refreshIfChanged(store)).isEmpty();
        assertThat(PracticeStatistics.of(IRIS).refreshIfChanged(store)).isEmpty();
    }

    @Test
    void anotherPublicUrlCopiesTheCountsInsteadOfCountingAgain() {
        DatasetDescription local = description("http://localhost:3030");
        assertThat(local.refreshIfChanged(store)).isPresent();
        assertThat(local.countsComputed()).isEqualTo(1);
        String countsDigest = countsDigestOf(IRIS.descriptionGraph());

        DatasetDescription published = description("https://example.org");
        assertThat(published.refreshIfChanged(store)).isPresent();
        assertThat(published.countsComputed()).as("counts copied from the stored description").isZero();
        Graph stored = store.graph(IRIS.descriptionGraph());
        assertThat(stored.find().toList()).as("no link to the old URL left")
                .noneMatch(t -> t.getObject().toString().contains("localhost:3030") || t.getSubject().toString().contains("localhost:3030"));
        assertThat(stored.contains(null, null, NodeFactory.createURI("https://example.org/practice/sparql"))).isTrue();
        assertThat(countsDigestOf(IRIS.descriptionGraph())).isEqualTo(countsDigest);
        // the same graph, partitions and all, as counting afresh under the new URL gives
        assertThat(withoutDigests(stored).isIsomorphicWith(published.describe(store).getGraph())).isTrue();
        assertThat(published.countsComputed()).isEqualTo(1);
        assertThat(stored.contains(NodeFactory.createURI(IRIS.dataset()), NodeFactory.createURI(DatasetDescription.VOID + "triples"), null)).isTrue();
    }

    @Test
    void changedDataIsCountedAgainWhateverTheUrl() {
        assertThat(description("http://localhost:3030").refreshIfChanged(store)).isPresent();
        String triples = voidTriples();
        store.replaceGraph(REPORT_002, GraphFactory.createDefaultGraph());

        DatasetDescription sameUrl = description("http://localhost:3030");
        assertThat(sameUrl.refreshIfChanged(store)).isPresent();
        assertThat(sameUrl.countsComputed()).isEqualTo(1);
        assertThat(voidTriples()).isNotEqualTo(triples);

        triples = voidTriples();
        Loader.create().store(store).build().load(List.of(corpus.resolve("002_69a4ab76882569fd.txt")));
        DatasetDescription otherUrl = description("https://example.org");
        assertThat(otherUrl.refreshIfChanged(store)).isPresent();
        assertThat(otherUrl.countsComputed()).as("new data and a new URL: counted").isEqualTo(1);
        assertThat(voidTriples()).isNotEqualTo(triples);
        assertThat(withoutDigests(store.graph(IRIS.descriptionGraph())).isIsomorphicWith(otherUrl.describe(store).getGraph())).isTrue();
    }

    @Test
    void refreshAlwaysRewritesAndRecordsTheDigest() {
        PracticeStatistics stats = PracticeStatistics.of(IRIS);
        assertThat(stats.refresh(store)).isPositive();
        assertThat(stats.refreshIfChanged(store)).isEmpty();
        assertThat(stats.refresh(store)).isPositive();
    }

    @Test
    void theMethodDigestFollowsTheBuilderAndItsFiles() {
        assertThat(DerivedGraphs.method(ScoreCube.class, ScoreCube.STRUCTURE))
                .isEqualTo(DerivedGraphs.method(ScoreCube.class, ScoreCube.STRUCTURE))
                .isNotEqualTo(DerivedGraphs.method(ScoreCube.class, ScoreCube.STRUCTURE, ScoreCube.OBSERVATIONS))
                .isNotEqualTo(DerivedGraphs.method(PracticeStatistics.class, ScoreCube.STRUCTURE));
    }

    private String countsDigestOf(String graph) {
        return store.graph(graph).find(NodeFactory.createURI(graph), PG.countsDigest.asNode(), null).next().getObject().getLiteralLexicalForm();
    }

    /** @return the description's void:triples, as written */
    private String voidTriples() {
        return store.graph(IRIS.descriptionGraph()).find(NodeFactory.createURI(IRIS.dataset()),
                NodeFactory.createURI(DatasetDescription.VOID + "triples"), null).next().getObject().getLiteralLexicalForm();
    }

    /** @return the graph without the statements about what it was computed from */
    private static Graph withoutDigests(Graph g) {
        Graph copy = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(t -> { if (!t.getPredicate().equals(PG.inputDigest.asNode()) && !t.getPredicate().equals(PG.countsDigest.asNode())) copy.add(t); });
        return copy;
    }

    private String digestOf(String graph) {
        return store.graph(graph).find(NodeFactory.createURI(graph), PG.inputDigest.asNode(), null).next().getObject().getLiteralLexicalForm();
    }
}
