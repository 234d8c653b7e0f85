package org.practicegraph.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IrisTest {
    @Test
    void slugsOfNamesAndFiles() {
        assertThat(Iris.slug("Brunel University London")).isEqualTo("brunel-university-london");
        assertThat(Iris.slug("  Health & Wellbeing -- Board! ")).isEqualTo("health-and-wellbeing-board");
        assertThat(Iris.slug("Café Société")).isEqualTo("cafe-societe");
        assertThat(Iris.slug("snake_case_kept")).isEqualTo("snake_case_kept");
        assertThat(Iris.slug("—")).isEqualTo("x");
        assertThat(Iris.DEFAULT.report("003_874A80aed6dcf2ea.txt"))
                .isEqualTo("https://w3id.org/practice-graph/id/report/003_874a80aed6dcf2ea");
        assertThat(Iris.DEFAULT.reportGraph("reports/x.y.md")).endsWith("/graph/report/reports-x-y");
    }

    /** The regular-expression version {@link Iris#slug} replaced (issue 8); the IRIs of loaded data must not change. */
    private static String regexSlug(String s) {
        String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replace("&", "and").replaceAll("[^a-z0-9_]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "x" : slug;
    }

    @Test
    void slugIsWhatTheRegularExpressionsGave() {
        String alphabet = "aZ09_-& .,'’()/éÉçñøßİıΩ—\t😀";
        Random random = new Random(8);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) s.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            assertThat(Iris.slug(s.toString())).as("slug of '%s'", s).isEqualTo(regexSlug(s.toString()));
        }
    }
}
