package org.practicegraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.practicegraph.rdf.PG;

/** Reports as CQC publishes them (issue 4): formats, statements, summary pages, multi-file reports, dates. */
class PublishedReportsTest {
    static final Path FORMATS = Path.of("src/test/resources/formats");
    static final Path STATEMENTS = Path.of("src/test/resources/reports/statements");
    static final String PREFIXES = """
            PREFIX pg: <https://w3id.org/practice-graph/def#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;
    static Loader.Components components;

    @BeforeAll
    static void components() { components = Loader.Components.bundled(); }

    private static Graph graph(Path file, List<String> warnings) {
        return Loader.create().store(Store.inMemory()).components(components).build().toGraph(file, warnings);
    }

    /** The graph without the two triples that name the file and its bytes. */
    private static Graph withoutFileIdentity(Graph g) {
        Graph copy = GraphFactory.createDefaultGraph();
        g.find().filterDrop(t -> t.getPredicate().equals(DCTerms.identifier.asNode()) || t.getPredicate().equals(PG.sha256.asNode()))
                .forEachRemaining(copy::add);
        return copy;
    }

    @ParameterizedTest
    @ValueSource(strings = {"hillingdon-learning", "dorset-summary", "dorset-safeguarding"})
    void markdownWebPageAndPdfYieldTheSameGraph(String stem) {
        Graph md = graph(FORMATS.resolve(stem + ".md"), new ArrayList<>());
        assertThat(md.size()).isGreaterThan(20);
        for (String ext : List.of(".html", ".pdf")) {
            Graph other = graph(FORMATS.resolve(stem + ext), new ArrayList<>());
            // the IRIs come from the file name without its extension, so only identifier and hash may differ
            assertThat(withoutFileIdentity(other).isIsomorphicWith(withoutFileIdentity(md))).as(stem + ext).isTrue();
        }
    }

    @Test
    void theRenderedSampleKeepsTheFactsOfTheOriginalText() {
        String q = PREFIXES + "SELECT ?x WHERE { { ?i a pg:Initiative ; rdfs:label ?l BIND(CONCAT('initiative ', ?l) AS ?x) } UNION "
                + "{ ?m a pg:Metric ; rdfs:label ?l ; pg:value ?v BIND(CONCAT('metric ', ?l, '=', STR(?v)) AS ?x) } UNION "
                + "{ ?p a pg:Partner ; rdfs:label ?l BIND(CONCAT('partner ', ?l) AS ?x) } UNION "
                + "{ ?a pg:score ?s BIND(CONCAT('score ', STR(?s)) AS ?x) } }";
        Set<String> original = strings(graph(Path.of("corpus/sample/003_874a80aed6dcf2ea.txt"), new ArrayList<>()), q);
        assertThat(original).contains("score 3").anyMatch(s -> s.startsWith("initiative ")).anyMatch(s -> s.startsWith("metric "));
        assertThat(strings(graph(FORMATS.resolve("hillingdon-learning.pdf"), new ArrayList<>()), q)).isEqualTo(original);
        assertThat(strings(graph(FORMATS.resolve("hillingdon-learning.html"), new ArrayList<>()), q)).isEqualTo(original);
    }

    @Test
    void eachStatementPageIsAssessedAgainstItsStatementNotItsTheme() {
        assertThat(statementOf(STATEMENTS.resolve("assessing-needs.md"))).isEqualTo("assessing-needs 2 false");
        assertThat(statementOf(STATEMENTS.resolve("partnerships-plain.txt"))).isEqualTo("partnerships-and-communities 4 false");
        assertThat(statementOf(STATEMENTS.resolve("governance-indicative.md"))).isEqualTo("governance-management-and-sustainability 3 true");
        assertThat(statementOf(FORMATS.resolve("dorset-safeguarding.pdf"))).isEqualTo("safeguarding 3 false");
    }

    private static String statementOf(Path file) {
        Graph g = graph(file, new ArrayList<>());
        assertThat(ShaclValidator.get().validate(Loader.bundledShapes(), g).conforms()).as(file.toString()).isTrue();
        return String.join(" ", strings(g, PREFIXES + """
                SELECT (CONCAT(?n, ' ', STR(?s), ' ', STR(BOUND(?i))) AS ?x) WHERE {
                  ?a a pg:Assessment ; pg:score ?s ; pg:qualityStatement ?qs . OPTIONAL { ?a pg:indicative ?i }
                }""".replace("?n", "REPLACE(STR(?qs), '^.*/', '')")));
    }

    @Test
    void summaryPageGivesTheOverallRatingAndNineAssessments() {
        List<String> warnings = new ArrayList<>();
        Graph g = graph(FORMATS.resolve("dorset-summary.html"), warnings);
        assertThat(ShaclValidator.get().validate(Loader.bundledShapes(), g).conforms()).isTrue();
        assertThat(warnings).isEmpty();
        assertThat(strings(g, PREFIXES + """
                SELECT (CONCAT(STR(?rating), ' ', STR(?pc), ' ', STR(?issued)) AS ?x) WHERE {
                  ?r pg:hasOverallAssessment ?o . ?o a pg:OverallAssessment ; pg:overallRating ?rating ;
                     pg:overallPercentage ?pc ; dcterms:issued ?issued ; prov:wasDerivedFrom ?r .
                  FILTER NOT EXISTS { ?o pg:indicative true } }""")).containsExactly(
                "https://w3id.org/practice-graph/def/overall-rating/good 68 2025-03-14");
        assertThat(strings(g, PREFIXES + """
                SELECT (CONCAT(REPLACE(STR(?qs), '^.*/', ''), '=', STR(?s)) AS ?x) WHERE {
                  ?o a pg:OverallAssessment ; dcterms:hasPart ?a . ?a a pg:Assessment ; pg:qualityStatement ?qs ; pg:score ?s ;
                     pg:assessedAuthority/rdfs:label "Dorset" ; dcterms:issued "2025-03-14"^^<http://www.w3.org/2001/XMLSchema#date> }"""))
                .containsExactlyInAnyOrder("assessing-needs=3", "supporting-healthier-lives=3", "equity-in-experience-and-outcomes=2",
                        "care-provision-integration-and-continuity=3", "partnerships-and-communities=3",
                        "safe-pathways-systems-and-transitions=2", "safeguarding=3", "governance-management-and-sustainability=3",
                        "learning-improvement-and-innovation=3");
    }

