package org.practicegraph.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/**
 * Reads one results folder written by {@code bench/run.sh} and prints it as Markdown tables; also
 * writes {@code summary.csv} (key,value), which {@link Chart} reads. Targets from issue 8 are
 * checked here, as figures next to the target, never as a pass/fail that stops the run.
 */
public final class Summary {
    private final Path dir;
    private final Map<String, String> machine;
    private final Map<String, String> out = new LinkedHashMap<>();

    private Summary(Path dir) throws IOException {
        this.dir = dir;
        this.machine = keyValues(dir.resolve("machine.csv"));
    }

    private static Map<String, String> keyValues(Path csv) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        if (!Files.exists(csv)) return m;
        for (String line : Files.readAllLines(csv)) {
            int c = line.indexOf(',');
            if (c > 0) m.put(line.substring(0, c), line.substring(c + 1));
        }
        return m;
    }

    private static List<String[]> rows(Path csv) throws IOException {
        List<String[]> r = new ArrayList<>();
        if (!Files.exists(csv)) return r;
        List<String> lines = Files.readAllLines(csv);
        for (String l : lines.subList(1, lines.size())) if (!l.isBlank()) r.add(l.split(",", -1));
        return r;
    }

    private static String f(double v) {
        if (Double.isNaN(v)) return "–";
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static List<JsonObject> jmh(Path json) throws IOException {
        List<JsonObject> l = new ArrayList<>();
        if (!Files.exists(json) || Files.size(json) == 0) return l;
        JsonValue v = JSON.parseAny(Files.readString(json));
        for (JsonValue o : v.getAsArray()) l.add(o.getAsObject());
        return l;
    }

    private static double[] raw(JsonObject metric) {
        List<Double> vals = new ArrayList<>();
        if (metric.hasKey("rawData"))
            for (JsonValue fork : metric.get("rawData").getAsArray())
                for (JsonValue x : fork.getAsArray()) vals.add(x.getAsNumber().value().doubleValue());
        return vals.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private void print(PrintWriter w) throws IOException {
        int size = Integer.parseInt(machine.getOrDefault("size", "0"));
        out.put("size", Integer.toString(size));
        w.printf("# Benchmark results: %d synthetic reports%n%n", size);
        w.printf("%s, %s CPUs, %s GiB, %s; load average at start %s. Seed %s.%n%n", machine.get("cpu"),
                machine.get("cpus"), machine.get("mem_gib"), machine.get("java"), machine.get("loadavg_at_start"), machine.get("seed"));
        double corpusMb = Double.parseDouble(machine.getOrDefault("corpus_bytes", "0")) / 1e6;
        w.printf("Corpus: %d reports, %.1f MB of text, %s quads exported.%n%n", size, corpusMb, machine.getOrDefault("quads", "?"));
        Map<String, String> t = new LinkedHashMap<>();
        Map<String, String> rss = new LinkedHashMap<>(), cpu = new LinkedHashMap<>();
        for (String[] r : rows(dir.resolve("timings.csv"))) {
            t.put(r[0], r[1]);
            rss.put(r[0], r[2]);
            cpu.put(r[0], r.length > 3 ? r[3] : "NaN");
        }

        // extraction
        double meanBytes = Double.parseDouble(machine.getOrDefault("mean_report_bytes", "0"));
        List<String[]> ex = new ArrayList<>();
        for (int threads : new int[] {1, 2})
            for (JsonObject o : jmh(dir.resolve("jmh-extraction-t" + threads + ".json"))) {
                String b = o.get("benchmark").getAsString().value().replaceAll(".*\\.", "");
                double[] raw = raw(o.get("primaryMetric").getAsObject());
                double med = median(raw);
                ex.add(new String[] {b, Integer.toString(threads), f(med), f(Arrays.stream(raw).min().orElse(Double.NaN)) + "–"
                        + f(Arrays.stream(raw).max().orElse(Double.NaN)), f(med * meanBytes / 1e6)});
                out.put("extract_" + b + "_t" + threads + "_rps", f(med));
            }
        if (!ex.isEmpty()) {
            w.printf("## Extraction throughput (JMH, in-process; mean report %.0f bytes)%n%n", meanBytes);
            w.println("| step | threads | reports/s (median) | range | MB/s |");
            w.println("|---|---:|---:|---:|---:|");
            for (String[] r : ex) w.printf("| %s | %s | %s | %s | %s |%n", (Object[]) r);
            w.println();
        }

        List<String[]> cc = rows(dir.resolve("cpu-cost.csv"));
        if (!cc.isEmpty()) {
            w.println("## CPU time per report (thread CPU clock, median of rounds)\n");
            w.println("| step | CPU ms/report | range | reports per CPU-second | MB per CPU-second |");
            w.println("|---|---:|---:|---:|---:|");
            for (String[] r : cc) {
                w.printf("| %s | %s | %s–%s | %s | %s |%n", r[0], r[1], r[2], r[3], r[4], r[5]);
                out.put("cpu_ms_" + r[0], r[1]);
            }
            w.println();
        }

        // load
        if (t.containsKey("load")) {
            double load = Double.parseDouble(t.get("load")), ref = Double.parseDouble(t.getOrDefault("tdbloader", "NaN"));
            out.put("load_s", f(load));
            out.put("tdbloader_s", f(ref));
            double loadCpu = Double.parseDouble(cpu.get("load")), refCpu = Double.parseDouble(cpu.getOrDefault("tdbloader", "NaN"));
            out.put("load_ratio", f(load / ref));
            out.put("load_cpu_s", f(loadCpu));
            out.put("tdbloader_cpu_s", f(refCpu));
            out.put("load_cpu_ratio", f(loadCpu / refCpu));
            if (t.containsKey("txnload")) {
                out.put("txnload_s", t.get("txnload"));
                out.put("txnload_cpu_s", cpu.get("txnload"));
            }
            w.println("## Loading into TDB2 (whole process, one run each)\n");
            w.println("| step | wall s | CPU s (user+sys) | reports/s (wall) | peak RSS MiB |");
            w.println("|---|---:|---:|---:|---:|");
            for (String s : List.of("generate", "load", "txnload", "export", "tdbloader", "compact"))
                if (t.containsKey(s))
                    w.printf("| %s | %s | %s | %s | %s |%n", s, t.get(s), cpu.get(s), List.of("load", "txnload", "tdbloader").contains(s)
                            ? f(size / Double.parseDouble(t.get(s))) : "", rss.get(s));
            w.printf("%n`load` / `tdb2.tdbloader`: **%.2f×** wall, **%.2f×** CPU (target ≤ 1.5× at 50k).", load / ref, loadCpu / refCpu);
            if (t.containsKey("txnload"))
                w.printf(" In transactions (`load --no-bulk`) / `tdb2.tdbloader`: %.2f× wall, %.2f× CPU.",
                        Double.parseDouble(t.get("txnload")) / ref, Double.parseDouble(cpu.get("txnload")) / refCpu);
            // the compaction and the load in transactions are skipped by --no-txnload: no figure, no clause
            w.printf("%nDatabase after `load`: %.0f MB%s%s; `tdb2.tdbloader`'s: %.0f MB (disk blocks used).%n%n", mb("db_bytes"),
                    Double.isNaN(mb("db_bytes_compacted")) ? "" : String.format(Locale.ROOT, "; after `tdb2.tdbcompact`: %.0f MB", mb("db_bytes_compacted")),
                    Double.isNaN(mb("txndb_bytes")) ? "" : String.format(Locale.ROOT, "; in transactions: %.0f MB", mb("txndb_bytes")),
                    mb("refdb_bytes"));
            out.put("db_mb", f(mb("db_bytes")));
            out.put("db_compacted_mb", f(mb("db_bytes_compacted")));
        }

        // queries
        Map<String, double[]> inproc = new TreeMap<>();
        for (JsonObject o : jmh(dir.resolve("jmh-queries.json"))) {
            JsonObject pm = o.get("primaryMetric").getAsObject();
            JsonObject pc = pm.get("scorePercentiles").getAsObject();
            inproc.put(o.get("params").getAsObject().get("query").getAsString().value(), new double[] {
                    pc.get("50.0").getAsNumber().value().doubleValue(), pc.get("99.0").getAsNumber().value().doubleValue()});
        }
        Map<String, String[]> http = new TreeMap<>(), cached = new TreeMap<>(), oxi = new TreeMap<>(), sample = new TreeMap<>();
        for (String[] r : rows(dir.resolve("http-latency.csv"))) http.put(r[0], r);
        for (String[] r : rows(dir.resolve("http-latency-cached.csv"))) cached.put(r[0], r);
        for (String[] r : rows(dir.resolve("oxigraph-latency.csv"))) oxi.put(r[0], r);
        for (String[] r : rows(dir.resolve("http-latency-sample.csv"))) sample.put(r[0], r);
        if (!http.isEmpty()) {
            double target = size <= 1500 ? 20 : 200;
            w.printf("## Canned query latency, ms (target p50 ≤ %.0f ms at this size)%n%n", target);
            w.print("| query | rows | in-process p50 | in-process p99 | HTTP p50 | HTTP p99 |");
            w.print(cached.isEmpty() ? "" : " cached p50 | cached p99 |");
            w.println(oxi.isEmpty() ? "" : " Oxigraph p50 | Oxigraph p99 |");
            w.println("|---|---:|---:|---:|---:|---:|" + (cached.isEmpty() ? "" : "---:|---:|") + (oxi.isEmpty() ? "" : "---:|---:|"));
            List<Double> p50s = new ArrayList<>(), inP50s = new ArrayList<>();
            int over = 0;
            for (var e : http.entrySet()) {
                double[] ip = inproc.getOrDefault(e.getKey(), new double[] {Double.NaN, Double.NaN});
                String[] h = e.getValue();
                double hp50 = Double.parseDouble(h[1]);
                // the floor row (an empty query) is the cost of any request, not a canned query
                boolean floor = e.getKey().startsWith("(floor)");
                if (!floor) p50s.add(hp50);
                if (!Double.isNaN(ip[0])) inP50s.add(ip[0]);
                boolean miss = !floor && hp50 > target;
                if (miss) over++;
                w.printf("| %s | %s | %s | %s | %s%s | %s |", floor ? e.getKey().replace("(floor) ", "*floor:* `") + "`" : e.getKey().replace(".rq", ""),
                        floor ? "–" : h[6], f(ip[0]), f(ip[1]), miss ? "**" + f(hp50) + "**" : f(hp50), "", f(Double.parseDouble(h[2])));
                String[] c = cached.get(e.getKey());
                if (!cached.isEmpty()) w.printf(" %s | %s |", c == null ? "–" : f(Double.parseDouble(c[1])), c == null ? "–" : f(Double.parseDouble(c[2])));
                String[] x = oxi.get(e.getKey());
                if (!oxi.isEmpty()) w.printf(" %s | %s |", x == null ? "–" : x[1], x == null ? "–" : x[2]);
                w.println();
            }
            double[] hp = p50s.stream().mapToDouble(Double::doubleValue).toArray();
            out.put("http_p50_median_ms", f(median(hp)));
            out.put("http_p50_max_ms", f(Arrays.stream(hp).max().orElse(Double.NaN)));
            out.put("inproc_p50_median_ms", f(median(inP50s.stream().mapToDouble(Double::doubleValue).toArray())));
            out.put("queries_over_target", Integer.toString(over));
            w.printf("%n%d of %d queries over the p50 target over HTTP, evaluated each time (bold).%s%n%n", over, p50s.size(),
                    cached.isEmpty() ? "" : " Cached: the same query again on unchanged data, answered from the server's result cache.");
            double[] cp = cached.entrySet().stream().filter(e -> !e.getKey().startsWith("(floor)"))
                    .mapToDouble(e -> Double.parseDouble(e.getValue()[1])).toArray();
            if (cp.length > 0) {
                out.put("http_cached_p50_median_ms", f(median(cp)));
                out.put("http_cached_p50_max_ms", f(Arrays.stream(cp).max().orElse(Double.NaN)));
            }
        }

        // serving
        Map<String, Map<String, String>> serve = new TreeMap<>();
        for (String[] r : rows(dir.resolve("serve.csv"))) serve.computeIfAbsent(r[0], k -> new TreeMap<>()).put(r[1], r[2]);
        if (!serve.isEmpty()) {
            w.println("## Serving: start-up and memory\n");
            w.println("| server | start-up to first answer, s | then derived graphs written, s | peak heap MiB | peak RSS MiB |");
            w.println("|---|---:|---:|---:|---:|");
            serve.forEach((k, v) -> w.printf("| %s | %s | %s | %s | %s |%n", k, v.get("startup_to_first_answer_s"),
                    v.getOrDefault("derived_graphs_settled_s", "–"), v.get("peak_heap_mib"), v.get("peak_rss_mib")));
            w.printf("%nsample-256m: the 5 sample reports loaded in memory, `-Xmx256m`, %d canned queries answered;"
                    + " db-1g: the %d-report TDB2 database, `-Xmx1g`.%n%n", sample.size(), size);
            if (serve.containsKey("db-1g")) out.put("startup_s", serve.get("db-1g").get("startup_to_first_answer_s"));
        }
        // pages-smoke.csv: the smoke run's single pass against the small database, so CI prints this table too
        boolean smokePages = !Files.exists(dir.resolve("pages-sample.csv"));
        List<String[]> pages = rows(dir.resolve(smokePages ? "pages-smoke.csv" : "pages-sample.csv"));
        if (!pages.isEmpty()) {
            w.printf("## Explorer pages (%s; target < 200 ms)%n%n", smokePages
                    ? "smoke: one run each against the " + size + "-report database" : "sample corpus in memory, `-Xmx256m`");
            w.println("| page | path | p50 ms | p99 ms | max ms | runs | KB |");
            w.println("|---|---|---:|---:|---:|---:|---:|");
            int over = 0;
            for (String[] r : pages) {
                double p50 = Double.parseDouble(r[2]), p99 = Double.parseDouble(r[3]);
                if (p50 >= 200 || p99 >= 200) over++;
                w.printf("| %s | `%s` | %s | %s | %s | %s | %.0f |%n", r[0], r[1], p50 >= 200 ? "**" + f(p50) + "**" : f(p50),
                        p99 >= 200 ? "**" + f(p99) + "**" : f(p99), f(Double.parseDouble(r[5])), r[6], Double.parseDouble(r[7]) / 1024);
                out.put("page_" + r[0] + "_p50_ms", f(p50));
                out.put("page_" + r[0] + "_p99_ms", f(p99));
            }
            out.put("pages_over_200ms", Integer.toString(over));
            w.printf("%n%d of %d page kinds at or over 200 ms at p50 or p99 (bold).%n%n", over, pages.size());
        }
        List<String[]> load = rows(dir.resolve("http-load.csv"));
        List<String[]> loadCached = rows(dir.resolve("http-load-cached.csv"));
        if (!load.isEmpty()) {
            String[] l = load.get(0);
            w.println("## Sustained HTTP load (closed loop, the canned queries in turn)\n");
            w.println("| answers | clients | seconds | requests | requests/s | p50 ms | p99 ms | max ms | errors | of which 503 |");
            w.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            w.printf("| evaluated each time | %s |%n", String.join(" | ", padded(l, 9)));
            if (!loadCached.isEmpty()) w.printf("| result cache used | %s |%n", String.join(" | ", padded(loadCached.get(0), 9)));
            w.println();
            out.put("load_rps", l[3]);
            out.put("load_p99_ms", l[5]);
            out.put("load_errors", l[7]);
            if (!loadCached.isEmpty()) {
                out.put("load_cached_rps", loadCached.get(0)[3]);
                out.put("load_cached_p99_ms", loadCached.get(0)[5]);
                out.put("load_cached_errors", loadCached.get(0)[7]);
            }
        }
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(dir.resolve("summary.csv")))) {
            out.forEach((k, v) -> csv.println(k + "," + v));
        }
    }

    private double mb(String key) {
        return Double.parseDouble(machine.getOrDefault(key, "NaN")) / 1e6;
    }

    /** {@code Summary RESULTS_DIR}: Markdown on standard output. */
    public static void main(String[] args) throws IOException {
        PrintWriter w = new PrintWriter(System.out);
        new Summary(Path.of(args[0])).print(w);
        w.flush();
    }


    /** @return the row with "–" for columns an older results file does not have */
    private static String[] padded(String[] row, int columns) {
        String[] p = Arrays.copyOf(row, Math.max(columns, row.length));
        for (int k = row.length; k < p.length; k++) p[k] = "–";
        return p;
    }
}