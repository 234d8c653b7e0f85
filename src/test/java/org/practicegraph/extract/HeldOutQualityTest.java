package org.practicegraph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores the extractor on the held-out reports of {@code src/test/resources/heldout/} (see its README):
 * hand-written, synthetic reports for quality statements the samples do not cover (Safeguarding, Assessing
 * needs, Partnerships and communities, Care provision, integration and continuity; Equity in experience
 * and outcomes), with gold written by hand <em>before</em> the extractor was run on them (2026-11-22).
 *
 * <p>Figures before any tuning (the extractor as it was when they were written, this scorer, all five):
 * initiatives F1 0.63, partners F1 0.64, metrics F1 0.89, outcome recall 0.57, type 24/37, status 36/37.
 * h01–h04 were then used to find general rules (docs/extraction.md, "Held-out check"); h05 was written
 * after that and scored once untouched (initiatives F1 0.50, partners 1.00, metrics 1.00, outcomes 0.67)
 * before it too was looked at. After: initiatives F1 0.94, partners 0.98, metrics 0.97, outcomes 1.00,
 * type 38/50, status 49/50. The floors sit a little below. Because every report here has now been tuned
 * on, these figures overstate quality on unseen text, and each further rule tuned on their misses
 * weakens them as a check: add new held-out reports (gold first) rather than tuning to these, and never
 * special-case one of their sentences.
 */
class HeldOutQualityTest {
    static GoldScorer scorer;

    @BeforeAll
    static void scoreAll() throws IOException {
        Path dir = Path.of("src/test/resources/heldout");
        scorer = GoldScorer.scoreDirectory(dir, dir, true);
    }

    @Test
    void initiativesAreFoundWithTheirTypeAndStatus() {
        assertThat(scorer.f1("initiatives")).as("held-out initiatives F1").isGreaterThanOrEqualTo(0.90);
        assertThat(scorer.typeAccuracy()).as("held-out type accuracy").isGreaterThanOrEqualTo(0.70);
        assertThat(scorer.statusAccuracy()).as("held-out status accuracy").isGreaterThanOrEqualTo(0.92);
    }

    @Test
    void partnersAreFound() { assertThat(scorer.f1("partners")).as("held-out partners F1").isGreaterThanOrEqualTo(0.93); }

    @Test
    void metricsAreFound() { assertThat(scorer.f1("metrics")).as("held-out metrics F1").isGreaterThanOrEqualTo(0.92); }

    @Test
    void outcomesAreFound() { assertThat(scorer.recall("outcomes")).as("held-out outcomes recall").isGreaterThanOrEqualTo(0.90); }
}
