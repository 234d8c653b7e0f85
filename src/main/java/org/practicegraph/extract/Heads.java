package org.practicegraph.extract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The head nouns of {@code /extract/initiative-heads.tsv} and the word lists the candidate rules share. */
final class Heads {
    /** A head noun: whether it makes a candidate alone, its fallback type, its allowed complements. */
    record Head(String noun, boolean strong, String fallbackType, Set<String> complements) {}

    final Map<String, Head> heads = new HashMap<>();
    final Set<String> generic = new HashSet<>();          // normalised phrases, joined by " "
    final Set<String> modifiers = new HashSet<>();
    final Map<String, String> nameStop = new HashMap<>(); // raw word -> reason

    static Heads load() {
        Heads h = new Heads();
        for (RuleFile.Row r : RuleFile.read("/extract/initiative-heads.tsv", 3)) {
            Set<String> comps = new HashSet<>();
            for (String c : r.col(3).split("\\|")) if (!c.isBlank()) comps.add(c.strip());
            h.heads.put(Token.normalise(r.col(0)), new Head(r.col(0), r.col(1).equals("strong"), r.col(2), comps));
        }
        for (RuleFile.Row r : RuleFile.read("/extract/generic-terms.tsv", 1)) {
            String p = String.join(" ", Token.normaliseAll(r.col(0)));
            if (r.col(1).equals("modifier")) h.modifiers.add(p); else h.generic.add(p);
            // the closed spelling of a hyphenated term is the same term
            if (r.col(0).contains("-")) h.generic.add(String.join(" ", Token.normaliseAll(r.col(0).replace("-", ""))));
        }
        for (RuleFile.Row r : RuleFile.read("/extract/name-stopwords.tsv", 2)) h.nameStop.put(r.col(0), r.col(1));
        return h;
    }

    /** @return whether a label's words (modifiers dropped) are only a generic term */
    boolean isGeneric(List<Token> label) {
        StringBuilder sb = new StringBuilder();
        for (Token t : label) {
            if (!t.isWord() || modifiers.contains(t.norm()) || Phrases.DETERMINERS.contains(t.norm())) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(t.norm());
        }
        return sb.length() == 0 || generic.contains(sb.toString());
    }
}
