package org.practicegraph.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.practicegraph.store.Store;

/**
 * The scorer on a hand-made graph ({@code evaluate/graph.trig}) and gold ({@code evaluate/gold/}),
 * whose every count was worked out by hand; the comments in both files say which item shows what.
 */
class EvaluatorTest {
    static final Path DIR = Path.of("src/test/resources/evaluate");
    static Store store;
    static Evaluation result;

    @BeforeAll
    static void score() {
        store = fixtureStore();
        result = Evaluator.evaluate(Sparql.of(store.dataset()), GoldReport.readFolder(DIR.resolve("gold")));
    }

    /** @return an in-memory store holding {@code evaluate/graph.trig} */
    static Store fixtureStore() {
        Store s = Store.inMemory();
        Txn.executeWrite(s.dataset(), () -> RDFDataMgr.read(s.dataset(), DIR.resolve("graph.trig").toString()));
        return s;
    }

    @AfterAll
    static void close() { store.close(); }

    @Test
    void countsAgreeWithTheHandCount() {
        // example-001: briefings and crisis-model found, academy missed, 'Staff awards' made up, the
        // improvement plan matches only an optional item; example-002: found; example-003: absent, 2 misses
        assertThat(result.initiatives()).isEqualTo(new Tally(3, 1, 3));
        // Brunel's two labels both match one gold partner (1 tp) in example-001 and nothing in
        // example-002 (2 fp); Acme is made up; 'the Trust' matches an optional item; icb and our-voice missed
        assertThat(result.partners()).isEqualTo(new Tally(1, 3, 2));
        // 89 %, 12 (with its baseline 7) and £1,000,000 ("pounds sterling") found; 5 "number" matches an
        // optional item; 30 days made up; 2 late and example-003's 26 missed
        assertThat(result.metrics()).isEqualTo(new Tally(3, 1, 2));
        // admissions (by label) and learning (by evidence quote) found; academy was never matched, and
        // example-003's outcome is missing with its report
        assertThat(result.outcomes()).isEqualTo(new Tally(2, 0, 2));
        // score 3 right; statement score 2 wrong (3); example-002 score 4 wrong (3)
        assertThat(result.score()).isEqualTo(new Accuracy(1, 3));
        assertThat(result.authority()).isEqualTo(new Accuracy(1, 1));
        // crisis-model typed HousingProgramme; briefings' broader type is there as well as its own
        assertThat(result.type()).isEqualTo(new Accuracy(2, 3));
        // briefings has no status
        assertThat(result.status()).isEqualTo(new Accuracy(2, 3));
        assertThat(result.missingReports()).containsExactly("example-003.txt");
    }

    @Test
    void linesAreWordedAsScorePyWordsThem() {
        assertThat(result.lines(false, Evaluation.Floors.NONE)).containsExactly(
                "initiatives  P=0.75 R=0.50 F1=0.60 (tp=3 fp=1 fn=3)",
                "partners     P=0.25 R=0.33 F1=0.29 (tp=1 fp=3 fn=2)",
                "metrics      P=0.75 R=0.60 F1=0.67 (tp=3 fp=1 fn=2)",
                "outcomes     P=1.00 R=0.50 F1=0.67 (tp=2 fp=0 fn=2)",
                "score        accuracy 1/3",
                "authority    accuracy 1/1",
                "type         accuracy 2/3",
                "status       accuracy 2/3",
                "reports not in the graph: example-003.txt",
                "OK initiatives-F1=0.60 partners-F1=0.29 metrics-F1=0.67 outcomes-R=0.50");
    }

    @Test
    void verboseLinesNameEachMissAndExtra() {
        assertThat(result.misses()).containsExactly(
                "  miss initiative example-001.txt: academy /academy/",
                "  miss partner example-001.txt: icb /\\bICB\\b|integrated care board/",
                "  miss metric example-001.txt: 2 count /late/",
                "  miss outcome example-001.txt: academy -> /skills/");
        assertThat(result.extras()).containsExactlyInAnyOrder(
                "  extra initiative example-001.txt: 'Staff awards'",
                "  extra partner example-001.txt: 'Acme Consulting'",
                "  extra metric example-001.txt: 30.0 https://w3id.org/practice-graph/def/unit/days"
                        + " ' waiting Staff retained rose from 7 to 12 with £1,000,000 of funding. Waits are '",
                "  extra partner example-002.txt: 'Brunel University London'",
                "  extra partner example-002.txt: 'Brunel'");
        assertThat(result.lines(true, Evaluation.Floors.NONE)).startsWith(result.details().toArray(String[]::new));
    }

    @Test
    void floorsTurnTheSummaryShort() {
        var floors = new Evaluation.Floors(0.6, 0.3, 0.5, 0.75);
        assertThat(result.summary(floors)).isEqualTo(
                "SHORT partners 0.29<0.3; outcomes 0.50<0.75 | initiatives-F1=0.60 partners-F1=0.29 metrics-F1=0.67 outcomes-R=0.50");
        assertThat(result.meets(floors)).isFalse();
        assertThat(result.meets(new Evaluation.Floors(0.6, 0, 1e-5, 0.5))).isTrue();
        assertThat(result.summary(new Evaluation.Floors(1, 0, 0, 0))).startsWith("SHORT initiatives 0.60<1.0 | ");
    }

