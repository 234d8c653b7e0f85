package org.practicegraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.practicegraph.publish.PracticeStatistics;
import org.practicegraph.rdf.Iris;
import org.practicegraph.similar.SimilarInitiatives;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/** Every query in queries/ on the sample corpus: it states its question and returns the rows it should. */
class CannedQueriesTest {
    static final Path QUERIES = Path.of("queries");
    static Store samples;

    @BeforeAll
    static void load() {
        samples = Store.inMemory();
        Loader.create().store(samples).build().load(List.of(Path.of("corpus/sample")));
        // The derived graph the server writes on start, which similar-initiatives.rq reads.
        SimilarInitiatives.create().build().refresh(samples);
        // The precomputed statistics the server writes on start, which the aggregate queries read.
        PracticeStatistics.of(Iris.DEFAULT).refresh(samples);
    }

    static Stream<Path> queries() throws IOException {
        return Files.list(QUERIES).filter(p -> p.toString().endsWith(".rq")).sorted();
    }

    /** Rows as column → lexical form; unbound columns are absent. */
    static List<Map<String, String>> run(Store store, String file) {
        String sparql = read(QUERIES.resolve(file));
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.create(sparql, DatasetFactory.wrap(store.dataset()))) {
                List<Map<String, String>> rows = new ArrayList<>();
                qe.execSelect().forEachRemaining(s -> {
                    Map<String, String> row = new TreeMap<>();
                    s.varNames().forEachRemaining(v -> {
                        RDFNode n = s.get(v);
                        row.put(v, n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
                    });
                    rows.add(row);
                });
                return rows;
            }
        });
    }

    static String read(Path p) {
        try { return Files.readString(p); } catch (IOException e) { throw new java.io.UncheckedIOException(e); }
    }

    @ParameterizedTest
    @MethodSource("queries")
    void opensWithItsQuestionAndAnswersOnTheSamples(Path file) {
        String text = read(file);
        assertThat(text).as(file.toString()).startsWith("# ");
        assertThat(text.lines().takeWhile(l -> l.startsWith("#")).reduce("", String::concat)).as(file.toString()).contains("?");
        List<Map<String, String>> rows = run(samples, file.getFileName().toString());
        if (text.contains("# empty-on-sample:")) assertThat(rows).as(file.toString()).isEmpty();
        else assertThat(rows).as(file.toString()).isNotEmpty();
    }

    /**
     * Issue 8: the aggregate queries read the precomputed statistics; each gives the same rows as the
     * query it replaced, which computed the aggregate from the reports on every call
     * (src/test/resources/live-aggregates/). GROUP_CONCAT's order is unspecified, so the names
     * column is compared as a set.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"initiative-types-by-score.rq",
            "authorities-sharing-practice-type.rq", "partners-shared-by-authorities.rq"})
    void aggregatesFromTheStatisticsEqualTheLiveAggregates(String file) {
        String live = read(Path.of("src/test/resources/live-aggregates", file));
        List<Map<String, String>> expected = Txn.calculateRead(samples.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.create(live, DatasetFactory.wrap(samples.dataset()))) {
                List<Map<String, String>> rows = new ArrayList<>();
                qe.execSelect().forEachRemaining(s -> {
                    Map<String, String> row = new TreeMap<>();
                    s.varNames().forEachRemaining(v -> row.put(v, s.get(v).isLiteral() ? s.get(v).asLiteral().getLexicalForm() : s.get(v).toString()));
                    rows.add(row);
                });
                return rows;
            }
        });
        assertThat(expected).as(file).isNotEmpty();
        assertThat(run(samples, file).stream().map(CannedQueriesTest::namesAsSet).toList())
                .as(file).isEqualTo(expected.stream().map(CannedQueriesTest::namesAsSet).toList());
    }

    private static Map<String, Object> namesAsSet(Map<String, String> row) {
        Map<String, Object> out = new TreeMap<>(row);
        if (row.containsKey("names")) out.put("names", new java.util.TreeSet<>(List.of(row.get("names").split(" \\| "))));
        return out;
    }

    @Test
    void searchEvidenceFindsEveryApprenticeshipSentenceBestFirst() {
        List<Map<String, String>> rows = run(samples, "search-evidence.rq");
        assertThat(rows).extracting(r -> r.get("report")).containsExactlyInAnyOrder("000_c7a78147fca09e56.txt",
                "001_be58087aa61b4f94.txt", "001_be58087aa61b4f94.txt", "002_69a4ab76882569fd.txt", "003_874a80aed6dcf2ea.txt");
        assertThat(rows.get(0)).containsEntry("authority", "Unidentified authority (002_69a4ab76882569fd.txt)")
                .containsEntry("quote", "There were apprenticeship opportunities in data analysis.")
                .containsEntry("evidence", "https://w3id.org/practice-graph/id/evidence/002_69a4ab76882569fd/8032-8089");
        assertThat(rows).extracting(r -> Double.parseDouble(r.get("score"))).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(rows).extracting(r -> r.get("quote")).allMatch(q -> q.toLowerCase(java.util.Locale.ROOT).contains("apprenticeship"));
    }

    @Test
    void authoritiesByScore() {
        List<Map<String, String>> rows = run(samples, "authorities-by-score.rq");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).containsEntry("score", "4").containsEntry("report", "002_69a4ab76882569fd.txt")
                .containsEntry("scoreLabel", "Evidence shows an exceptional standard");
        assertThat(rows).filteredOn(r -> "Hillingdon".equals(r.get("authority"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("gss", "E09000017").containsEntry("score", "3")
                        .containsEntry("statement", "Learning, improvement and innovation"));
    }

    static final String UNIDENTIFIED_002 = "Unidentified authority (002_69a4ab76882569fd.txt)";

    /** Rows whose columns hold these values. */
    static List<Map<String, String>> rowsWith(List<Map<String, String>> rows, String... columnValue) {
        return rows.stream().filter(r -> {
            for (int i = 0; i < columnValue.length; i += 2)
                if (!columnValue[i + 1].equals(r.get(columnValue[i]))) return false;
            return true;
        }).toList();
    }

    @Test
    void initiativesInScore4AuthoritiesComeOnlyFromTheScore4Report() {
        List<Map<String, String>> rows = run(samples, "initiatives-in-score-4-authorities.rq");
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r)
                .containsEntry("authority", UNIDENTIFIED_002)
                .containsEntry("statement", "Learning, improvement and innovation")
                .containsKeys("initiative", "type", "quote"));
        assertThat(rowsWith(rows, "type", "Co-production")).isNotEmpty();
        // one evidence sentence per initiative: the first in the report
        assertThat(rows.stream().map(r -> r.get("initiative") + "|" + r.get("type")).distinct().count()).isEqualTo(rows.size());
    }

    @Test
    void initiativeTypesByScore() {
        List<Map<String, String>> rows = run(samples, "initiative-types-by-score.rq");
        assertThat(rowsWith(rows, "group", "Co-production and engagement initiatives", "score", "4")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("authorities", "1"));
        assertThat(rowsWith(rows, "group", "Co-production and engagement initiatives", "score", "3")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("authorities", "4"));
    }

    @Test
    void theOmbudsmanIsAPartnerOfSeveralAuthorities() {
        assertThat(rowsWith(run(samples, "partners-shared-by-authorities.rq"), "partner", "Local Government and Social Care Ombudsman"))
                .singleElement().satisfies(r -> assertThat(Integer.parseInt(r.get("authorities"))).isGreaterThanOrEqualTo(4));
    }

    @Test
    void bridgingCareHasItsStatedOutcome() {
        assertThat(run(samples, "initiatives-with-outcomes.rq")).anySatisfy(r -> {
            assertThat(r).containsEntry("authority", "Hillingdon");
            assertThat(r.get("initiative")).containsIgnoringCase("bridging care");
            assertThat(r.get("quote")).contains("patient flow");
        });
    }

    @Test
    void hillingdonsUpholdRateAgainstItsComparator() {
        assertThat(rowsWith(run(samples, "metrics-by-authority.rq"), "authority", "Hillingdon", "unit", "percent"))
                .anySatisfy(r -> assertThat(r).containsEntry("value", "89.0").containsEntry("comparator", "80.0"));
        List<Map<String, String>> uphold = run(samples, "ombudsman-uphold-rates.rq");
        assertThat(rowsWith(uphold, "authority", "Hillingdon")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("upheldPercent", "89.0").containsEntry("comparatorPercent", "80.0"));
        assertThat(rowsWith(uphold, "authority", "Hounslow")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("upheldPercent", "80.0"));
    }

    @Test
    void pilotsAndPlans() {
        List<Map<String, String>> rows = run(samples, "planned-and-pilot-initiatives.rq");
        assertThat(rowsWith(rows, "authority", "Hillingdon", "status", "pilot"))
                .anySatisfy(r -> assertThat(r.get("initiative")).containsIgnoringCase("assistive technology"));
        assertThat(rowsWith(rows, "authority", "Hillingdon", "status", "planned"))
                .anySatisfy(r -> assertThat(r.get("initiative")).containsIgnoringCase("reference group"));
        assertThat(rows).allSatisfy(r -> assertThat(r.get("status")).isIn("pilot", "planned"));
    }

    @Test
    void evidenceForOneInitiativePointsIntoTheReport() {
        List<Map<String, String>> rows = run(samples, "evidence-for-initiative.rq");
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("initiative")).containsIgnoringCase("bridging care");
            String text = org.practicegraph.report.Reports.parse(Path.of("corpus/sample", r.get("report"))).text();
            assertThat(text.substring(Integer.parseInt(r.get("start")), Integer.parseInt(r.get("end")))).isEqualTo(r.get("quote"));
        });
    }

    @Test
    void coProductionAndDigitalInitiatives() {
        assertThat(rowsWith(run(samples, "co-production-initiatives.rq"), "authority", "Hillingdon"))
                .anySatisfy(r -> assertThat(r.get("initiative")).containsIgnoringCase("reference group"));
        assertThat(rowsWith(run(samples, "digital-and-ai-initiatives.rq"), "type", "Automation and artificial intelligence"))
                .anySatisfy(r -> assertThat(r.get("initiative")).containsIgnoringCase("bot"));
    }

    @Test
    void practiceTypesSharedByAuthorities() {
        assertThat(rowsWith(run(samples, "authorities-sharing-practice-type.rq"), "type", "Co-production")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("authorities", "5"));
    }

    /** Issue 5: the pivot of authorities × quality statements. */
    @Test
    void scoresPivotOneRowPerAuthorityOneColumnPerStatement() {
        List<Map<String, String>> rows = run(samples, "scores-pivot-authorities-by-statement.rq");
        assertThat(rows).hasSize(5);
        assertThat(rows).filteredOn(r -> "Hillingdon".equals(r.get("authority"))).singleElement()
                .isEqualTo(Map.of("authority", "Hillingdon", "gss", "E09000017", "learningImprovementAndInnovation", "3"));
    }

    @Test
    void similarInitiativesLinkTheSamePracticeAcrossAuthorities() {
        List<Map<String, String>> rows = run(samples, "similar-initiatives.rq");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("authority")).isNotEqualTo(r.get("similarAuthority"));
            assertThat(new java.math.BigDecimal(r.get("score"))).isPositive().isLessThanOrEqualTo(java.math.BigDecimal.ONE);
        });
        // Hillingdon's and Hounslow's 7-minute briefings: the same practice, named alike, in two councils.
        assertThat(rows).filteredOn(r -> "Hillingdon".equals(r.get("authority")) && "7-minute briefings".equals(r.get("initiative")))
                .first().satisfies(r -> assertThat(r).containsEntry("similarAuthority", "Hounslow").containsEntry("similar", "7-minute briefings"));
    }
}
