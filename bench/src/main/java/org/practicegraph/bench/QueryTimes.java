package org.practicegraph.bench;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.system.Txn;
import org.practicegraph.publish.PracticeStatistics;
import org.practicegraph.rdf.Iris;
import org.practicegraph.store.Store;

/**
 * In-process latency of the canned queries over a TDB2 database, each answer written as SPARQL JSON
 * results to a byte counter (what the server does, minus HTTP), and the same query file name from
 * several folders in turn, so "before" and "after" versions of a query are timed in one process, on
 * one database, interleaved:
 * <pre>
 *   QueryTimes --db DIR --queries before=DIR,after=queries [--stats] [--warmup 3] [--runs 15]
 *              [--max-seconds 20] --out CSV
 * </pre>
 * {@code --stats} first writes the practice statistics graph (as {@code serve} does on start) and
 * reports how long that took (cold: the first queries of the process). Runs stop early (after at least 3) once a query has used
 * {@code --max-seconds}, as {@code HttpBench latency} does.
 */
public final class QueryTimes {
    private QueryTimes() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        Path db = Path.of(a.get("db"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "3"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "15"));
        double maxSeconds = Double.parseDouble(a.getOrDefault("max-seconds", "20"));
        Map<String, Map<String, String>> versions = new LinkedHashMap<>();
        for (String kv : a.get("queries").split(",")) {
            String[] p = kv.split("=", 2);
            versions.put(p[0], Queries.read(Path.of(p[1])));
        }
        try (Store store = Store.open(db); PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(a.get("out"))))) {
            if (a.containsKey("stats")) {
                long t0 = System.nanoTime();
                long triples = PracticeStatistics.of(Iris.DEFAULT).refresh(store);
                System.out.printf(Locale.ROOT, "statistics graph: %d triples written in %.0f ms%n", triples, (System.nanoTime() - t0) / 1e6);
            }
            w.println("query,version,p50_ms,p99_ms,min_ms,max_ms,runs,json_bytes");
            List<String> names = new ArrayList<>();
            versions.values().forEach(v -> v.keySet().forEach(n -> { if (!names.contains(n)) names.add(n); }));
            for (String name : names) {
                for (var v : versions.entrySet()) {
                    String text = v.getValue().get(name);
                    if (text == null) continue;
                    Query q = QueryFactory.create(text);
                    long warmBudget = System.nanoTime() + (long) (maxSeconds * 1e9);
                    for (int i = 0; i < warmup && (i < 1 || System.nanoTime() < warmBudget); i++) run(store, q);
                    long[] t = new long[runs];
                    long last = 0;
                    long budget = System.nanoTime() + (long) (maxSeconds * 1e9);
                    int done = 0;
                    while (done < runs && (done < 3 || System.nanoTime() < budget)) {
                        long t0 = System.nanoTime();
                        last = run(store, q);
                        t[done++] = System.nanoTime() - t0;
                    }
                    t = Arrays.copyOf(t, done);
                    Arrays.sort(t);
                    String line = String.format(Locale.ROOT, "%s,%s,%.2f,%.2f,%.2f,%.2f,%d,%d", name, v.getKey(),
                            pct(t, 50), pct(t, 99), t[0] / 1e6, t[t.length - 1] / 1e6, done, last);
                    w.println(line);
                    w.flush();
                    System.out.println(line);
                }
            }
        }
    }

    /** @return the size of the SPARQL JSON answer in bytes (row counts: {@code practice-graph query --format csv}) */
    private static long run(Store store, Query q) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(store.dataset())).query(q).build()) {
                Counter out = new Counter();
                ResultSetFormatter.outputAsJSON(out, qe.execSelect());
                return out.n;
            }
        });
    }

    static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static final class Counter extends OutputStream {
        long n;
        @Override public void write(int b) { n++; }
        @Override public void write(byte[] b, int off, int len) { n += len; }
    }
}
