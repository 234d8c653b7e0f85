package org.practicegraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase1;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.practicegraph.store.Store;

/**
 * Issue 8: the result cache answers a query asked before, on unchanged data, without running it
 * again. {@link Counted} counts how often the engine evaluates a query, so "from the cache" is
 * checked by the engine's own count, not by timing.
 */
@Timeout(120)
class ResultCacheTest {
    static final String COUNT = "urn:test:cache:count";
    static final String GRAPH = "urn:test:cache:graph";

    /** Returns its argument and counts its calls: one call per evaluation of {@link #counted}. */
    public static final class Counted extends FunctionBase1 {
        static final AtomicInteger calls = new AtomicInteger();
        @Override public NodeValue exec(NodeValue v) {
            calls.incrementAndGet();
            return v;
        }
    }

    /** The labels in the test graph, counted once per evaluation. */
    static String counted(String extra) {
        return "SELECT ?label ?n WHERE { VALUES ?i { 1 } BIND(<" + COUNT + ">(?i) AS ?n) "
                + "OPTIONAL { GRAPH <" + GRAPH + "> { ?s <urn:test:label> ?label } } } ORDER BY ?label" + extra;
    }

    Store store;
    PracticeServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void register() { FunctionRegistry.get().put(COUNT, Counted.class); }

    @AfterAll
    static void unregister() { FunctionRegistry.get().remove(COUNT); }

    @BeforeEach
    void reset() { Counted.calls.set(0); }

    @AfterEach
    void stop() {
        if (server != null) server.stop();
    }

    void start(UnaryOperator<PracticeServer.Builder> config) {
        store = Store.inMemory();
        label("first");
        server = config.apply(PracticeServer.create().store(store).port(0).loopback(true)).build().start();
        // the similarity links are written in the background, and that write makes kept answers stale
        server.similarityWritten().join();
    }

    void label(String text) {
        Graph g = GraphFactory.createDefaultGraph();
        g.add(NodeFactory.createURI("urn:test:s"), NodeFactory.createURI("urn:test:label"), NodeFactory.createLiteralString(text));
        store.replaceGraph(GRAPH, g);
    }