    @Test
    void anEmptyGraphMissesEveryRequiredItem() {
        Evaluation none;
        try (Store empty = Store.inMemory()) {
            none = Evaluator.evaluate(Sparql.of(empty.dataset()), GoldReport.readFolder(DIR.resolve("gold")));
        }
        assertThat(none.initiatives()).isEqualTo(new Tally(0, 0, 6));
        assertThat(none.partners()).isEqualTo(new Tally(0, 0, 3));
        assertThat(none.metrics()).isEqualTo(new Tally(0, 0, 5));
        assertThat(none.outcomes()).isEqualTo(new Tally(0, 0, 4));
        assertThat(none.missingReports()).containsExactly("example-001.txt", "example-002.txt", "example-003.txt");
        assertThat(none.summary(Evaluation.Floors.NONE)).isEqualTo("OK initiatives-F1=0.00 partners-F1=0.00 metrics-F1=0.00 outcomes-R=0.00");
    }

    @Test
    void theGoldFileIsReadField() {
        GoldReport g = GoldReport.read(DIR.resolve("gold/example-001.json"));
        assertThat(g.report()).isEqualTo("example-001.txt");
        assertThat(g.authority()).isEqualTo("Hillingdon");
        assertThat(g.gss()).isEqualTo("E09000017");
        assertThat(g.qualityStatement()).isEqualTo("Learning, improvement and innovation");
        assertThat(g.score()).isEqualTo(3.0);
        assertThat(g.statementScores()).isEqualTo(Map.of("Safe systems, pathways and transitions", 2.0));
        assertThat(g.initiatives()).extracting(GoldReport.Initiative::id)
                .containsExactly("briefings", "crisis-model", "academy", "improvement-plan", "mentoring");
        assertThat(g.initiatives().get(1).partners()).containsExactly("providers");
        assertThat(g.initiatives().get(4).status()).as("default status").isEqualTo("established");
        assertThat(g.initiatives().get(4).optional()).isTrue();
        assertThat(g.partners().get(1).match()).isEqualTo("\\bICB\\b|integrated care board");
        GoldReport.Metric m = g.metrics().get(1);
        assertThat(List.of(m.value(), m.baseline())).containsExactly(12.0, 7.0);
        assertThat(m.comparator()).isNull();
        assertThat(m.valueText()).isEqualTo("12");
        assertThat(g.outcomes().get(0)).extracting(GoldReport.Outcome::initiative, GoldReport.Outcome::match)
                .containsExactly("crisis-model", "admissions?");
    }

    @Test
    void theDocumentedExampleIsTheTestedFile() throws IOException {
        String doc = Files.readString(Path.of("docs/evaluation.md"));
        Matcher m = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("a ```json block in docs/evaluation.md").isTrue();
        assertThat(m.group(1)).isEqualTo(Files.readString(DIR.resolve("gold/example-001.json")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "no-report.json|missing \"report\"",
            "not-an-object.json|expected a JSON object",
            "trailing-comma.json|not valid JSON (Expected name at line 1 column 23 path $.report)",
            "unclosed-group.json|initiatives[0]: bad regex in \"match\" /(crisis/ (Unclosed group at index 7)",
            "java-only-escape.json|partners[0]: bad regex in \"match\" /\\p{Lu}HS/ (bad escape \\p at index 0)",
            "value-as-text.json|metrics[0]: \"value\" must be a number",
            "outcome-of-unknown-initiative.json|outcomes[0]: no initiative has id \"crisis\"",
            "partners-not-a-list.json|\"partners\" must be a list",
            "required-without-type.json|initiatives[0]: missing \"type\""})
    void malformedGoldIsRefusedWithFileAndProblem(String file, String problem) {
        Path path = DIR.resolve("bad").resolve(file);
        assertThatThrownBy(() -> GoldReport.read(path)).isInstanceOf(GoldException.class).hasMessage(path + ": " + problem);
    }

    @Test
    void aFolderWithoutGoldIsRefused() {
        assertThatThrownBy(() -> GoldReport.readFolder(DIR.resolve("no-such-folder")))
                .hasMessage(DIR.resolve("no-such-folder") + ": not a folder");
        assertThatThrownBy(() -> GoldReport.readFolder(Path.of("src/test/resources/shapes")))
                .hasMessage("src/test/resources/shapes: no gold files (*.json)");
    }

    @Test
    void scorePyHelpersBehaveAsTheirPythonNamesakes() {
        assertThat(Evaluator.local("https://w3id.org/practice-graph/def#Pilot")).isEqualTo("Pilot");
        assertThat(Evaluator.local("https://example.org/status/planned")).isEqualTo("planned");
        assertThat(Evaluator.local(null)).isEmpty();
        assertThat(Evaluator.unitKind("https://w3id.org/practice-graph/def/unit/gbp")).isEqualTo("GBP");
        assertThat(Evaluator.unitKind("%")).isEqualTo("percent");
        assertThat(Evaluator.unitKind("Years")).isEqualTo("years");
        assertThat(Evaluator.unitKind(null)).isEqualTo("count");
        assertThat(Evaluator.unitKind("Days")).isEqualTo("days");
        assertThat(Evaluator.statementKey("Safe systems, pathways and transitions")).isEqualTo("safe-pathways");
        assertThat(Evaluator.statementKey("Care provision, integration and continuity")).isEqualTo("care-provision");
        assertThat(Evaluator.statementKey(null)).isEmpty();
    }
}
