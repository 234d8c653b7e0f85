package org.practicegraph.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small SPARQL-over-HTTP client for the whole-process benchmarks.
 * <ul>
 *   <li>{@code latency --endpoint URL --queries DIR --warmup N --runs N [--max-seconds S] [--cache bypass|use]
 *       [--warm-requests N] --out CSV}: first N (default 1,000) {@code ASK {}} requests, so the server's
 *       own request path (Jetty, Fuseki, the filters) is compiled as in a server that has been up a while,
 *       not interpreted as just after start (measured: an empty query then takes ~20 ms, ~2 ms after);
 *       then a {@code (floor) ASK {}} row, the cost of any request, and each canned query run sequentially,
 *       one row per query: p50, p99, min, max (ms), runs, rows of the last answer; warm-up and runs each
 *       stop early (after at least 1 and 3) once S seconds (default 20) are spent;</li>
 *   <li>{@code load --endpoint URL --queries DIR --clients 32 --seconds 60 [--cache bypass|use] --out CSV}:
 *       closed-loop load, each client sends the next query of the mix as soon as the last answer is read:
 *       requests, throughput, p50, p99, max, errors (non-200 or I/O failure, such as the client's 120 s
 *       timeout) and of those how many were 503 (the server's queue full or its wait past the queue timeout);</li>
 *   <li>{@code wait --endpoint URL --start-ms EPOCH_MS [--pid PID]}: seconds from start-ms to the first
 *       answered query (start-up time);</li>
 *   <li>{@code pages --base http://localhost:PORT --warmup N --runs N [--max-seconds S] --out CSV}: the HTML
 *       explorer, one page of each kind GET sequentially (same warm-up, runs and time budget as {@code latency}),
 *       one row per kind: path, p50, p99, min, max (ms), runs, bytes of the last answer. Pages are found by
 *       following the first {@code href="/kind/…"} of each kind: an authority from {@code /authorities}, a
 *       practice from {@code /practices}, an initiative from that practice's page, a partner from
 *       {@code /partners}, a report from home's recent loads; plus {@code /}, the three index pages,
 *       {@code /search?q=training} and {@code /workbench}. Every answer must be 200.</li>
 * </ul>
 * Queries are sent by GET (POST of a form when longer than {@link #MAX_GET_QUERY}), answers asked for as SPARQL JSON
 * and read to the last byte; no rows are parsed, so the client costs little. Pages are read likewise.
 * {@code --cache bypass} (the default) sends {@code Cache-Control: no-cache}, so the server evaluates every
 * query (the engine's cost); {@code --cache use} sends none, as ordinary clients do, so a query asked
 * before on unchanged data is answered from the server's result cache.
 */
public final class HttpBench {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final boolean bypassCache;

    private HttpBench(URI endpoint, boolean bypassCache) {
        this.endpoint = endpoint;
        this.bypassCache = bypassCache;
    }

    /** The query every request costs at least: no data read, a one-word answer. */
    static final String FLOOR = "ASK {}";

    private HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120)).header("Accept", "text/html").GET().build();
        return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Sends a query as SPARQL clients usually do: GET with the query in the URL (as Jena's
     * {@code QueryExecHTTP} does below its length limit), POST of a form when the URL would be long.
     * Why not always POST: the JDK client writes a POST's headers and body in two TCP segments, and on
     * loopback about half of such requests then stalled 12–15 ms waiting for the server's ACK
     * (delayed ACK against Nagle), a client artifact that curl's single-segment POST and GET never
     * show (measured: p50 4–17 ms POST vs. 3 ms GET for an empty query on a warm server).
     */
    private HttpResponse<byte[]> send(String query) throws IOException, InterruptedException {
        return send(query, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Longest the client waits for an answer (see {@link #send(String, HttpResponse.BodyHandler)}). */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(600);

    /** As {@link #send(String)}, the body read by {@code body}: the load test reads it to the end and keeps none of it. */
    private <T> HttpResponse<T> send(String query, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        String form = "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        HttpRequest.Builder req = form.length() <= MAX_GET_QUERY
                ? HttpRequest.newBuilder(URI.create(endpoint + "?" + form)).GET()
                : HttpRequest.newBuilder(endpoint).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form));
        if (bypassCache) req.header("Cache-Control", "no-cache");
        // longer than any server --timeout the bench sets (300 s): a slow query ends with the server's
        // 503, which latency records, not a client timeout, which ended the 50,000-report run at 120 s
        return http.send(req.timeout(CLIENT_TIMEOUT).header("Accept", "application/sparql-results+json").build(), body);
    }

    /** Longest encoded query sent by GET (Jetty's default request-header limit is 8 KiB). */
    static final int MAX_GET_QUERY = 6 * 1024;

    static double pct(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
    }

    private static int rows(byte[] json) {
        // count bindings objects cheaply: each row is one {...} inside "bindings": [...]
        String s = new String(json, StandardCharsets.UTF_8);
        int at = s.indexOf("\"bindings\"");
        if (at < 0) return -1;
        int depth = 0, n = 0;
        for (int i = s.indexOf('[', at) + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') { i++; while (i < s.length() && s.charAt(i) != '"') { if (s.charAt(i) == '\\') i++; i++; } continue; }
            if (c == '{') { if (depth == 0) n++; depth++; }
            else if (c == '}') depth--;
            else if (c == ']' && depth == 0) break;
        }
        return n;
    }

    private void latency(Map<String, String> canned, int warmup, int runs, double maxSeconds, int warmRequests, Path out) throws Exception {
        for (int i = 0; i < warmRequests; i++) check(FLOOR, send(FLOOR));
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("(floor) " + FLOOR, FLOOR);
        queries.putAll(canned);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("query,p50_ms,p99_ms,min_ms,max_ms,runs,rows");
            final int maxRuns = runs;
            for (var e : queries.entrySet()) {
                String rows = "-1";
                runs = maxRuns;
                long[] t = new long[Math.max(runs, 1)];
                int done = 0;
                // A query the server refuses (its --timeout passed: 503) is recorded with the time to the
                // refusal and "HTTP <status>" for its rows, once, and the suite goes on to the next query.
                long warmBudget = System.nanoTime() + (long) (maxSeconds * 1e9);
                for (int i = 0; i < warmup && (i < 1 || System.nanoTime() < warmBudget); i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = send(e.getValue());
                    if (r.statusCode() != 200) {
                        t[done++] = System.nanoTime() - t0;
                        rows = "HTTP " + r.statusCode();
                        break;
                    }
                }
                long budget = System.nanoTime() + (long) (maxSeconds * 1e9);
                // at least 3 runs; past the time budget, stop early so one slow query cannot stall the suite
                while (!rows.startsWith("HTTP") && done < runs && (done < 3 || System.nanoTime() < budget)) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = send(e.getValue());
                    t[done++] = System.nanoTime() - t0;
                    if (r.statusCode() != 200) {
                        rows = "HTTP " + r.statusCode();
                        break;
                    }
                    rows = Integer.toString(rows(r.body()));
                }
                t = Arrays.copyOf(t, done);
                runs = done;
                Arrays.sort(t);
                String line = String.format(Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,%d,%s", e.getKey(), pct(t, 50), pct(t, 99),
                        t[0] / 1e6, t[t.length - 1] / 1e6, runs, rows);
                w.println(line);
                System.out.println(line);
            }
        }
    }

    private static void check(String name, HttpResponse<byte[]> r) {
        if (r.statusCode() != 200)
            throw new IllegalStateException(name + ": HTTP " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
    }

    private void load(Map<String, String> queries, int clients, int seconds, Path out) throws Exception {
        List<String> mix = new ArrayList<>(queries.values());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong(), busy = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[clients];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] lat = new long[4_000_000 / clients];
            perThread.add(lat);
            final int id = c;
            Thread t = new Thread(() -> {
                int i = id, n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        // discarded as read: 32 clients each holding a listing of tens of MB would not fit the client's heap
                        HttpResponse<Void> r = send(mix.get(i++ % mix.size()), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 200) errors.incrementAndGet();
                        if (r.statusCode() == 503) busy.incrementAndGet();
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (n < lat.length) lat[n++] = System.nanoTime() - t0;
                }
                counts[id] = n;
            }, "client-" + c);
            threads.add(t);
        }
        long t0 = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < clients; c++) { System.arraycopy(perThread.get(c), 0, all, k, counts[c]); k += counts[c]; }
        Arrays.sort(all);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("clients,seconds,requests,throughput_rps,p50_ms,p99_ms,max_ms,errors,of_which_503");
            String line = String.format(Locale.ROOT, "%d,%.1f,%d,%.1f,%.2f,%.2f,%.2f,%d,%d", clients, elapsed, total,
                    total / elapsed, pct(all, 50), pct(all, 99), total == 0 ? Double.NaN : all[total - 1] / 1e6, errors.get(), busy.get());
            w.println(line);
            System.out.println(line);
        }
    }

    /** A link to an explorer page of one kind, without query or fragment (so no {@code ?download=} links). */
    private static final Pattern PAGE_LINK = Pattern.compile("href=\"(/(authorities|practices|initiatives|partners|reports)/[^\"?#]+)\"");

    /** @return the first link to a page of {@code kind} in the page at {@code path}, or fails */
    private String firstLink(String base, String path, String kind) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = get(URI.create(base + path));
        check(path, r);
        Matcher m = PAGE_LINK.matcher(new String(r.body(), StandardCharsets.UTF_8));
        while (m.find()) if (m.group(2).equals(kind)) return m.group(1).replace("&amp;", "&");
        throw new IllegalStateException("no link to /" + kind + "/… in " + path);
    }

    /** @return page kind → path: the fixed pages, and one page of each kind found by following links */
    private Map<String, String> discover(String base) throws IOException, InterruptedException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("home", "/");
        p.put("authorities", "/authorities");
        p.put("practices", "/practices");
        p.put("partners", "/partners");
        p.put("authority", firstLink(base, "/authorities", "authorities"));
        p.put("practice", firstLink(base, "/practices", "practices"));
        p.put("initiative", firstLink(base, p.get("practice"), "initiatives"));
        p.put("partner", firstLink(base, "/partners", "partners"));
        p.put("report", firstLink(base, "/", "reports"));
        p.put("search", "/search?q=training");
        p.put("workbench", "/workbench");
        return p;
    }

    private void pages(String base, int warmup, int runs, double maxSeconds, Path out) throws Exception {
        Map<String, String> pages = discover(base);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("page,path,p50_ms,p99_ms,min_ms,max_ms,runs,bytes");
            for (var e : pages.entrySet()) {
                URI uri = URI.create(base + e.getValue());
                long warmBudget = System.nanoTime() + (long) (maxSeconds * 1e9);
                for (int i = 0; i < warmup && (i < 1 || System.nanoTime() < warmBudget); i++) check(e.getValue(), get(uri));
                long[] t = new long[runs];
                long budget = System.nanoTime() + (long) (maxSeconds * 1e9);
                int done = 0, bytes = -1;
                while (done < runs && (done < 3 || System.nanoTime() < budget)) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = get(uri);
                    t[done++] = System.nanoTime() - t0;
                    check(e.getValue(), r);
                    bytes = r.body().length;
                }
                t = Arrays.copyOf(t, done);
                Arrays.sort(t);
                // paths are slugs, no commas: the CSV needs no quoting
                String line = String.format(Locale.ROOT, "%s,%s,%.2f,%.2f,%.2f,%.2f,%d,%d", e.getKey(), e.getValue(), pct(t, 50),
                        pct(t, 99), t[0] / 1e6, t[t.length - 1] / 1e6, done, bytes);
                w.println(line);
                System.out.println(line);
            }
        }
    }

    /** Polls with an ASK query every 50 ms; prints the seconds from {@code startMs} to the first 200 answer. */
    private void await(long startMs, long pid, int timeoutSeconds) throws InterruptedException {
        long deadline = startMs + timeoutSeconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (send("ASK { ?s ?p ?o }").statusCode() == 200) {
                    System.out.printf(Locale.ROOT, "%.2f%n", (System.currentTimeMillis() - startMs) / 1000.0);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (pid > 0 && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true))
                throw new IllegalStateException("server process " + pid + " exited");
            Thread.sleep(50);
        }
        throw new IllegalStateException("no answer within " + timeoutSeconds + " s");
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) throw new IllegalArgumentException("usage: latency|load|pages|wait --endpoint URL --queries DIR --out CSV ...");
        Map<String, String> a = Args.parse(Arrays.copyOfRange(args, 1, args.length));
        String cache = a.getOrDefault("cache", "bypass");
        if (!cache.equals("bypass") && !cache.equals("use")) throw new IllegalArgumentException("--cache is bypass or use, not " + cache);
        HttpBench b = new HttpBench(URI.create(a.getOrDefault("endpoint", "http://localhost:3030/practice/sparql")), cache.equals("bypass"));
        Path queries = Path.of(a.getOrDefault("queries", "queries"));
        Path out = Path.of(a.getOrDefault("out", "/dev/stdout"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "5")), runs = Integer.parseInt(a.getOrDefault("runs", "30"));
        double maxSeconds = Double.parseDouble(a.getOrDefault("max-seconds", "20"));
        switch (args[0]) {
            case "latency" -> b.latency(Queries.read(queries), warmup, runs, maxSeconds,
                    Integer.parseInt(a.getOrDefault("warm-requests", "1000")), out);
            case "load" -> b.load(Queries.read(queries), Integer.parseInt(a.getOrDefault("clients", "32")),
                    Integer.parseInt(a.getOrDefault("seconds", "60")), out);
            case "pages" -> b.pages(a.getOrDefault("base", "http://localhost:3030").replaceAll("/+$", ""), warmup, runs,
                    maxSeconds, out);
            case "wait" -> b.await(Long.parseLong(a.get("start-ms")), Long.parseLong(a.getOrDefault("pid", "-1")),
                    Integer.parseInt(a.getOrDefault("timeout", "600")));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }
}
