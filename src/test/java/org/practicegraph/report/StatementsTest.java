package org.practicegraph.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Quality statements other than learning and innovation, and overall summary pages (issue 4). */
class StatementsTest {
    static final Path STATEMENTS = Path.of("src/test/resources/reports/statements");
    static final Path FORMATS = Path.of("src/test/resources/formats");

    @Test
    void assessingNeedsKeepsEveryCqcSection() {
        Report r = Reports.parse(STATEMENTS.resolve("assessing-needs.md"));
        assertThat(r.score()).isEqualTo(2);
        assertThat(r.scoreLabel()).isEqualTo("Evidence shows some shortfalls");
        assertThat(r.indicative()).isFalse();
        assertThat(r.sections()).extracting(Section::heading).containsExactly(
                "Theme 1: How the local authority works with people", "Assessing needs", "What people expect",
                "The local authority commitment", "Key findings for this quality statement",
                "Assessment, care planning and review arrangements",
                "Financial assessment and charging policy for care and support");
        assertThat(r.sentences()).filteredOn(s -> s.section().equals("What people expect")).extracting(Sentence::text)
                .containsExactly("I have care and support that is coordinated, and everyone works well together and with me.");
        assertThat(r.sentences()).filteredOn(s -> s.section().equals("Financial assessment and charging policy for care and support"))
                .hasSize(2);
    }

    @Test
    void bareHeadingsOfAStatementPageAreSections() {
        Report r = Reports.parse(STATEMENTS.resolve("partnerships-plain.txt"));
        assertThat(r.score()).isEqualTo(4);
        assertThat(r.qualityStatement()).isEqualTo("Partnerships and communities");
        assertThat(r.sections()).extracting(Section::heading).containsExactly("Partnerships and communities",
                "What people expect", "The local authority commitment", "Key findings for this quality statement",
                "Partnership working to deliver shared local and national objectives",
                "Arrangements to support effective partnership working", "Impact of partnership working");
        Sentence falls = r.sentences().get(r.sentences().size() - 1);
        assertThat(falls.section()).isEqualTo("Impact of partnership working");
        assertThat(r.text().substring(falls.start(), falls.end())).startsWith("A falls prevention service");
    }

    @Test
    void indicativeScoreOfAPilotReport() {
        Report r = Reports.parse(STATEMENTS.resolve("governance-indicative.md"));
        assertThat(r.score()).isEqualTo(3);
        assertThat(r.indicative()).isTrue();
        assertThat(r.overview()).isNull();
    }

    @Test
    void summaryPageStatesRatingPercentageDateAndNineScores() {
        Report r = Reports.parse(FORMATS.resolve("dorset-summary.md"));
        assertThat(r.isSummary()).isTrue();
        assertThat(r.score()).isZero();
        Overview o = r.overview();
        assertThat(o.rating()).isEqualTo("Good");
        assertThat(o.percentage()).isEqualTo(68);
        assertThat(o.indicative()).isFalse();
        assertThat(o.published()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(o.scores()).extracting(s -> s.statement() + "=" + s.score()).containsExactly(
                "Assessing needs=3", "Supporting people to live healthier lives=3", "Equity in experience and outcomes=2",
                "Care provision, integration and continuity=3", "Partnerships and communities=3",
                "Safe pathways, systems and transitions=2", "Safeguarding=3", "Governance, management and sustainability=3",
                "Learning, improvement and innovation=3");
        for (Overview.StatementScore s : o.scores())
            assertThat(r.text().substring(s.start(), s.end())).isEqualTo(s.statement() + ": Score " + s.score());
        // the score list and the rating lines are data, not prose
        assertThat(r.sentences()).extracting(Sentence::text).noneMatch(t -> t.contains("Score") || t.startsWith("Overall"))
                .first().isEqualTo("Most people we heard from said staff listened to them and treated them with dignity.");
    }

    @Test
    void pilotSummarySaysIndicative() {
        Report r = Reports.parse("pilot-summary.md", """
                # Overall summary

                Indicative rating: Requires improvement

                Indicative score: 55%

                - Assessing needs: Indicative score 2
                - Safeguarding: Indicative score 2

                This assessment was one of five in CQC's pilot programme. People told us waiting lists were long.
                """.getBytes());
        assertThat(r.overview()).isEqualTo(new Overview("Requires improvement", 55, true, null, List.of(
                new Overview.StatementScore("Assessing needs", 2, 85, 120), new Overview.StatementScore("Safeguarding", 2, 123, 155))));
        assertThat(r.text().substring(85, 120)).isEqualTo("Assessing needs: Indicative score 2");
        assertThat(r.sentences()).hasSize(2);
    }

    @Test
    void summaryWithTwoRatingsIsRefused() {
        assertThatThrownBy(() -> Reports.parse("two.md", "# Overall summary\n\nOverall rating: Good\n\nOverall rating: Inadequate\n\nText.\n".getBytes()))
                .hasMessage("two.md: conflicting overall ratings Good and Inadequate");
    }

    @Test
    void bandsFollowCqc() {
        assertThat(Overview.ratingForPercentage(24)).isNull();
        assertThat(Overview.ratingForPercentage(25)).isEqualTo("Inadequate");
        assertThat(Overview.ratingForPercentage(38)).isEqualTo("Inadequate");
        assertThat(Overview.ratingForPercentage(39)).isEqualTo("Requires improvement");
        assertThat(Overview.ratingForPercentage(62)).isEqualTo("Requires improvement");
        assertThat(Overview.ratingForPercentage(63)).isEqualTo("Good");
        assertThat(Overview.ratingForPercentage(87)).isEqualTo("Good");
        assertThat(Overview.ratingForPercentage(88)).isEqualTo("Outstanding");
    }
}