    HttpRequest.Builder get(String sparql, String accept) {
        return HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8)))
                .header("Accept", accept);
    }

    HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String cacheHeader(HttpResponse<?> r) { return r.headers().firstValue(ResultCache.HEADER).orElse("(none)"); }

    @Test
    void theSameQueryAgainIsAnsweredFromTheCacheWithTheSameBytes() throws Exception {
        start(b -> b);
        HttpResponse<String> first = send(get(counted(""), "application/sparql-results+json"));
        HttpResponse<String> second = send(get(counted(""), "application/sparql-results+json"));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"first\"");
        assertThat(cacheHeader(first)).isEqualTo("MISS");
        assertThat(cacheHeader(second)).isEqualTo("HIT");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(Counted.calls.get()).as("evaluations").isEqualTo(1);
        assertThat(server.resultCache().size()).isEqualTo(1);
    }

    @Test
    void aWriteMakesEveryKeptAnswerStale() throws Exception {
        start(b -> b);
        send(get(counted(""), "text/csv"));
        long before = store.dataVersion();
        label("second");
        assertThat(store.dataVersion()).isNotEqualTo(before);
        HttpResponse<String> after = send(get(counted(""), "text/csv"));
        assertThat(cacheHeader(after)).isEqualTo("MISS");
        assertThat(after.body()).contains("second").doesNotContain("first");
        assertThat(Counted.calls.get()).isEqualTo(2);
    }

    @Test
    void eachAcceptedFormatIsKeptApart() throws Exception {
        start(b -> b);
        HttpResponse<String> csv = send(get(counted(""), "text/csv"));
        HttpResponse<String> json = send(get(counted(""), "application/sparql-results+json"));
        HttpResponse<String> csvAgain = send(get(counted(""), "text/csv"));
        assertThat(cacheHeader(json)).isEqualTo("MISS");
        assertThat(json.body()).startsWith("{");
        assertThat(cacheHeader(csvAgain)).isEqualTo("HIT");
        assertThat(csvAgain.body()).isEqualTo(csv.body()).startsWith("label,n");
    }

    @Test
    void noCacheAsksForAFreshEvaluation() throws Exception {
        start(b -> b);
        send(get(counted(""), "text/csv"));
        HttpResponse<String> fresh = send(get(counted(""), "text/csv").header("Cache-Control", "no-cache"));
        assertThat(cacheHeader(fresh)).isEqualTo("MISS");
        assertThat(Counted.calls.get()).isEqualTo(2);
    }

    @Test
    void aFormPostIsKeptLikeAGet() throws Exception {
        start(b -> b);
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(server.sparqlUrl())).header("Accept", "text/csv")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(counted(""), StandardCharsets.UTF_8)));
        HttpResponse<String> first = send(post);
        HttpResponse<String> second = send(post);
        assertThat(first.body()).contains("first");
        assertThat(cacheHeader(second)).isEqualTo("HIT");
        assertThat(Counted.calls.get()).isEqualTo(1);
    }

    @Test
    void answersThatMayChangeOnTheSameDataAreNeverKept() throws Exception {
        start(b -> b);
        String now = "SELECT ?t WHERE { BIND(NOW() AS ?t) }";
        String rand = "select ?r where { bind(rand () as ?r) }";
        for (String q : new String[] {now, rand}) {
            send(get(q, "text/csv"));
            // not a candidate at all: no X-Cache header
            assertThat(send(get(q, "text/csv")).headers().firstValue(ResultCache.HEADER)).as(q).isEmpty();
        }
        assertThat(server.resultCache().size()).isZero();
    }

    @Test
    void errorsAndRefusalsAreNotKept() throws Exception {
        start(b -> b.maxResults(1));
        String tooMany = "SELECT ?x WHERE { VALUES ?x { 1 2 3 } }";
        String broken = "SELECT ?x WHERE { ";
        for (String q : new String[] {tooMany, broken}) {
            HttpResponse<String> r = send(get(q, "text/csv"));
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            HttpResponse<String> again = send(get(q, "text/csv"));
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(cacheHeader(again)).isEqualTo("MISS");
        }
        assertThat(server.resultCache().size()).isZero();
    }

    /** 1,000 rows of CSV made by {@code row}, an expression over the digits ?a ?b ?c; counted once per evaluation. */
    static String thousandRows(String row) {
        return "SELECT ?x WHERE { VALUES ?i { 1 } BIND(<" + COUNT + ">(?i) AS ?n) "
                + "VALUES ?a { 0 1 2 3 4 5 6 7 8 9 } VALUES ?b { 0 1 2 3 4 5 6 7 8 9 } VALUES ?c { 0 1 2 3 4 5 6 7 8 9 } "
                + "BIND(" + row + " AS ?x) }";
    }

    @Test
    void anAnswerOverAQuarterOfTheCacheIsSentButNotKept() throws Exception {
        start(b -> b.resultCacheBytes(4096));
        // 1,000 SHA-256 hashes: ~65 KB that gzip cannot shrink below the 1 KiB an answer may have here
        String rows = thousandRows("SHA256(CONCAT(STR(?a), STR(?b), STR(?c)))");
        HttpResponse<String> first = send(get(rows, "text/csv"));
        assertThat(first.body().length()).isGreaterThan(64_000);
        assertThat(first.body().lines().count()).isEqualTo(1001);
        HttpResponse<String> second = send(get(rows, "text/csv"));
        assertThat(cacheHeader(second)).isEqualTo("MISS");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(Counted.calls.get()).isEqualTo(2);
    }

    @Test
    void aZeroSizedCacheIsOff() throws Exception {
        start(b -> b.resultCacheBytes(0));
        send(get(counted(""), "text/csv"));
        HttpResponse<String> second = send(get(counted(""), "text/csv"));
        assertThat(second.headers().firstValue(ResultCache.HEADER)).isEmpty();
        assertThat(Counted.calls.get()).isEqualTo(2);
    }

    @Test
    void aKeptAnswerCarriesTheCrossOriginHeadersToo() throws Exception {
        start(b -> b);
        send(get(counted(""), "text/csv").header("Origin", "https://example.org"));
        HttpResponse<String> hit = send(get(counted(""), "text/csv").header("Origin", "https://example.org"));
        assertThat(cacheHeader(hit)).isEqualTo("HIT");
        assertThat(hit.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    }

    @Test
    void answersAreKeptGzippedSoARepetitiveOneLargerThanTheLimitIsKept() throws Exception {
        start(b -> b.resultCacheBytes(16 * 1024));
        // ~50 KB of CSV, 12 times the 4 KiB an answer may have here, but a few hundred bytes gzipped
        String rows = thousandRows("CONCAT(STR(?a), STR(?b), STR(?c), \"-the-same-padding-on-every-row-of-this-answer\")");
        HttpResponse<String> first = send(get(rows, "text/csv"));
        assertThat(first.body().length()).isGreaterThan(12 * 4096);
        HttpResponse<String> second = send(get(rows, "text/csv"));
        assertThat(cacheHeader(second)).isEqualTo("HIT");
        assertThat(second.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(Counted.calls.get()).isEqualTo(1);
    }

    @Test
    void aClientAcceptingGzipIsSentTheKeptBytesGzipped() throws Exception {
        start(b -> b);
        HttpResponse<String> first = send(get(counted(""), "application/sparql-results+json"));
        HttpResponse<byte[]> hit = http.send(get(counted(""), "application/sparql-results+json")
                .header("Accept-Encoding", "br;q=1.0, gzip;q=0.8").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(cacheHeader(hit)).isEqualTo("HIT");
        assertThat(hit.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(hit.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(hit.headers().firstValue("Vary").orElse("")).contains("Accept-Encoding");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(hit.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(first.body());
        }
        // gzip refused with q=0: sent as it is
        HttpResponse<String> plain = send(get(counted(""), "application/sparql-results+json").header("Accept-Encoding", "gzip;q=0"));
        assertThat(cacheHeader(plain)).isEqualTo("HIT");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(first.body());
        assertThat(Counted.calls.get()).isEqualTo(1);
    }
}