    @Test
    void aRatingOutsideItsBandIsWarnedAbout(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("pilot-summary.md");
        Files.writeString(f, """
                # Overall summary

                Indicative rating: Outstanding

                Indicative score: 68%

                - Safeguarding: Indicative score 3

                Hillingdon was one of the councils in the pilot. Staff told us they felt supported.
                """);
        List<String> warnings = new ArrayList<>();
        Graph g = graph(f, warnings);
        assertThat(warnings).containsExactly("overall rating Outstanding disagrees with CQC's bands: 68% is Good");
        assertThat(strings(g, PREFIXES + "SELECT (STR(?i) AS ?x) WHERE { ?o a pg:OverallAssessment ; pg:indicative ?i }")).containsExactly("true");
        assertThat(strings(g, PREFIXES + "SELECT (STR(?i) AS ?x) WHERE { ?a a pg:Assessment ; pg:indicative ?i }")).containsExactly("true");
    }

    @Test
    void aReportInSeveralFilesIsOneGroupAndEachFileKeepsItsGraph(@TempDir Path dir) throws IOException {
        for (String f : List.of("dorset-summary.html", "dorset-safeguarding.pdf")) Files.copy(FORMATS.resolve(f), dir.resolve(f));
        Files.writeString(dir.resolve("manifest.csv"), """
                file,authority,gss,published,url,report
                dorset-summary.html,Dorset,E06000059,2025-03-14,,dorset-2025
                dorset-safeguarding.pdf,Dorset,E06000059,2025-03-14,,dorset-2025
                """);
        Store store = Store.inMemory();
        LoadResult r = Loader.create().store(store).components(components).build().load(List.of(dir));
        assertThat(r.problems()).isEmpty();
        assertThat(r.loaded()).containsExactly("dorset-safeguarding.pdf", "dorset-summary.html");
        assertThat(store.graphNames()).contains("https://w3id.org/practice-graph/id/graph/report/dorset-summary",
                "https://w3id.org/practice-graph/id/graph/report/dorset-safeguarding");
        assertThat(select(store, PREFIXES + """
                SELECT (CONCAT(?id, ' ', ?file, ' ', STR(?d)) AS ?x) WHERE {
                  ?g a pg:AssessmentReport ; dcterms:identifier ?id ; dcterms:issued ?d ; dcterms:hasPart/dcterms:identifier ?file }"""))
                .containsExactlyInAnyOrder("dorset-2025 dorset-safeguarding.pdf 2025-03-14", "dorset-2025 dorset-summary.html 2025-03-14");
        // provenance still points at the exact file: evidence of the safeguarding page derives from the PDF
        assertThat(select(store, PREFIXES + """
                SELECT DISTINCT ?x WHERE { ?e a pg:Evidence ; pg:quote ?q ; prov:wasDerivedFrom/dcterms:identifier ?x .
                  FILTER CONTAINS(?q, "multi-agency safeguarding hub") }""")).containsExactly("dorset-safeguarding.pdf");
    }

