package org.practicegraph.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/**
 * SERVICE over HTTP (issue 5): a second Fuseki on loopback plays Wikidata (it holds the GSS code
 * property wdt:P836 for two London boroughs) and is the only allowlisted endpoint; every other
 * target is refused with a message that names it.
 */
class FederationTest {
    static final String REMOTE_DATA = """
            @prefix wd: <http://www.wikidata.org/entity/> .
            @prefix wdt: <http://www.wikidata.org/prop/direct/> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            wd:Q214839 wdt:P836 "E09000017" ; rdfs:label "London Borough of Hillingdon"@en ; wdt:P1082 305909 .
            wd:Q213274 wdt:P836 "E09000018" ; rdfs:label "London Borough of Hounslow"@en ; wdt:P1082 288181 .
            # as ONS publishes it, for the join on pg:servesArea
            <http://statistics.data.gov.uk/id/statistical-geography/E09000017> rdfs:label "E09000017" ;
                <http://statistics.data.gov.uk/def/statistical-geography#status> "live" .
            """;
    static FusekiServer remote;
    static PracticeServer server;
    static String remoteSparql;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(REMOTE_DATA, Lang.TURTLE).parse(m);
        DatasetGraph remoteData = DatasetFactory.wrap(m).asDatasetGraph();
        remote = FusekiServer.create().port(0).loopback(true).add("/wikidata", remoteData, false).build().start();
        remoteSparql = "http://localhost:" + remote.getPort() + "/wikidata/sparql";
        Store store = Store.inMemory();
        Loader.create().store(store).build().load(List.of(Path.of("corpus/sample")));
        server = PracticeServer.create().store(store).port(0).loopback(true).serviceAllowlist(List.of(remoteSparql)).build().start();
        base = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.stop();
        remote.stop();
    }

    static HttpResponse<String> query(String sparql) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/practice/sparql?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAllowlistedServiceJoinsOnTheGssCode() throws Exception {
        String q = Files.readString(Path.of("queries/federation/authorities-with-wikidata-population.rq"))
                .replace("<https://query.wikidata.org/sparql>", "<" + remoteSparql + ">");
        HttpResponse<String> r = query(q);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body().lines().skip(1).toList()).containsExactly(
                "Hillingdon,E09000017,http://www.wikidata.org/entity/Q214839,305909",
                "Hounslow,E09000018,http://www.wikidata.org/entity/Q213274,288181");
    }

    @Test
    void anAllowlistedServiceJoinsOnTheOnsAreaIri() throws Exception {
        String q = Files.readString(Path.of("queries/federation/authorities-with-ons-area-names.rq"))
                .replace("<https://statistics.data.gov.uk/sparql>", "<" + remoteSparql + ">");
        HttpResponse<String> r = query(q);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body().lines().skip(1).toList()).containsExactly(
                "Hillingdon,http://statistics.data.gov.uk/id/statistical-geography/E09000017,E09000017,live");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:%d/practice/sparql", "http://127.0.0.1:%d/$/ping", "file:///etc/passwd",
            "http://localhost:%d/wikidata/sparql/../../$/stats", "https://example.org/sparql", "urn:x-arq:self"})
    void anyOtherServiceIsRefused(String target) throws Exception {
        String iri = target.contains("%d") ? target.formatted(target.contains("wikidata") ? remote.getPort() : server.port()) : target;
        HttpResponse<String> r = query("SELECT * WHERE { SERVICE <" + iri + "> { ?s ?p ?o } } LIMIT 1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        // Jena resolves the IRI first, so the message may show it with dot segments removed.
        assertThat(r.body()).contains("is not allowed: this endpoint federates only with " + remoteSparql);
    }

    @Test
    void aServiceNamedByAVariableIsCheckedToo() throws Exception {
        HttpResponse<String> r = query("SELECT * WHERE { VALUES ?svc { <file:///etc/passwd> } SERVICE ?svc { ?s ?p ?o } } LIMIT 1");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("SERVICE <file:///etc/passwd> is not allowed");
    }

    @Test
    void allowlistEntriesMustBeHttpUrls() {
        assertThatThrownBy(() -> ServiceAllowlist.of(List.of("file:///etc"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file:///etc");
        ServiceAllowlist list = ServiceAllowlist.of(ServiceAllowlist.DEFAULT);
        assertThat(list.allows("https://QUERY.wikidata.org:443/sparql/")).isTrue();
        assertThat(list.allows("https://query.wikidata.org/sparql?x=1")).isFalse();
        assertThat(list.allows("https://user@query.wikidata.org/sparql")).isFalse();
        assertThat(list.allows("http://query.wikidata.org/sparql")).isFalse();
    }
}
