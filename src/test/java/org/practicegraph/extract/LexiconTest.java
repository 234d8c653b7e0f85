package org.practicegraph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LexiconTest {
    private static final Lexicon LEXICON = Lexicon.fromClasspath(Extractor.TAXONOMIES);

    private static List<String> types(String sentence) {
        return LEXICON.find(Token.tokenise(sentence, 0), Lexicon.INITIATIVE_TYPES).stream().map(Lexicon.Hit::notation).toList();
    }

    @Test
    void shortCapitalLabelsMatchOnlyWholeWordsInCapitals() {
        assertThat(types("Staff maintain records and said ai was unclear.")).doesNotContain("AutomationAI");
        assertThat(types("The council tested an AI tool.")).contains("AutomationAI");
    }

    @Test
    void hyphenSpaceClosedSpellingsCaseAndPluralsAreOneLabel() {
        assertThat(types("Coproduction was strong.")).containsExactly("CoProduction");
        assertThat(types("co production was strong")).containsExactly("CoProduction");
        assertThat(types("They ran Seven-Minute Briefings.")).containsExactly("SevenMinuteBriefing");
    }

    @Test
    void longestLabelWins() {
        assertThat(LEXICON.find(Token.tokenise("robotic process automation", 0), Lexicon.INITIATIVE_TYPES))
                .singleElement().satisfies(h -> assertThat(h.length()).isEqualTo(3));
    }

    @Test
    void everyTypeKnowsItsBroaderGroups() {
        assertThat(LEXICON.withBroader(Lexicon.INITIATIVE_TYPES, "PeerReview")).first().isEqualTo("PeerReview");
    }

    @Test
    void normalisationIsOneFunction() {
        assertThat(Token.normalise("Services")).isEqualTo("service");
        assertThat(Token.normalise("boxes")).isEqualTo("box");
        assertThat(Token.normalise("carers’")).isEqualTo("carer");
        assertThat(Token.slug("Brunel University")).isEqualTo("brunel-university");
    }
}
