package org.practicegraph.similar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The score as small pure functions, and type closeness over a SKOS-like hierarchy. */
class ScoringTest {
    @Test
    void typeSimilarityFallsWithTheStepsBetweenTypes() {
        assertThat(Scoring.typeSimilarity(0)).isEqualTo(1.0);
        assertThat(Scoring.typeSimilarity(1)).isEqualTo(0.5);
        assertThat(Scoring.typeSimilarity(2)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(Scoring.typeSimilarity(-1)).isZero();
    }

    @Test
    void cosineOfVectors() {
        assertThat(Scoring.cosine(new float[] {1, 0}, new float[] {2, 0})).isCloseTo(1, within(1e-9));
        assertThat(Scoring.cosine(new float[] {1, 0}, new float[] {0, 3})).isCloseTo(0, within(1e-9));
        assertThat(Scoring.cosine(new float[] {1, 1}, new float[] {-1, -1})).isCloseTo(-1, within(1e-9));
        assertThat(Scoring.cosine(new float[] {0, 0}, new float[] {1, 1})).isZero();
        assertThatThrownBy(() -> Scoring.cosine(new float[] {1}, new float[] {1, 2})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scoreWeighsTypeAgainstTextAndStaysInZeroToOne() {
        assertThat(Scoring.score(1, 1, 0.25)).isCloseTo(1, within(1e-12));
        assertThat(Scoring.score(0, 0.8, 0.25)).isCloseTo(0.6, within(1e-12));
        assertThat(Scoring.score(1, 0.8, 0.25)).isCloseTo(0.85, within(1e-12));
        assertThat(Scoring.score(0, -0.3, 0.25)).as("a negative cosine counts as unrelated, not as a penalty").isZero();
        assertThat(Scoring.score(0.5, 0.2, 0)).as("weight 0: text alone").isCloseTo(0.2, within(1e-12));
        assertThatThrownBy(() -> Scoring.score(1, 1, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scoring.score(2, 1, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameTypeOutranksAnotherTypeWithTheSameText() {
        double sameType = Scoring.score(Scoring.typeSimilarity(0), 0.7, 0.25);
        double siblingType = Scoring.score(Scoring.typeSimilarity(2), 0.7, 0.25);
        double unrelatedType = Scoring.score(Scoring.typeSimilarity(-1), 0.7, 0.25);
        assertThat(sameType).isGreaterThan(siblingType);
        assertThat(siblingType).isGreaterThan(unrelatedType);
    }

    @Test
    void meanDirectionIsAUnitVectorBetweenItsInputs() {
        float[] m = Scoring.meanDirection(List.of(new float[] {2, 0}, new float[] {0, 5}));
        assertThat(m[0]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
        assertThat(m[1]).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
    }

    @Test
    void stepsGoThroughTheNearestCommonBroaderConcept() {
        // group ⊃ kind ⊃ {narrow1, narrow2}; group ⊃ other; lonely has no broader concept
        TypeHierarchy h = new TypeHierarchy(Map.of(
                "kind", List.of("group"), "other", List.of("group"),
                "narrow1", List.of("kind"), "narrow2", List.of("kind")));
        assertThat(h.steps("kind", "kind")).isZero();
        assertThat(h.steps("narrow1", "kind")).isEqualTo(1);
        assertThat(h.steps("kind", "narrow1")).isEqualTo(1);
        assertThat(h.steps("narrow1", "narrow2")).isEqualTo(2);
        assertThat(h.steps("narrow1", "other")).isEqualTo(3);
        assertThat(h.steps("narrow1", "lonely")).isEqualTo(-1);
        assertThat(h.similarity(List.of("narrow1", "lonely"), List.of("kind"))).isEqualTo(0.5);
        assertThat(h.similarity(List.of(), List.of("kind"))).isZero();
        assertThat(TypeHierarchy.flat().steps("a", "b")).isEqualTo(-1);
    }
}