    @Test
    void twoAssessmentsOfOneCouncilAreKeptWithTheirDates(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of("corpus/sample/003_874a80aed6dcf2ea.txt"));
        Files.writeString(dir.resolve("hillingdon-2023.txt"), text.replace("Score: 3", "Score: 2").replace("3 - Evidence shows a good standard", "2 - Evidence shows some shortfalls"));
        Files.writeString(dir.resolve("hillingdon-2025.txt"), text);
        Files.writeString(dir.resolve("manifest.csv"), """
                file,authority,gss,published,url
                hillingdon-2023.txt,Hillingdon,E09000017,2023-11-03,
                hillingdon-2025.txt,Hillingdon,E09000017,2025-02-20,
                """);
        Store store = Store.inMemory();
        Loader.create().store(store).components(components).build().load(List.of(dir));
        // the previous score comes from the score history, written with the statistics (as load does)
        org.practicegraph.publish.PracticeStatistics.of(org.practicegraph.rdf.Iris.DEFAULT).refresh(store);
        String sparql = Files.readString(Path.of("queries/scores-over-time.rq"));
        assertThat(select(store, sparql.replaceFirst("SELECT .*", "SELECT (CONCAT(?authority, ' ', ?statement, ' ', STR(?published), ' ', STR(?score), ' ', "
                + "COALESCE(STR(?previousScore), '-')) AS ?x) ?authority ?statement ?published"))).containsExactly(
                "Hillingdon Learning, improvement and innovation 2023-11-03 2 -",
                "Hillingdon Learning, improvement and innovation 2025-02-20 3 2");
    }

    static Set<String> strings(Graph g, String sparql) {
        try (QueryExecution qe = QueryExecution.create(sparql, DatasetFactory.wrap(org.apache.jena.rdf.model.ModelFactory.createModelForGraph(g)))) {
            Set<String> out = new TreeSet<>();
            qe.execSelect().forEachRemaining(s -> out.add(s.get("x").toString()));
            return out;
        }
    }

    static List<String> select(Store store, String sparql) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.create(sparql, DatasetFactory.wrap(store.dataset()))) {
                List<String> out = new ArrayList<>();
                qe.execSelect().forEachRemaining((QuerySolution s) -> out.add(s.get("x").isLiteral() ? s.getLiteral("x").getLexicalForm() : s.get("x").toString()));
                return out;
            }
        });
    }
}
