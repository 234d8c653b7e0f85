package org.practicegraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A first load into an empty database goes through TDB2's bulk loader: same data, same search, other guarantees. */
class BulkLoadTest {
    private static final Path SAMPLE = Path.of("corpus/sample");
    private static final Path HELDOUT = Path.of("src/test/resources/heldout");
    private static final List<Path> INPUTS = List.of(SAMPLE, HELDOUT, Path.of("src/test/resources/bad/score-seven.txt"));
    private static Loader.Components components;

    @BeforeAll
    static void components() { components = Loader.Components.bundled(); }

    private static LoadResult load(Store store, boolean bulk, List<Path> inputs, List<String> warnings) {
        return Loader.create().store(store).components(components).bulkWhenEmpty(bulk).batchSize(3)
                .onWarning(warnings::add).build().load(inputs);
    }

    @Test
    void bulkLoadingAnEmptyDatabaseGivesWhatTransactionsGive(@TempDir Path dir) {
        List<String> bulkWarnings = new ArrayList<>(), txnWarnings = new ArrayList<>();
        try (Store bulk = Store.open(dir.resolve("bulk")); Store txn = Store.open(dir.resolve("txn"))) {
            LoadResult b = load(bulk, true, INPUTS, bulkWarnings);
            LoadResult t = load(txn, false, INPUTS, txnWarnings);
            assertThat(b.bulk()).isTrue();
            assertThat(t.bulk()).isFalse();
            assertThat(b.summary()).endsWith("(bulk load into an empty database)");
            assertThat(b.loaded()).hasSize(10).isEqualTo(t.loaded());
            assertThat(b.problems()).containsExactly("score-seven.txt: score 7 is out of range (expected 1 to 4)").isEqualTo(t.problems());
            assertThat(bulkWarnings).isNotEmpty().isEqualTo(txnWarnings);
            assertThat(reportQuads(bulk)).isEqualTo(reportQuads(txn)).contains("/graph/report/h02_assessing_needs_cheshire_east>");
            // the text index is filled as the quads stream in
            assertThat(subjects(bulk.search("apprenticeship", 50))).isNotEmpty().isEqualTo(subjects(txn.search("apprenticeship", 50)));
        }
        // and is found in step when the database is opened again (a mismatch would rebuild it)
        try (Store reopened = Store.open(dir.resolve("bulk"))) {
            assertThat(reopened.search("apprenticeship", 50)).isNotEmpty();
            assertThat(Files.exists(dir.resolve("bulk").resolve(Store.BulkLoad.UNFINISHED))).isFalse();
        }
    }

    @Test
    void laterLoadsIntoTheDatabaseUseTransactions(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("in").resolve("report.txt");
        Files.createDirectories(report.getParent());
        Files.copy(SAMPLE.resolve("004_9ad3562cb36cee7d.txt"), report);
        try (Store store = Store.open(dir.resolve("db"))) {
            assertThat(load(store, true, List.of(SAMPLE), new ArrayList<>()).bulk()).isTrue();
            LoadResult second = load(store, true, List.of(report), new ArrayList<>());
            assertThat(second.bulk()).isFalse();
            assertThat(second.loaded()).containsExactly("report.txt");
            // unchanged files are still skipped
            assertThat(load(store, true, List.of(SAMPLE), new ArrayList<>()).skipped()).hasSize(5);
        }
    }

    @Test
    void filesMeaningTheSameGraphAreLoadedInTransactionsSoTheLaterReplacesTheEarlier(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a").resolve("report.txt"), b = dir.resolve("b").resolve("report.txt");
        Files.createDirectories(a.getParent());
        Files.createDirectories(b.getParent());
        Files.copy(SAMPLE.resolve("003_874a80aed6dcf2ea.txt"), a);
        Files.copy(SAMPLE.resolve("004_9ad3562cb36cee7d.txt"), b);
        try (Store bulk = Store.open(dir.resolve("bulk")); Store txn = Store.open(dir.resolve("txn"))) {
            LoadResult r = load(bulk, true, List.of(a, b), new ArrayList<>());
            assertThat(r.bulk()).isFalse();
            load(txn, false, List.of(a, b), new ArrayList<>());
            assertThat(reportQuads(bulk)).isEqualTo(reportQuads(txn));
        }
    }

    @Test
    void aBulkLoadThatDoesNotFinishLeavesADatabaseThatRefusesToOpen(@TempDir Path dir) {
        Path db = dir.resolve("db");
        try (Store store = Store.open(db)) {
            Graph g = GraphFactory.createDefaultGraph();
            g.add(NodeFactory.createURI("urn:x:s"), NodeFactory.createURI("urn:x:p"), NodeFactory.createLiteralString("o"));
            Store.BulkLoad bulk = store.bulkLoad();
            bulk.add("urn:x:g", g);
            assertThatThrownBy(() -> bulk.add("urn:x:g", g)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
            bulk.close();   // abandoned, as when a load fails half way
        }
        assertThatThrownBy(() -> Store.open(db)).isInstanceOf(StoreException.class)
                .hasMessageContaining(db.toString())
                .hasMessageContaining("bulk load into this database did not finish")
                .hasMessageContaining("delete the folder and load again");
    }

    @Test
    void aStoreInMemoryIsNeverBulkLoaded() {
        try (Store store = Store.inMemory()) {
            assertThat(load(store, true, List.of(SAMPLE), new ArrayList<>()).bulk()).isFalse();
            assertThatThrownBy(store::bulkLoad).isInstanceOf(IllegalStateException.class);
        }
    }

    private static String reportQuads(Store store) {
        return LoaderTest.sortedNQuads(store).lines()
                .filter(l -> l.contains("/graph/report/") && !l.contains("<http://www.w3.org/ns/prov#generatedAtTime>"))
                .reduce("", (x, y) -> x + y + "\n");
    }

    private static List<String> subjects(List<SearchHit> hits) {
        return hits.stream().map(h -> h.subject() + " " + h.graph()).sorted().toList();
    }
}
