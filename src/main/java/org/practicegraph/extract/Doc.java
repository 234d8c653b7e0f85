package org.practicegraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.practicegraph.report.Report;
import org.practicegraph.report.Sentence;

/**
 * A report as the extractors read it: its sentences, each tokenised once, with the boilerplate
 * sections (the same in every report) marked so no rule takes facts from them.
 */
final class Doc {
    /**
     * A sentence, its tokens and their UD part-of-speech tags ({@link PosTags}); {@code index} is its
     * position in {@code report.sentences()}. The tags are computed on first use: tagging is the
     * costliest step of extraction and only sentences with initiative candidates read them.
     */
    static final class Sent {
        private final int index;
        private final Sentence sentence;
        private final List<Token> tokens;
        private final boolean skipped;
        private String[] tags;
        private String lower;

        Sent(int index, Sentence sentence, List<Token> tokens, boolean skipped) {
            this.index = index;
            this.sentence = sentence;
            this.tokens = tokens;
            this.skipped = skipped;
        }

        int index() { return index; }
        Sentence sentence() { return sentence; }
        List<Token> tokens() { return tokens; }
        boolean skipped() { return skipped; }

        /** @return the UD tag of token {@code i} */
        String tag(int i) {
            if (tags == null) tags = PosTags.tag(tokens);
            return tags[i];
        }

        String text() { return sentence.text(); }

        /** @return the text lower-cased for {@link Keywords#mayMatch} */
        String lower() {
            if (lower == null) lower = Keywords.lower(sentence.text());
            return lower;
        }

        int paragraph() { return sentence.paragraph(); }

        /** @return the exact report text of tokens [from, to) */
        String span(String reportText, int from, int to) {
            return reportText.substring(tokens.get(from).start(), tokens.get(to - 1).end());
        }

        EvidenceSpan evidence(String rule) {
            return new EvidenceSpan(sentence.start(), sentence.end(), sentence.text(), sentence.section(), rule);
        }
    }

    final Report report;
    final List<Sent> sents;

    Doc(Report report, Set<String> skippedSections) {
        this.report = report;
        List<Sent> out = new ArrayList<>();
        int i = 0;
        for (Sentence s : report.sentences()) {
            boolean skip = s.section() != null && skippedSections.contains(s.section().strip().toLowerCase());
            out.add(new Sent(i++, s, Token.tokenise(s.text(), s.start()), skip));
        }
        this.sents = List.copyOf(out);
    }

    String text() { return report.text(); }

    /** @return sentences facts may come from, in document order */
    List<Sent> body() { return sents.stream().filter(s -> !s.skipped()).toList(); }
}
