package org.practicegraph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Floors sit a little below the figures reached when the rules were last tuned (initiatives F1 0.94,
 * partners 1.00, metrics 1.00, outcome recall 0.98, type 0.96, status 0.98), and never below the targets
 * of the issue "Extraction that generalises" (0.85, 0.90, 0.95, 0.80, 0.90, 0.85): a drop fails the build.
 * The samples are all one quality statement, so these figures overstate quality on unseen reports.
 *
 * Scores the extractor on the sample reports against the gold files with {@link GoldScorer} (the matching
 * rules of {@code gold/score.py}, see gold/SCHEMA.md), prints every miss and extra, and fails below the floors.
 */
class ExtractionQualityTest {
    static GoldScorer scorer;

    @BeforeAll
    static void scoreAll() throws IOException {
        scorer = GoldScorer.scoreDirectory(Path.of("corpus/sample"), Path.of("src/test/resources/gold"), true);
    }

    @Test
    void initiativesAreFoundWithTheirTypeAndStatus() {
        assertThat(scorer.f1("initiatives")).as("initiatives F1").isGreaterThanOrEqualTo(0.91);
        assertThat(scorer.typeAccuracy()).as("type accuracy").isGreaterThanOrEqualTo(0.93);
        assertThat(scorer.statusAccuracy()).as("status accuracy").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void partnersAreFound() { assertThat(scorer.f1("partners")).as("partners F1").isGreaterThanOrEqualTo(0.95); }

    @Test
    void metricsAreFound() { assertThat(scorer.f1("metrics")).as("metrics F1").isGreaterThanOrEqualTo(0.97); }

    @Test
    void outcomesAreFound() { assertThat(scorer.recall("outcomes")).as("outcomes recall").isGreaterThanOrEqualTo(0.90); }
}
