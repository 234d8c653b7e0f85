package org.practicegraph.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicegraph.rdf.Iris;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/**
 * Kills a real {@code load} process (SIGKILL) at random points while it loads a few hundred
 * reports into TDB2 in transactions, then checks the database: it opens, every report graph in it is
 * exactly the graph a clean load gives, none is half there, and re-running the load finishes the
 * rest. A first load into an empty database goes through the bulk loader instead, which is not a
 * transaction: killed, it must leave a database that refuses to open, saying what to do.
 */
class CrashSafetyTest {
    static final int REPORTS = 80;
    static final long SEED = 20261122L;
    @TempDir static Path corpus;
    /** file name → sorted N-Triples of its graph from a clean in-memory load. */
    static Map<String, String> clean = new TreeMap<>();
    /** A search that hits every report (well under the hit limit in all): graph → its hits in a clean load. */
    static final String SEARCH = "local";
    static Map<String, Long> cleanHits = new TreeMap<>();

    @BeforeAll
    static void corpusAndCleanGraphs() throws IOException {
        List<Path> samples;
        try (var files = Files.list(Path.of("corpus/sample"))) {
            samples = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (int i = 0; i < REPORTS; i++) {
            Path sample = samples.get(i % samples.size());
            // Synthetic copies: one more sentence makes each copy's text and hash its own.
            String text = Files.readString(sample) + "\n\nSynthetic copy " + i + " for the crash-safety test.\n";
            Files.writeString(corpus.resolve(String.format("synthetic-%03d.txt", i)), text);
        }
        Store memory = Store.inMemory();
        Loader.create().store(memory).build().load(List.of(corpus));
        for (String graph : memory.graphNames())
            if (graph.startsWith(Iris.DEFAULT.reportGraphPrefix())) clean.put(graph, sorted(memory.graph(graph)));
        assertThat(clean).hasSize(REPORTS);
        cleanHits = hitsPerReport(memory);
        assertThat(cleanHits).hasSize(REPORTS);
        assertThat(cleanHits.values().stream().mapToLong(Long::longValue).sum()).isLessThan(Store.MAX_SEARCH_HITS);
    }

    @Test
    void killedLoadsLeaveOnlyWholeReportsAndResume(@TempDir Path work) throws Exception {
        Random random = new Random(SEED);
        Path db = work.resolve("db");
        List<Integer> survivedWith = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            Process load = loadProcess(db, "--no-bulk");
            // Each committed report prints a warning line (the synthetic copies name no council, or
            // one already loaded is skipped); kill after a random number of them, mid-batch.
            int killAfter = 1 + random.nextInt(8);
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(load.getInputStream()))) {
                int seen = 0;
                for (String line; seen < killAfter && (line = lines.readLine()) != null; )
                    if (line.startsWith("warning: ")) seen++;
                // Let it get into the middle of the next transaction before the kill.
                Thread.sleep(random.nextInt(200));
                load.destroyForcibly();
            }
            assertThat(load.waitFor(30, TimeUnit.SECONDS)).isTrue();
            survivedWith.add(checkWholeReports(db));
        }
        Process finish = loadProcess(db, "--no-bulk");
        finish.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(finish.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(finish.exitValue()).isZero();
        assertThat(checkWholeReports(db)).isEqualTo(REPORTS);
        // The kills landed mid-batch: each round found more whole reports, none all of them.
        assertThat(survivedWith).isSorted().allSatisfy(n -> assertThat(n).isBetween(1, REPORTS - 1));
        System.out.println("crash-safety: report graphs present after each kill: " + survivedWith);
    }

    /**
     * @return how many report graphs the database holds; fails if any differs from a clean load, or
     *         the search index is out of step with them (after a kill it is checked, not trusted)
     */
    private static int checkWholeReports(Path db) {
        try (Store store = Store.open(db)) {
            int present = 0;
            Map<String, Long> expectedHits = new TreeMap<>();
            for (String graph : store.graphNames()) {
                if (!graph.startsWith(Iris.DEFAULT.reportGraphPrefix())) continue;
                assertThat(sorted(store.graph(graph))).as(graph).isEqualTo(clean.get(graph));
                expectedHits.put(graph, cleanHits.get(graph));
                present++;
            }
            assertThat(hitsPerReport(store)).isEqualTo(expectedHits);
            return present;
        }
    }

    /** @return report graph → how many hits {@link #SEARCH} has in it */
    private static Map<String, Long> hitsPerReport(Store store) {
        Map<String, Long> hits = new TreeMap<>();
        for (var h : store.search(SEARCH, Store.MAX_SEARCH_HITS))
            if (h.graph() != null && h.graph().startsWith(Iris.DEFAULT.reportGraphPrefix())) hits.merge(h.graph(), 1L, Long::sum);
        return hits;
    }

    private static Process loadProcess(Path db, String... options) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "org.practicegraph.cli.Main",
                "load", "--db", db.toString(), "--batch-size", "5"));
        command.addAll(List.of(options));
        command.add(corpus.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void aKilledBulkLoadLeavesADatabaseThatRefusesToOpenUntilLoadedAfresh(@TempDir Path work) throws Exception {
        Path db = work.resolve("db");
        Process load = loadProcess(db);
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(load.getInputStream()))) {
            // the first batch's warnings: the bulk load is under way
            for (String line; (line = lines.readLine()) != null; ) if (line.startsWith("warning: ")) break;
            load.destroyForcibly();
        }
        assertThat(load.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> Store.open(db)).isInstanceOf(org.practicegraph.store.StoreException.class)
                .hasMessageContaining("did not finish").hasMessageContaining("delete the folder and load again");
        // as the message says: delete the folder, load again
        try (var files = Files.walk(db)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        Process again = loadProcess(db);
        again.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(again.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isZero();
        assertThat(checkWholeReports(db)).isEqualTo(REPORTS);
    }

    /** The graph's triples, sorted; its load time (prov:generatedAtTime) left out, as it differs from load to load. */
    static String sorted(Graph g) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, g, RDFFormat.NTRIPLES);
        return out.toString().lines().filter(l -> !l.contains("<http://www.w3.org/ns/prov#generatedAtTime>"))
                .sorted().reduce("", (a, b) -> a + b + "\n");
    }
}
