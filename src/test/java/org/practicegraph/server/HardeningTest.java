package org.practicegraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase0;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/** Issue 6, part 4: result size cap, body size limit, error bodies without Java detail, security headers; over HTTP. */
class HardeningTest {
    static final int CAP = 10;
    static PracticeServer server;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    /**
     * A client of its own for each request that sends a body: the server may close a connection after
     * refusing a body it did not read, and a pooled connection closed that way fails the next request
     * before any answer ("header parser received no bytes").
     */
    static HttpClient fresh() { return HttpClient.newHttpClient(); }

    static final String PG = "PREFIX pg: <https://w3id.org/practice-graph/def#> ";

    /** Fails the query with an exception whose message is full of Java internals: the internal error a test can cause. */
    public static final class Boom extends FunctionBase0 {
        @Override public NodeValue exec() {
            throw new IllegalStateException("boom in org.practicegraph.server.Secret\n\tat org.apache.jena.Fake.method(Fake.java:42)");
        }
    }

    @BeforeAll
    static void start() {
        FunctionRegistry.get().put("urn:test:boom", Boom.class);
        Store store = Store.inMemory();
        Loader.create().store(store).build().load(List.of(Path.of("corpus/sample")));
        server = PracticeServer.create().store(store).port(0).loopback(true).maxResults(CAP).build().start();
        base = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
        FunctionRegistry.get().remove("urn:test:boom");
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> query(String sparql, String accept) throws Exception {
        return get("/practice/sparql?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8), accept);
    }

    static HttpResponse<String> postQuery(String sparql) throws Exception {
        return fresh().send(HttpRequest.newBuilder(URI.create(base + "/practice/sparql")).header("Content-Type", "application/sparql-query")
                .header("Accept", "text/csv").POST(HttpRequest.BodyPublishers.ofString(sparql)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A short plain-text error: no HTML page, no stack frame, no Java class name, no server version. */
    static void assertPlainError(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(r.body()).hasSizeLessThan(700)
                .doesNotContain("<html", "at org.", "at java.", "Exception", "org.apache", "org.eclipse", "org.practicegraph", "java.lang", "Jetty", ".java:");
        assertSecurityHeaders(r);
    }

    static void assertSecurityHeaders(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).as(r.uri().toString())
                .contains("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).as(r.uri().toString()).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).as(r.uri().toString()).hasValue("no-referrer");
        assertThat(r.headers().firstValue("X-Frame-Options")).as(r.uri().toString()).hasValue("DENY");
    }

    // --- result size

    @Test
    void aSelectOverTheCapIsRefusedWithAClearMessage() throws Exception {
        HttpResponse<String> r = query("SELECT * WHERE { ?s ?p ?o }", "application/sparql-results+json");
        assertPlainError(r, 400);
        assertThat(r.body()).contains("Result too large").contains("more than 10 rows").contains("LIMIT 10");
    }

    @Test
    void aSelectWithinTheCapAnswersInFull() throws Exception {
        HttpResponse<String> five = query(PG + "SELECT ?s WHERE { ?a pg:score ?s } ORDER BY ?s", "text/csv");
        assertThat(five.statusCode()).isEqualTo(200);
        assertThat(five.body()).isEqualTo("s\r\n3\r\n3\r\n3\r\n3\r\n4\r\n");
        HttpResponse<String> limited = query("SELECT * WHERE { ?s ?p ?o } LIMIT 10", "text/csv");
        assertThat(limited.statusCode()).isEqualTo(200);
        assertThat(limited.body().split("\r\n")).hasSize(1 + CAP);
        HttpResponse<String> exactly = query("SELECT ?s WHERE { ?s ?p ?o } LIMIT 10 OFFSET 5", "text/csv");
        assertThat(exactly.body().split("\r\n")).hasSize(1 + CAP);
        assertThat(query("SELECT * WHERE { ?s ?p ?o } LIMIT 11", "text/csv").statusCode()).isEqualTo(400);
    }

    @Test
    void constructAndDescribeOverTheCapAreRefused() throws Exception {
        HttpResponse<String> all = query("CONSTRUCT WHERE { ?s ?p ?o }", "text/turtle");
        assertPlainError(all, 400);
        assertThat(all.body()).contains("more than 10 triples");
        assertThat(query("DESCRIBE ?s WHERE { ?s a ?t }", "text/turtle").statusCode()).isEqualTo(400);
        HttpResponse<String> five = query(PG + "CONSTRUCT { ?a pg:score ?s } WHERE { ?a pg:score ?s }", "application/n-triples");
        assertThat(five.statusCode()).isEqualTo(200);
        assertThat(five.body().lines().count()).isEqualTo(5);
        assertThat(query("ASK { ?s ?p ?o }", "application/sparql-results+json").statusCode()).isEqualTo(200);
    }

    // --- request body size

    @Test
    void aTwoMebibyteQueryAnswers413AndTheServerGoesOn() throws Exception {
        String huge = "# " + "x".repeat(2 * 1024 * 1024) + "\nASK {}";
        HttpResponse<String> r = postQuery(huge);
        assertPlainError(r, 413);
        assertThat(r.body()).contains("at most 1048576");
        String form = "query=" + URLEncoder.encode(huge, StandardCharsets.UTF_8);
        HttpResponse<String> f = fresh().send(HttpRequest.newBuilder(URI.create(base + "/practice/sparql")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(f.statusCode()).isEqualTo(413);
        assertThat(postQuery(PG + "SELECT ?s WHERE { ?a pg:score ?s } ORDER BY ?s").body()).isEqualTo("s\r\n3\r\n3\r\n3\r\n3\r\n4\r\n");
    }

    @Test
    void aBodyUnderTheLimitIsAccepted() throws Exception {
        String big = "# " + "x".repeat(900 * 1024) + "\nSELECT (COUNT(*) AS ?n) WHERE { ?a <https://w3id.org/practice-graph/def#score> ?s }";
        HttpResponse<String> r = postQuery(big);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("n\r\n5\r\n");
    }

    @Test
    void aChunkedBodyOfUnknownLengthAnswers411() throws Exception {
        HttpResponse<String> r = fresh().send(HttpRequest.newBuilder(URI.create(base + "/practice/sparql")).header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("ASK {}".getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertPlainError(r, 411);
    }

    // --- error bodies

    @Test
    void malformedSparqlAnswers400WithTheParseErrorOnly() throws Exception {
        HttpResponse<String> r = query("SELEC ?x WHERE { ?x ?y }", "application/sparql-results+json");
        assertPlainError(r, 400);
        assertThat(r.body()).contains("line 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/practice/nope", "/$/nope", "/$/admin/load", "/doc/nope", "/practice/data?graph=urn:nope", "/dumps/nope"})
    void unknownPathsAnswer404InPlainText(String path) throws Exception {
        assertPlainError(get(path, "text/html"), 404);
    }

    @Test
    void aWrongMethodAnswers405InPlainText() throws Exception {
        HttpResponse<String> r = fresh().send(HttpRequest.newBuilder(URI.create(base + "/practice/data?default")).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:x> <urn:y> <urn:z> .")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isBetween(400, 499);
        assertThat(r.body()).doesNotContain("<html", "at org.", "Exception", "org.apache");
        assertSecurityHeaders(r);
    }

    @Test
    void anInternalErrorAnswers500WithoutDetail() throws Exception {
        HttpResponse<String> r = query("SELECT ?x WHERE { BIND(<urn:test:boom>() AS ?x) }", "application/sparql-results+json");
        assertPlainError(r, 500);
        assertThat(r.body()).doesNotContain("boom", "Secret", "Fake");
        assertThat(query("ASK {}", "application/sparql-results+json").statusCode()).isEqualTo(200);
    }

    @Test
    void aTimeoutAnswers503WithoutDetail() throws Exception {
        Store store = Store.inMemory();
        Loader.create().store(store).build().load(List.of(Path.of("corpus/sample/004_9ad3562cb36cee7d.txt")));
        PracticeServer slow = PracticeServer.create().store(store).port(0).loopback(true).timeout(Duration.ofSeconds(1)).build().start();
        try {
            String explosive = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + slow.port() + "/practice/sparql?query="
                    + URLEncoder.encode(explosive, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertPlainError(r, 503);
        } finally {
            slow.stop();
        }
    }

    @Test
    void anOversizedUrlIsRefusedInPlainText() throws Exception {
        HttpResponse<String> r = query("ASK {} #" + "x".repeat(2 * 1024 * 1024), "text/csv");
        assertThat(r.statusCode()).isBetween(400, 499);
        assertThat(r.body()).doesNotContain("<html", "at org.", "Exception", "org.apache", "Jetty");
    }

    // --- security headers

    @Test
    void htmlPagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/doc/report/003_874a80aed6dcf2ea", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertSecurityHeaders(page);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoneIsAnUnprotectedHtmlPage() throws Exception {
        for (String path : List.of("/", "/nope", "/practice", "/practice/sparql", "/practice/sparql?query=ASK%7B%7D", "/$/ping", "/$/stats",
                "/id/report/003_874a80aed6dcf2ea", "/doc/report/003_874a80aed6dcf2ea.ttl", "/.well-known/void", "/ns/context.jsonld",
                "/practice/data?default", "/doc/", "/id/", "/index.html", "/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd")) {
            HttpResponse<String> r = get(path, "text/html,*/*;q=0.1");
            assertSecurityHeaders(r);
            assertThat(r.body()).as(path).doesNotContain("Exception", "at org.", "Powered by Jetty");
        }
    }
}
