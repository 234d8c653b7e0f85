package org.practicegraph.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicegraph.rdf.Iris;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/** Sixteen readers query a report graph while loads replace it: each sees the old or the new graph, never a mix. */
class ConcurrentReadTest {
    static final int READERS = 16;

    @Test
    void readersSeeWholeGraphsDuringReloads(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.txt");
        String a = Files.readString(Path.of("corpus/sample/003_874a80aed6dcf2ea.txt"));
        String b = Files.readString(Path.of("corpus/sample/004_9ad3562cb36cee7d.txt"));
        try (Store store = Store.open(dir.resolve("db"))) {
            Loader loader = Loader.create().store(store).build();
            long sizeA = loadAndCount(store, loader, report, a);
            long sizeB = loadAndCount(store, loader, report, b);
            assertThat(sizeA).isNotEqualTo(sizeB);

            String graph = Iris.DEFAULT.reportGraph("report.txt");
            String count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }";
            AtomicBoolean loading = new AtomicBoolean(true);
            Set<Long> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger queries = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(READERS);
            List<Future<Object>> readers = java.util.stream.IntStream.range(0, READERS).mapToObj(i -> pool.<Object>submit(() -> {
                while (loading.get()) {
                    seen.add(Txn.calculateRead(store.dataset(), () -> {
                        try (QueryExecution qe = QueryExecution.create(count, DatasetFactory.wrap(store.dataset()))) {
                            return qe.execSelect().next().getLiteral("n").getLong();
                        }
                    }));
                    queries.incrementAndGet();
                }
                return null;
            })).toList();
            for (int i = 0; i < 10; i++) loadAndCount(store, loader, report, i % 2 == 0 ? a : b);
            loading.set(false);
            for (Future<Object> f : readers) f.get(60, TimeUnit.SECONDS); // rethrows any reader error
            pool.shutdown();
            assertThat(seen).isSubsetOf(sizeA, sizeB);
            assertThat(queries.get()).isGreaterThan(READERS);
        }
    }

    private static long loadAndCount(Store store, Loader loader, Path report, String text) throws IOException {
        Files.writeString(report, text);
        assertThat(loader.load(List.of(report)).ok()).isTrue();
        return store.graph(Iris.DEFAULT.reportGraph("report.txt")).size();
    }
}
