package org.practicegraph.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.practicegraph.browser.SampleServer;
import org.practicegraph.server.PracticeServer;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/**
 * The explorer's pages over HTTP, without a browser (so without JavaScript): what each page kind
 * shows for the sample corpus, that every link from home leads somewhere, the CSV downloads, and
 * that report text is escaped.
 */
class ExplorerPagesTest {
    @RegisterExtension static final SampleServer server = new SampleServer();
    static final HttpClient http = HttpClient.newHttpClient();

    static HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Document page(String path) {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        return Jsoup.parse(r.body(), server.url(path));
    }

    @Test
    void homeShowsCountsScoresHeatMapAndRecentLoads() {
        Document home = page("/");
        assertThat(home.select("h1").text()).isEqualTo("Practice Graph");
        String initiatives = server.select("SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a pg:Initiative }").get(0).get("n");
        assertThat(home.select(".counts li").eachText()).contains("5 reports", "5 authorities", initiatives + " initiatives");
        assertThat(home.select("svg.chart[role=img] title").text()).isEqualTo("Quality-statement assessments by score");
        // authorities by score: the one scored 4 comes first
        assertThat(home.select("#scores-h + div + table tbody tr").first().select("td").first().text()).isEqualTo("4.0");
        // heat map: a row per practice found, four score columns, cells summing to the initiatives with a score
        Element heat = home.selectFirst("table.heatmap");
        assertThat(heat.select("thead th").eachText()).containsExactly("Practice", "Score 1", "Score 2", "Score 3", "Score 4");
        assertThat(heat.select("tbody th a[href=/practices/co-production]")).hasSize(1);
        int sum = heat.select("tbody td").stream().mapToInt(td -> Integer.parseInt(td.text())).sum();
        String typedScored = server.select("""
                SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?i ?type ?s WHERE {
                  ?i a pg:Initiative ; pg:initiativeType ?type ; pg:evidence/<http://www.w3.org/ns/prov#wasDerivedFrom>/pg:hasAssessment/pg:score ?s } }""")
                .get(0).get("n");
        assertThat(sum).isEqualTo(Integer.parseInt(typedScored));
        assertThat(home.select("#recent-h ~ table tbody tr")).hasSize(5);
        assertThat(home.select("#recent-h ~ table time").first().attr("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void authorityPageShowsScoresInitiativesByTypeFiguresAndEvidenceLinks() {
        Document a = page("/authorities/hillingdon");
        assertThat(a.select("h1").text()).isEqualTo("Hillingdon");
        assertThat(a.select("#scores tbody tr").first().text()).contains("Learning, improvement and innovation", "3");
        // initiatives grouped under their practice, each with a status badge and its evidence sentence
        Element apprenticeship = a.selectFirst("#initiatives h3:has(a[href=/practices/apprenticeship])");
        assertThat(apprenticeship).isNotNull();
        Element list = apprenticeship.nextElementSibling();
        assertThat(list.select("li > a").eachText()).contains("apprenticeships");
        assertThat(list.select(".badge").eachText()).allMatch(s -> s.matches("established|pilot|planned"));
        assertThat(list.select("blockquote.evidence").first().text()).contains("apprenticeships");
        // every evidence link points at an anchor that exists on the report page
        String href = a.selectFirst("blockquote.evidence a").attr("href");
        assertThat(href).matches("/reports/003_874a80aed6dcf2ea#s-\\d+-\\d+");
        Document report = page(href.substring(0, href.indexOf('#')));
        assertThat(report.getElementById(href.substring(href.indexOf('#') + 1))).isNotNull();
        assertThat(a.select("#partners li, #metrics li, #outcomes li")).isNotEmpty();
    }

    @Test
    void figuresShowBaselineAndComparator() {
        // the sample that states "from 40% to 89%" and an ombudsman comparator
        List<Map<String, String>> rows = server.select("""
                SELECT DISTINCT ?a WHERE { ?m pg:baseline ?b ; pg:evidence/<http://www.w3.org/ns/prov#wasDerivedFrom> ?r .
                  ?r pg:hasAssessment/pg:assessedAuthority ?a }""");
        assertThat(rows).isNotEmpty();
        Document a = page(new Links(org.practicegraph.rdf.Iris.DEFAULT).page(rows.get(0).get("a")));
        assertThat(a.select("#metrics .figure").eachText()).contains("40% → 89%").anyMatch(f -> f.matches(".* vs .* expected"));
    }

    @Test
    void practicePageListsWhereItIsFoundWithScoresOutcomesAndPartners() {
        Document p = page("/practices/co-production");
        assertThat(p.select("h1").text()).isEqualTo("Co-production");
        List<String> authorities = p.select("#where tbody tr td:first-child").eachText();
        List<Map<String, String>> expected = server.select("""
                SELECT DISTINCT ?label WHERE { ?i pg:initiativeType <https://w3id.org/practice-graph/def/initiative-type/co-production> ;
                  pg:deliveredBy/rdfs:label ?label }""");
        assertThat(new LinkedHashSet<>(authorities)).containsExactlyInAnyOrderElementsOf(expected.stream().map(r -> r.get("label")).toList());
        assertThat(p.select("#where tbody .score").eachText()).allMatch(s -> s.matches("[1-4]"));
        assertThat(p.select("#outcomes li")).isNotEmpty();
        assertThat(p.select("#linked h2").text()).isEqualTo("Linked practices");
    }

    @Test
    void partnerAndReportPages() {
        Document index = page("/partners");
        Element first = index.selectFirst("tbody a");
        Document partner = page(first.attr("href"));
        assertThat(partner.select("h1").text()).isEqualTo(first.text());
        assertThat(partner.select("blockquote.evidence")).isNotEmpty();

        Document report = page("/reports/003_874a80aed6dcf2ea");
        assertThat(report.select(".legend li").eachText()).anyMatch(s -> s.startsWith("initiative "))
                .anyMatch(s -> s.startsWith("partner ")).anyMatch(s -> s.startsWith("outcome "));
        assertThat(report.select(".report-text mark.k-initiative")).isNotEmpty();
        assertThat(report.select(".report-text").text()).contains("Hillingdon");
    }

    /** Every page reachable from home in two clicks answers 200 with one h1; the figures go to docs/benchmarks.md. */
    @Test
    void everyLinkFromHomeLeadsToAPage() {
        Deque<String> todo = new ArrayDeque<>(List.of("/"));
        Map<String, Integer> depth = new LinkedHashMap<>(Map.of("/", 0));
        List<String> broken = new ArrayList<>();
        while (!todo.isEmpty()) {
            String path = todo.poll();
            HttpResponse<String> r = get(path);
            if (r.statusCode() != 200) { broken.add(path + " " + r.statusCode()); continue; }
            if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) continue;
            Document d = Jsoup.parse(r.body());
            if (d.select("h1").size() != 1) broken.add(path + ": " + d.select("h1").size() + " h1");
            if (depth.get(path) >= 2) continue;
            for (Element link : d.select("a[href^=/]")) {
                String href = link.attr("href").replaceFirst("#.*", "");
                if (href.startsWith("/practice/") || href.contains("download=") || href.isEmpty()) continue;
                if (depth.putIfAbsent(href, depth.get(path) + 1) == null) todo.add(href);
            }
        }
        assertThat(broken).isEmpty();
        assertThat(depth.keySet()).anyMatch(p -> p.startsWith("/authorities/")).anyMatch(p -> p.startsWith("/practices/"))
                .anyMatch(p -> p.startsWith("/initiatives/")).anyMatch(p -> p.startsWith("/partners/")).anyMatch(p -> p.startsWith("/reports/"));
        assertThat(depth.size()).isGreaterThan(50);
    }

    @Test
    void pagesOfferTheirDataAsCsv() {
        Document a = page("/authorities/hillingdon");
        assertThat(a.select("footer a[download]").eachAttr("href")).contains("?download=authority-initiatives");
        HttpResponse<String> csv = get("/authorities/hillingdon?download=authority-initiatives");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("initiative,label,type,typeLabel,status,quote,report,start,end");
        String n = server.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?i ?e WHERE { ?i pg:deliveredBy <https://w3id.org/practice-graph/id/authority/hillingdon> ; pg:evidence ?e } }").get(0).get("n");
        assertThat(lines).hasSize(Integer.parseInt(n) + 1);
        // only the page's own queries can be downloaded
        assertThat(get("/authorities/hillingdon?download=counts").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownThingsAnswer404PagesAndExplorerPagesAllowOnlyTheirOwnScripts() {
        for (String path : List.of("/authorities/nowhere", "/practices/juggling", "/reports/none", "/initiatives/x/y", "/assets/../pom.xml", "/assets/nothing.js")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
        HttpResponse<String> home = get("/");
        assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("connect-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(get("/assets/yasgui/yasgui.min.js").body()).hasSizeGreaterThan(500_000);
    }

    @Test
    void searchFindsEvidenceAndLinksToTheFactAndTheSentence() {
        Document r = page("/search?q=apprenticeship");
        assertThat(r.select("[role=status]").text()).matches("[1-9]\\d* results");
        Element first = r.selectFirst("ol.hits li");
        // stemmed: "apprenticeship" finds "apprenticeships"
        assertThat(first.select("blockquote").text().toLowerCase()).contains("apprenticeship");
        assertThat(r.select("ol.hits .kind").eachText()).contains("initiative");
        // a hit on an evidence sentence links to its fact's page and to the sentence in the report
        Element hit = r.select("ol.hits li").stream().filter(li -> li.selectFirst("a[href^=/initiatives/]") != null && li.selectFirst("blockquote a") != null).findFirst().orElseThrow();
        assertThat(page(hit.selectFirst("a[href^=/initiatives/]").attr("href")).select("h1").text()).isNotBlank();
        String sentence = hit.selectFirst("blockquote a").attr("href");
        assertThat(sentence).matches("/reports/[^#]+#s-\\d+-\\d+");
        assertThat(page(sentence.replaceFirst("#.*", "")).getElementById(sentence.replaceFirst(".*#", ""))).isNotNull();
        // a taxonomy concept found by its label belongs to no council
        assertThat(r.select("ol.hits li:has(.kind:containsOwn(practice))")).allSatisfy(li -> assertThat(li.select("a[href^=/authorities/]")).isEmpty());
        // no hit is listed twice
        assertThat(r.select("ol.hits li").eachText()).doesNotHaveDuplicates();
        // the header's search box carries the words searched
        assertThat(r.selectFirst("#site-q").attr("value")).isEqualTo("apprenticeship");
    }

    @Test
    void aQueryTheIndexCannotReadGetsAMessageNotAnError() {
        HttpResponse<String> r = get("/search?q=" + Links.encode("apprentice AND ("));
        assertThat(r.statusCode()).isEqualTo(200);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("[role=alert]").text()).isNotBlank().doesNotContain("Exception").doesNotContain("at org.");
        assertThat(page("/search?q=").select("ol.hits li")).isEmpty();
        assertThat(page("/search?q=zzyzzxq").select("[role=status]").text()).isEqualTo("0 results");
    }

    @Test
    void workbenchListsEveryCannedQueryWithDownloads() {
        Document w = page("/workbench?example=authorities-by-score");
        assertThat(w.select("script[src]").eachAttr("src")).contains("/assets/yasgui/yasgui.min.js", "/assets/workbench.js")
                .allMatch(s -> s.startsWith("/"));
        assertThat(w.select("a.example").eachText()).containsAll(CannedQueries.all().stream().map(CannedQueries.Canned::name).toList());
        assertThat(w.selectFirst("#yasgui").attr("data-example")).contains("SELECT");
        String csv = w.selectFirst("a.example[data-name=authorities-by-score] ~ .downloads a").attr("href");
        HttpResponse<String> result = get(csv);
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body().lines().findFirst().orElse("")).contains("authority");
    }

    @Test
    void reportTextIsEscaped(@TempDir Path dir) throws IOException {
        String sample = Files.readString(Path.of("corpus/sample/003_874a80aed6dcf2ea.txt"));
        Path evil = dir.resolve("evil.txt");
        Files.writeString(evil, sample.replaceFirst("Staff told us", "Staff told us <script>alert(1)</script> that"));
        try (Store store = Store.inMemory()) {
            Loader.create().store(store).build().load(List.of(evil));
            PracticeServer s = PracticeServer.create().store(store).port(0).loopback(true).build().start();
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + s.port() + "/reports/evil")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                s.stop();
            }
        }
    }
}
