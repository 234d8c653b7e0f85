package org.practicegraph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.practicegraph.report.Reports;
import org.practicegraph.report.Sentence;

/** The keyword prefilter must never reject a sentence its regex matches (issue 8: faster, same output). */
class KeywordsTest {
    private static List<String> words(String regex) {
        return Keywords.of(Pattern.compile(regex, Pattern.CASE_INSENSITIVE)).words();
    }

    @Test
    void readsTheWordsEveryMatchNeeds() {
        assertThat(words("\\b(?:led|leading|lead|leads) to\\b")).containsExactly("led", "leading", "lead", "leads");
        assertThat(words("\\b(?:which |this )?(?:reduced|reducing)\\b")).containsExactly("reduced", "reducing");
        assertThat(words("\\bplans? to pilot\\b")).containsExactly(" to pilot");      // "s?" may be absent
        assertThat(words("\\b(?<!no )lack(?:ed|ing)?\\b")).containsExactly("lack");     // a lookbehind is not in the match
        assertThat(words("\\bgaps? in\\b|\\bunmet needs?\\b")).containsExactly("gap", "unmet need");
        assertThat(words("(?i)\\bfor (?:the (?:last|past) )?(\\d+) (years?|months?)\\b")).containsExactly("for ");
        assertThat(words("Fire (?:and|&) Rescue")).containsExactly(" rescue");
    }

    @Test
    void givesNoTestWhenItCannotTell() {
        assertThat(words("\\d+ people")).containsExactly(" people");
        assertThat(words("\\w+|\\d+")).isNull();                                         // an alternative without words
        assertThat(words("(?:a|)b?")).isNull();
        assertThat(words("\\Qfixed\\E")).isNull();
        assertThat(words("(?u)word")).isNull();
        assertThat(Keywords.of(Pattern.compile("kelvin", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).words()).isNull();
        assertThat(Keywords.of(Pattern.compile("a b", Pattern.COMMENTS)).words()).isNull();
    }

    @Test
    void lowersUsAsciiOnlyAndKeepsOffsets() {
        assertThat(Keywords.lower("Ärzte LED ſ")).isEqualTo("Ärzte led ſ");
    }

    /** Every cue of every rule file, on every sentence of the sample and held-out reports. */
    @Test
    void neverRejectsASentenceTheRegexMatches() throws Exception {
        List<Pattern> cues = new ArrayList<>();
        for (String f : List.of("outcome-cues", "concern-cues", "status-cues", "initiative-cues", "absence-cues"))
            for (RuleFile.Row r : RuleFile.read("/extract/" + f + ".tsv", 2)) cues.add(Pattern.compile(r.col(1), Pattern.CASE_INSENSITIVE));
        for (RuleFile.Row r : RuleFile.read("/extract/partner-patterns.tsv", 2)) cues.add(Pattern.compile(r.col(1)));
        List<String> sentences = new ArrayList<>();
        for (String dir : List.of("corpus/sample", "src/test/resources/heldout"))
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path p : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList())
                    for (Sentence s : Reports.parse(p).sentences()) sentences.add(s.text());
            }
        assertThat(sentences).hasSizeGreaterThan(500);
        int tested = 0;
        for (Pattern p : cues) {
            Keywords k = Keywords.of(p);
            if (k.words() != null) tested++;
            for (String s : sentences)
                if (p.matcher(s).find()) assertThat(k.mayMatch(Keywords.lower(s))).as(p + " on " + s).isTrue();
        }
        assertThat(tested).as("cues with keywords").isGreaterThan(cues.size() * 9 / 10);
    }
}
