package org.practicegraph.extract;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Noun-phrase boundaries without a parser: a phrase grows from a seed (a taxonomy label or a head
 * noun) over modifiers to its left and head nouns or a short complement to its right, and stops at
 * English function words, numbers, punctuation and verbs. The function words are grammar, not domain
 * knowledge, so they live here; every domain word comes from the rule files.
 */
final class Phrases {
    /** Closed-class words that end a noun phrase (normalised: "its" → "it"). */
    static final Set<String> STOP = Set.copyOf(List.of(
            "a", "an", "the", "their", "thei", "it", "our", "your", "his", "her", "this", "these", "those", "that", "which",
            "who", "whom", "whose", "what", "where", "when", "while", "whilst", "of", "in", "on", "for", "with", "to", "by",
            "through", "from", "at", "as", "about", "via", "into", "onto", "across", "within", "including", "such",
            "and", "or", "but", "nor", "so", "than", "then", "also", "further", "instead", "however", "therefore",
            "was", "were", "is", "are", "be", "been", "being", "had", "has", "have", "having", "do", "did", "does",
            "would", "will", "could", "should", "can", "may", "might", "must", "not", "no", "there", "they", "them",
            "we", "us", "he", "she", "i", "you", "all", "each", "every", "both", "other", "some", "any", "many",
            "more", "most", "very", "well", "only", "after", "before", "during", "following", "over", "under",
            "up", "out", "off", "between", "among", "against", "around", "told", "said", "described", "reported",
            "showed", "found", "heard", "saw", "felt", "like", "one", "own", "if", "because", "since", "until",
            "whether", "how", "why", "still", "just", "even", "already", "currently", "recently", "particularly",
            "included", "called", "named", "known", "led", "run", "ran", "held", "used", "using"));
    /** Determiners skipped before a cue verb's object. */
    static final Set<String> DETERMINERS = Set.of("a", "an", "the", "their", "thei", "it", "our", "this", "these",
            "its", "new", "two", "three", "several", "some", "various", "regular", "further", "additional");

    private Phrases() {}

    static boolean isStop(Token t) {
        return !t.isWord() || t.isNumber() || STOP.contains(t.norm()) || STOP.contains(t.raw().toLowerCase());
    }

    /** Words that look like verb forms: "-ed", "-ing" (kept only after an article, as adjectives). */
    static boolean verbLike(Token t) {
        String w = t.raw().toLowerCase();
        return !t.isCapitalised() && (w.endsWith("ed") || w.endsWith("ing")) && w.length() > 4
                && !w.equals("training") && !w.equals("briefing") && !w.equals("mentoring") && !w.equals("coaching")
                && !w.equals("funding") && !w.equals("housing") && !w.equals("monitoring") && !w.equals("learning")
                && !w.equals("commissioning") && !w.equals("safeguarding") && !w.equals("building") && !w.equals("meeting");
    }

    /**
     * @return the first token of the phrase whose last modifier is just left of {@code i}: modifiers
     *         are content words, at most {@code max}; a hyphenated compound is never split
     */
    static int growLeft(List<Token> ts, int i, int max, boolean[] blocked) {
        int a = i;
        boolean coordinated = false;
        while (a > 0 && i - a < max) {
            Token t = ts.get(a - 1);
            boolean joined = ts.get(a).afterHyphen();
            if (!joined) {
                // "X and Y <head>": coordinated modifiers share the head ("digital and care technology projects")
                if (!coordinated && a - 2 >= 0 && (t.norm().equals("and") || t.raw().equals("&")) && a < i
                        && !isStop(ts.get(a - 2)) && !blocked[a - 2] && !verbLike(ts.get(a - 2))) {
                    coordinated = true;
                    a--;
                    continue;
                }
                if (blocked[a - 1] || isStop(t)) break;
                // a coordinated "-ing" noun right before the head modifies it ("self-neglect and hoarding
                // protocol"), as one after an article does ("a hoarding protocol", below)
                boolean ingModifier = a == i && t.raw().toLowerCase().endsWith("ing") && a - 2 >= 0
                        && (ts.get(a - 2).norm().equals("and") || ts.get(a - 2).raw().equals("&"));
                if (verbLike(t) && !ingModifier && !(a - 2 >= 0 && DETERMINERS.contains(ts.get(a - 2).norm()))) break;
                if (t.raw().toLowerCase().endsWith("ly") && !t.isCapitalised() && !t.norm().equals("early")) break;
                if (a - 2 >= 0 && ts.get(a - 2).norm().equals("to") && !t.isCapitalised()) break;   // "to create initiatives": a verb
            }
            a--;
        }
        if (a < i && ts.get(a).norm().equals("and")) a++;
        // never start inside a hyphenated compound ("in-house": keep "in")
        while (a > 0 && ts.get(a).afterHyphen()) a--;
        return a;
    }

    /**
     * @return the token after the phrase that starts with the head at {@code b - 1}: further head nouns,
     *         a parenthesised acronym, and one short complement ("model of crisis support") are included
     */
    static int growRight(List<Token> ts, int b, Map<String, Heads.Head> heads, boolean[] blocked) {
        int steps = 0;
        while (b < ts.size() && steps < 3) {
            Token t = ts.get(b);
            if (t.afterHyphen()) { b++; continue; }
            if (t.raw().equals("(") && b + 2 < ts.size() && ts.get(b + 1).isAcronym() && ts.get(b + 2).raw().equals(")")) {
                b += 3; steps++; continue;
            }
            Heads.Head h = t.isWord() ? heads.get(t.norm()) : null;
            if (h != null && h.strong() && !blocked[b]) { b++; steps++; continue; }
            break;
        }
        Heads.Head last = heads.get(ts.get(b - 1).norm());
        if (last != null && b + 1 < ts.size() && last.complements().contains(ts.get(b).norm())) {
            int c = b + 1;
            if (c < ts.size() && DETERMINERS.contains(ts.get(c).norm())) c++;
            int d = c;
            while (d < ts.size() && d - c < 4 && (ts.get(d).afterHyphen() || (!isStop(ts.get(d)) && !verbLike(ts.get(d))
                    && !ts.get(d).raw().endsWith("ly")))) d++;
            if (d > c) return d;
        }
        return b;
    }
}
