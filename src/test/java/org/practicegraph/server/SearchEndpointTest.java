package org.practicegraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/** {@code text:query} full-text search over HTTP, on a server over the sample corpus. */
class SearchEndpointTest {
    static PracticeServer server;
    static final HttpClient http = HttpClient.newHttpClient();
    static final String PREFIXES = "PREFIX text: <http://jena.apache.org/text#> PREFIX pg: <https://w3id.org/practice-graph/def#> "
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";

    @BeforeAll
    static void start() {
        Store store = Store.inMemory();
        Loader.create().store(store).build().load(List.of(Path.of("corpus/sample")));
        server = PracticeServer.create().store(store).port(0).loopback(true).build().start();
    }

    @AfterAll
    static void stop() { server.stop(); }

    static HttpResponse<String> select(String sparql) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                + URLEncoder.encode(PREFIXES + sparql, StandardCharsets.UTF_8))).header("Accept", "text/csv").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void textQueryWithoutGraphSearchesEveryReport() throws Exception {
        HttpResponse<String> r = select("SELECT ?s ?quote { (?s ?score ?quote) text:query (pg:quote '\"apprenticeship opportunities\"') }");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("s,quote\r\n"
                + "https://w3id.org/practice-graph/id/evidence/002_69a4ab76882569fd/8032-8089,There were apprenticeship opportunities in data analysis.\r\n");
    }

    @Test
    void textQueryInsideGraphNamesTheReportAndLabelsAreSearchable() throws Exception {
        HttpResponse<String> r = select("SELECT ?g ?s ?label { GRAPH ?g { (?s ?score ?label) text:query (rdfs:label 'hillingdon') } } ORDER BY ?label");
        assertThat(r.statusCode()).isEqualTo(200);
        String g = "https://w3id.org/practice-graph/id/graph/report/003_874a80aed6dcf2ea";
        assertThat(r.body()).isEqualTo("g,s,label\r\n"
                + g + ",https://w3id.org/practice-graph/id/authority/hillingdon,Hillingdon\r\n"
                + g + ",https://w3id.org/practice-graph/id/initiative/003_874a80aed6dcf2ea/hillingdon-social-care-direct,Hillingdon Social Care Direct\r\n");
    }

    @Test
    void theHitsGraphAndPropertyComeFromTheIndex() throws Exception {
        HttpResponse<String> r = select("SELECT ?s ?label ?g ?p { (?s ?score ?label ?g ?p) text:query (rdfs:label 'hillingdon') } ORDER BY ?label");
        assertThat(r.statusCode()).isEqualTo(200);
        String g = "https://w3id.org/practice-graph/id/graph/report/003_874a80aed6dcf2ea", label = "http://www.w3.org/2000/01/rdf-schema#label";
        assertThat(r.body()).isEqualTo("s,label,g,p\r\n"
                + "https://w3id.org/practice-graph/id/authority/hillingdon,Hillingdon," + g + "," + label + "\r\n"
                + "https://w3id.org/practice-graph/id/initiative/003_874a80aed6dcf2ea/hillingdon-social-care-direct,Hillingdon Social Care Direct," + g + "," + label + "\r\n");
    }

    @Test
    void theCannedSearchQueryRunsOverHttp() throws Exception {
        String sparql = Files.readString(Path.of("queries/search-evidence.rq"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl() + "?query="
                + URLEncoder.encode(sparql, StandardCharsets.UTF_8))).header("Accept", "text/csv").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body().lines()).hasSize(6).element(1).asString()
                .contains("002_69a4ab76882569fd.txt", "There were apprenticeship opportunities in data analysis.");
    }

    @Test
    void badLuceneSyntaxIsAnErrorNotAStackTrace() throws Exception {
        HttpResponse<String> r = select("SELECT ?s { ?s text:query '\"unbalanced' }");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Text search parse error", "Cannot parse '\"unbalanced").doesNotContain("\tat org.");
    }

    @Test
    void stillReadOnly() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.sparqlUrl()))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("PREFIX pg: <https://w3id.org/practice-graph/def#> INSERT DATA { <urn:x> pg:quote 'apprenticeship' }")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isBetween(400, 415);
        assertThat(select("SELECT ?s { ?s text:query 'apprenticeship' }").body()).doesNotContain("urn:x");
    }
}
