package org.practicegraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/** The server over real HTTP, on a free port. */
class PracticeServerTest {
    static PracticeServer server;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    /**
     * A client of its own for each request that sends a body: the server may close a connection after
     * refusing a body it did not read, and a pooled connection closed that way fails the next request
     * before any answer ("header parser received no bytes").
     */
    static HttpClient fresh() { return HttpClient.newHttpClient(); }

    static final String SCORES = "PREFIX pg: <https://w3id.org/practice-graph/def#> SELECT ?s WHERE { ?a pg:score ?s } ORDER BY ?s";

    @BeforeAll
    static void start() {
        Store store = Store.inMemory();
        Loader.create().store(store).build().load(List.of(Path.of("corpus/sample")));
        server = PracticeServer.create().store(store).port(0).loopback(true).build().start();
        base = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() { server.stop(); }

    static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postForm(String path, String field, String value, String accept) throws IOException, InterruptedException {
        return fresh().send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String q(String sparql) { return "?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8); }

    @Test
    void pingAnswers() throws Exception {
        assertThat(get("/$/ping", "*/*").statusCode()).isEqualTo(200);
    }

    @Test
    void selectByGetAsCsvAndTsv() throws Exception {
        HttpResponse<String> csv = get("/practice/sparql" + q(SCORES), "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo("s\r\n3\r\n3\r\n3\r\n3\r\n4\r\n");
        HttpResponse<String> tsv = get("/practice/sparql" + q(SCORES), "text/tab-separated-values");
        assertThat(tsv.headers().firstValue("Content-Type").orElse("")).startsWith("text/tab-separated-values");
        assertThat(tsv.body()).isEqualTo("?s\n3\n3\n3\n3\n4\n");
    }

    @Test
    void selectByPostAsJsonAndXml() throws Exception {
        HttpResponse<String> json = postForm("/practice/sparql", "query", SCORES, "application/sparql-results+json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"value\": \"4\"").contains("\"datatype\": \"http://www.w3.org/2001/XMLSchema#integer\"");
        HttpResponse<String> xml = postForm("/practice/sparql", "query", SCORES, "application/sparql-results+xml");
        assertThat(xml.body()).contains("<literal datatype=\"http://www.w3.org/2001/XMLSchema#integer\">4</literal>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"text/turtle,TURTLE", "application/ld+json,JSONLD", "application/n-triples,NTRIPLES"})
    void constructNegotiatesRdfSyntax(String accept, String lang) throws Exception {
        String construct = "PREFIX pg: <https://w3id.org/practice-graph/def#> CONSTRUCT { ?a pg:score ?s } WHERE { ?a pg:score ?s }";
        HttpResponse<String> r = get("/practice/sparql" + q(construct), accept);
        assertThat(r.statusCode()).isEqualTo(200);
        Model m = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(r.body())).lang(org.apache.jena.riot.RDFLanguages.nameToLang(lang)).parse(m);
        assertThat(m.size()).isEqualTo(5);
    }

    @Test
    void graphStoreReadsOneReportGraphOrTheUnion() throws Exception {
        String graph = URLEncoder.encode("https://w3id.org/practice-graph/id/graph/report/003_874a80aed6dcf2ea", StandardCharsets.UTF_8);
        HttpResponse<String> one = get("/practice/data?graph=" + graph, "application/n-triples");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("<https://w3id.org/practice-graph/id/report/003_874a80aed6dcf2ea> <http://purl.org/dc/terms/identifier> \"003_874a80aed6dcf2ea.txt\"")
                .doesNotContain("004_9ad3562cb36cee7d");
        HttpResponse<String> union = get("/practice/data?graph=urn:x-arq:UnionGraph", "application/n-triples");
        assertThat(union.body()).contains("003_874a80aed6dcf2ea.txt", "004_9ad3562cb36cee7d.txt");
    }

    @Test
    void similarInitiativesAreWrittenOnStartAndQueryable() throws Exception {
        // written on a thread of their own after start
        server.similarityWritten().get(5, java.util.concurrent.TimeUnit.MINUTES);
        String similar = "PREFIX pg: <https://w3id.org/practice-graph/def#> SELECT ?a ?b ?score WHERE { "
                + "GRAPH <https://w3id.org/practice-graph/id/graph/similarity> { ?a pg:similarTo ?b ; pg:similarity [ pg:similarInitiative ?b ; pg:similarityScore ?score ] } "
                + "?a pg:deliveredBy ?la . ?b pg:deliveredBy ?lb FILTER(?la != ?lb) } ORDER BY DESC(?score) LIMIT 3";
        HttpResponse<String> r = get("/practice/sparql" + q(similar), "text/csv");
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> rows = r.body().lines().skip(1).toList();
        assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row).startsWith("https://w3id.org/practice-graph/id/initiative/"));
        assertThat(Double.parseDouble(rows.get(0).substring(rows.get(0).lastIndexOf(',') + 1))).isBetween(0.8, 1.0);
    }

    @Test
    void updatesAreRefused() throws Exception {
        String update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }";
        assertThat(postForm("/practice/sparql", "update", update, "*/*").statusCode()).isBetween(400, 499);
        assertThat(postForm("/practice/update", "update", update, "*/*").statusCode()).isEqualTo(404);
        assertThat(postForm("/practice", "update", update, "*/*").statusCode()).isBetween(400, 499);
        for (String u : List.of("DROP ALL", "CLEAR DEFAULT", "LOAD <file:///etc/passwd>"))
            assertThat(postForm("/practice/sparql", "update", u, "*/*").statusCode()).as(u).isBetween(400, 499);
        HttpResponse<String> put = fresh().send(HttpRequest.newBuilder(URI.create(base + "/practice/data?default"))
                .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<urn:x> <urn:y> <urn:z> .")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isBetween(400, 499);
        assertThat(get("/practice/sparql" + q("ASK { <urn:x> ?p ?o }"), "application/sparql-results+json").body()).contains("\"boolean\" : false");
    }

    @Test
    void aQueryPastTheTimeoutIsCutOffAndTheServerStaysUp() throws Exception {
        Store store = Store.inMemory();
        Loader.create().store(store).build().load(List.of(Path.of("corpus/sample/004_9ad3562cb36cee7d.txt")));
        PracticeServer slow = PracticeServer.create().store(store).port(0).loopback(true)
                .timeout(java.time.Duration.ofSeconds(1)).build().start();
        try {
            // A four-way cross product of a few thousand triples: ~10^14 rows, hours of work.
            String explosive = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + slow.port() + "/practice/sparql" + q(explosive)))
                    .header("Accept", "application/sparql-results+json").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - t0)).isLessThan(java.time.Duration.ofSeconds(20));
            HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + slow.port() + "/practice/sparql" + q(SCORES)))
                    .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(after.body()).isEqualTo("s\r\n3\r\n");
        } finally {
            slow.stop();
        }
    }

    @Test
    void askAnswersInJsonReadByJenaAndBySimpleClients() throws Exception {
        HttpResponse<String> r = get("/practice/sparql" + q("ASK {}"), "application/sparql-results+json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"boolean\" : true").contains("\"bindings\" : [ ]");
        try (var qe = org.apache.jena.sparql.exec.http.QueryExecutionHTTP.service(base + "/practice/sparql").query("ASK { ?s ?p ?o }").build()) {
            assertThat(qe.execAsk()).isTrue();
        }
        try (var qe = org.apache.jena.sparql.exec.http.QueryExecutionHTTP.service(base + "/practice/sparql").query(SCORES).build()) {
            assertThat(org.apache.jena.query.ResultSetFormatter.consume(qe.execSelect())).isEqualTo(5);
        }
    }

    @Test
    void corsIsEnabled() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/practice/sparql" + q(SCORES)))
                .header("Origin", "https://example.org").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    }
}
