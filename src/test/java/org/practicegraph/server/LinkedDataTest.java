package org.practicegraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.practicegraph.publish.DatasetDescription;
import org.practicegraph.rdf.Iris;
import org.practicegraph.rdf.PG;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/** Dereferenceable IRIs, the VoID description, the JSON-LD context, dumps and the score cube, over HTTP (issue 5). */
class LinkedDataTest {
    static final String HILLINGDON = Iris.DEFAULT.authority("Hillingdon");
    static final String VOID = DatasetDescription.VOID;
    static PracticeServer server;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Store store = Store.inMemory();
        Loader.create().store(store).build().load(List.of(Path.of("corpus/sample")));
        // A hostile label: the HTML page must show it as text.
        Graph g = GraphFactory.createDefaultGraph();
        Model m = ModelFactory.createModelForGraph(g);
        m.createResource(Iris.DEFAULT.partner("script-test")).addProperty(RDF.type, PG.Partner)
                .addProperty(RDFS.label, "<script>alert('x')</script> & \"friends\"");
        store.replaceGraph(Iris.DEFAULT.reportGraphPrefix() + "hand-made", g);
        server = PracticeServer.create().store(store).port(0).loopback(true).build().start();
        base = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() { server.stop(); }

    static HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (accept != null) b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) { return new String(r.body(), StandardCharsets.UTF_8); }

    static Model parse(byte[] body, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(body)).lang(lang).base(base).parse(m);
        return m;
    }

    @Test
    void anIdIriAnswers303ToItsDocument() throws Exception {
        HttpResponse<byte[]> r = get("/id/authority/hillingdon", "text/turtle");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/doc/authority/hillingdon");
        assertThat(r.headers().firstValue("Vary")).contains("Accept");
    }

    @ParameterizedTest
    @CsvSource({"text/turtle, TURTLE, text/turtle", "application/n-triples, NTRIPLES, application/n-triples",
            "application/ld+json, JSONLD, application/ld+json", "application/rdf+xml, RDFXML, application/rdf+xml",
            "'*/*', TURTLE, text/turtle", "'application/rdf+xml;q=0.5, application/n-triples', NTRIPLES, application/n-triples"})
    void theDocumentNegotiatesEveryRdfFormat(String accept, String lang, String contentType) throws Exception {
        HttpResponse<byte[]> r = get("/doc/authority/hillingdon", accept);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(contentType);
        Model m = parse(r.body(), switch (lang) {
            case "TURTLE" -> Lang.TURTLE;
            case "NTRIPLES" -> Lang.NTRIPLES;
            case "JSONLD" -> Lang.JSONLD;
            default -> Lang.RDFXML;
        });
        Resource a = m.getResource(HILLINGDON);
        assertThat(a.hasProperty(RDF.type, PG.LocalAuthority)).isTrue();
        assertThat(a.hasProperty(RDF.type, m.createResource("http://www.w3.org/ns/org#FormalOrganization"))).isTrue();
        assertThat(a.getProperty(PG.gssCode).getString()).isEqualTo("E09000017");
        assertThat(a.getPropertyResourceValue(PG.servesArea).getURI())
                .isEqualTo("http://statistics.data.gov.uk/id/statistical-geography/E09000017");
        // Incoming: the assessment of Hillingdon, with its score.
        assertThat(m.listSubjectsWithProperty(PG.assessedAuthority, a).toList()).singleElement()
                .satisfies(s -> assertThat(s.getProperty(PG.score).getInt()).isEqualTo(3));
    }

    @Test
    void aFileExtensionNamesTheFormat() throws Exception {
        HttpResponse<byte[]> r = get("/doc/authority/hillingdon.nt", "text/html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/n-triples");
        assertThat(parse(r.body(), Lang.NTRIPLES).contains(null, PG.gssCode, "E09000017")).isTrue();
    }

    @Test
    void htmlPageShowsLabelScoreInitiativesAndEvidence() throws Exception {
        HttpResponse<byte[]> r = get("/doc/authority/hillingdon", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        String html = text(r);
        assertThat(html).contains("<h1>Hillingdon</h1>").contains(": score 3 for Learning, improvement and innovation")
                .contains("href=\"http://statistics.data.gov.uk/id/statistical-geography/E09000017\"")
                .contains("href=\"/id/initiative/003_874a80aed6dcf2ea/");
    }

    @Test
    void anInitiativePageQuotesItsEvidenceWithTheReport() throws Exception {
        String initiative = firstIri("PREFIX pg: <https://w3id.org/practice-graph/def#> SELECT ?i WHERE { ?i a pg:Initiative ; pg:evidence ?e } ORDER BY ?i LIMIT 1");
        String html = text(get("/doc/" + initiative.substring(Iris.DEFAULT_BASE.length()), "text/html"));
        assertThat(html).contains("<h2>Evidence</h2>").contains("<blockquote>").containsPattern("From report <a href=\"/id/report/\\d{3}_");
    }

    @Test
    void htmlEscapesEverythingFromTheData() throws Exception {
        String html = text(get("/doc/partner/script-test", "text/html"));
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot;");
    }

    @Test
    void unknownIrisAre404() throws Exception {
        assertThat(get("/id/authority/atlantis", "text/turtle").statusCode()).isEqualTo(404);
        assertThat(get("/doc/authority/atlantis", "text/html").statusCode()).isEqualTo(404);
        assertThat(get("/id/", "text/turtle").statusCode()).isEqualTo(404);
    }

    @Test
    void anUnacceptableTypeIs406() throws Exception {
        assertThat(get("/doc/authority/hillingdon", "image/png").statusCode()).isEqualTo(406);
    }

    @Test
    void voidDescriptionCountsTheLiveData() throws Exception {
        HttpResponse<byte[]> r = get("/.well-known/void", "text/turtle");
        assertThat(r.statusCode()).isEqualTo(200);
        Model m = parse(r.body(), Lang.TURTLE);
        Resource ds = m.getResource(Iris.DEFAULT.dataset());
        assertThat(ds.hasProperty(RDF.type, m.createResource(VOID + "Dataset"))).isTrue();
        assertThat(ds.hasProperty(RDF.type, m.createResource("http://www.w3.org/ns/dcat#Dataset"))).isTrue();
        assertThat(ds.getPropertyResourceValue(m.createProperty(VOID, "sparqlEndpoint")).getURI()).isEqualTo(server.sparqlUrl());
        assertThat(ds.getPropertyResourceValue(m.createProperty("http://purl.org/dc/terms/", "license")).getURI())
                .isEqualTo(DatasetDescription.OGL);
        assertThat(m.listObjectsOfProperty(ds, m.createProperty(VOID, "dataDump")).toList()).extracting(Object::toString)
                .containsExactlyInAnyOrder(base + "/dumps/practice-graph.nq.gz", base + "/dumps/practice-graph.trig.gz");
        assertThat(m.listObjectsOfProperty(ds, m.createProperty(VOID, "vocabulary")).toList()).extracting(Object::toString)
                .contains(PG.NS, "http://www.w3.org/ns/prov#");
        assertThat(m.listObjectsOfProperty(ds, m.createProperty(VOID, "exampleResource")).toList()).extracting(Object::toString)
                .contains(Iris.DEFAULT.authority("Hillingdon"));
        long triples = ds.getProperty(m.createProperty(VOID, "triples")).getLong();
        assertThat(triples).isEqualTo(Long.parseLong(count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                + "FILTER(?g NOT IN (<" + Iris.DEFAULT.descriptionGraph() + ">, <" + Iris.DEFAULT.cubeGraph() + ">, <"
                + Iris.DEFAULT.similarityGraph() + ">, <" + Iris.DEFAULT.statsGraph() + ">)) }")));
        // Entities per class: 5 assessments in the samples.
        Resource partition = m.listSubjectsWithProperty(m.createProperty(VOID, "class"), PG.Assessment).next();
        assertThat(partition.getProperty(m.createProperty(VOID, "entities")).getLong()).isEqualTo(5);
    }

    @Test
    void theDescriptionIsAlsoANamedGraph() throws Exception {
        assertThat(count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + Iris.DEFAULT.descriptionGraph() + "> { ?d a <" + VOID + "Dataset> } }"))
                .isEqualTo("1");
    }

    @Test
    void jsonLdContextIsServedAndUsed() throws Exception {
        HttpResponse<byte[]> ctx = get("/ns/context.jsonld", null);
        assertThat(ctx.statusCode()).isEqualTo(200);
        assertThat(ctx.headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
        assertThat(text(ctx)).contains("\"servesArea\"").contains("\"pg\": \"https://w3id.org/practice-graph/def#\"");
        String doc = text(get("/doc/authority/hillingdon.jsonld", null));
        assertThat(doc).contains("\"@context\": \"" + base + "/ns/context.jsonld\"").contains("\"gssCode\": \"E09000017\"");
    }

    @Test
    void dumpsAreGzippedNQuadsAndTrigWithOneGraphPerReport() throws Exception {
        for (String[] d : new String[][] {{"/dumps/practice-graph.nq.gz", "NQUADS"}, {"/dumps/practice-graph.trig.gz", "TRIG"}}) {
            HttpResponse<byte[]> r = get(d[0], null);
            assertThat(r.statusCode()).as(d[0]).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/gzip");
            Dataset ds = DatasetFactory.create();
            RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(r.body()))).lang(d[1].equals("TRIG") ? Lang.TRIG : Lang.NQUADS).parse(ds);
            List<String> reports = new java.util.ArrayList<>();
            ds.listModelNames().forEachRemaining(g -> { if (g.getURI().startsWith(Iris.DEFAULT.reportGraphPrefix() + "0")) reports.add(g.getURI()); });
            assertThat(reports).as(d[0]).hasSize(5);
        }
        assertThat(get("/dumps/other.zip", null).statusCode()).isEqualTo(404);
    }

    @Test
    void scoresAreDataCubeObservations() throws Exception {
        String q = "PREFIX qb: <http://purl.org/linked-data/cube#> PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#> "
                + "PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#> PREFIX pg: <https://w3id.org/practice-graph/def#> "
                + "SELECT (SAMPLE(STR(?v)) AS ?n) WHERE { ?o a qb:Observation ; qb:dataSet/qb:structure ?dsd ; "
                + "sdmx-dimension:refArea <http://statistics.data.gov.uk/id/statistical-geography/E09000017> ; "
                + "sdmx-dimension:refPeriod ?p ; pg:qualityStatement ?qs ; sdmx-measure:obsValue ?v }";
        assertThat(count(q)).isEqualTo("3");
        // Three sample reports never name their council: no area, so no observation (IC-11). (The
        // practice statistics in .../graph/stats are observations of other data sets.)
        assertThat(count("PREFIX qb: <http://purl.org/linked-data/cube#> SELECT (COUNT(?o) AS ?n) WHERE { ?o a qb:Observation ; "
                + "qb:dataSet <" + Iris.DEFAULT.base() + "dataset/scores> }")).isEqualTo("2");
        // The practice statistics: every observation belongs to one of their data sets and has a structure.
        assertThat(count("PREFIX qb: <http://purl.org/linked-data/cube#> SELECT (COUNT(?o) AS ?n) WHERE { GRAPH <"
                + Iris.DEFAULT.statsGraph() + "> { ?o a qb:Observation . FILTER NOT EXISTS { ?o qb:dataSet/qb:structure ?dsd } } }"))
                .isEqualTo("0");
        assertThat(Integer.parseInt(count("PREFIX qb: <http://purl.org/linked-data/cube#> SELECT (COUNT(?o) AS ?n) WHERE { GRAPH <"
                + Iris.DEFAULT.statsGraph() + "> { ?o a qb:Observation } }"))).isPositive();
    }

    static String firstIri(String select) throws Exception { return csvRows(select).get(0); }

    static String count(String select) throws Exception { return csvRows(select).get(0); }

    static List<String> csvRows(String select) throws Exception {
        HttpResponse<byte[]> r = get("/practice/sparql?query=" + URLEncoder.encode(select, StandardCharsets.UTF_8), "text/csv");
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        return text(r).lines().skip(1).toList();
    }
}
