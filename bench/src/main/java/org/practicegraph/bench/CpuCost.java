package org.practicegraph.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.practicegraph.extract.Extractor;
import org.practicegraph.report.Reports;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/**
 * CPU time per report of each loading step, measured with the thread's CPU clock rather than the
 * wall clock, so that other processes on a shared machine change it little (JMH's throughput,
 * which is wall-clock, is the figure to trust on a quiet machine). Each step runs over the corpus
 * {@code --rounds} times after one warm-up round; the median round is reported.
 * <pre>
 *   CpuCost --corpus DIR --reports 200 --rounds 5 --out cpu-cost.csv
 * </pre>
 */
public final class CpuCost {
    private CpuCost() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> a = Args.parse(args);
        int n = Integer.parseInt(a.getOrDefault("reports", "200"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "5"));
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(a.get("corpus")))) {
            files = s.filter(p -> p.getFileName().toString().startsWith("synthetic-")).sorted().limit(n).toList();
        }
        List<byte[]> texts = new ArrayList<>();
        long bytes = 0;
        for (Path p : files) { byte[] b = Files.readAllBytes(p); texts.add(b); bytes += b.length; }
        Extractor extractor = Extractor.fromClasspath();
        Loader loader = Loader.create().store(Store.inMemory()).build();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] sink = new long[1];
        Map<String, Consumer<Integer>> steps = new java.util.LinkedHashMap<>();
        steps.put("parse", i -> sink[0] += Reports.parse(files.get(i).getFileName().toString(), texts.get(i)).sentences().size());
        steps.put("extract", i -> extractor.extract(Reports.parse(files.get(i).getFileName().toString(), texts.get(i)), f -> sink[0]++));
        steps.put("toGraph", i -> sink[0] += loader.toGraph(files.get(i), new ArrayList<>()).size());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(a.getOrDefault("out", "/dev/stdout"))))) {
            w.println("step,cpu_ms_per_report,min_ms,max_ms,reports_per_cpu_s,mb_per_cpu_s,reports,rounds");
            for (var e : steps.entrySet()) {
                double[] perReport = new double[rounds];
                for (int r = -1; r < rounds; r++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < files.size(); i++) e.getValue().accept(i);
                    if (r >= 0) perReport[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / files.size();
                }
                double[] s = perReport.clone();
                java.util.Arrays.sort(s);
                double med = s[s.length / 2];
                w.printf(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.1f,%.2f,%d,%d%n", e.getKey(), med, s[0], s[s.length - 1], 1000 / med,
                        1000 / med * bytes / files.size() / 1e6, files.size(), rounds);
                w.flush();
            }
        }
        if (sink[0] == 42) System.out.print("");
    }
}
