package org.practicegraph.extract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cheap test run before a cue's regex: words of which every match must contain one, read off the
 * regex itself, so the rule files stay the only place cues are written. "\b(?:led|leading) to\b"
 * needs "led" or "leading" (or " to", whichever alternatives are longer); a sentence holding none of
 * them cannot match and the regex is not tried. The words are compared with the sentence lower-cased
 * in US-ASCII only ({@link #lower}), as {@link Pattern#CASE_INSENSITIVE} compares, so the test never
 * rejects a sentence the regex would match; a regex it cannot read (inline flags other than
 * {@code (?i)}, {@code \Q…\E}) gets no test.
 *
 * @param words lower-cased literals, one of which every match contains; null when unknown (always try the regex)
 */
record Keywords(List<String> words) {
    private static final Keywords ANY = new Keywords(null);

    /** @return the keywords of a pattern's regex */
    static Keywords of(Pattern p) {
        // UNICODE_CASE would let "k" match the Kelvin sign, COMMENTS and LITERAL change what the text means
        if ((p.flags() & ~Pattern.CASE_INSENSITIVE) != 0) return ANY;
        try {
            Parser parser = new Parser(p.pattern());
            Set<String> w = parser.alternatives();
            return w == null || parser.i != p.pattern().length() ? ANY : new Keywords(List.copyOf(w));
        } catch (RuntimeException e) {   // a construct the reader does not follow: no test, never a wrong one
            return ANY;
        }
    }

    /** @param lowered the text the regex will search, through {@link #lower} @return false only when the regex cannot match */
    boolean mayMatch(String lowered) {
        if (words == null) return true;
        for (String w : words) if (lowered.contains(w)) return true;
        return false;
    }

    /** @return the text with US-ASCII capitals lower-cased and every other character kept (same length, same offsets) */
    static String lower(String s) {
        char[] cs = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (cs == null) cs = s.toCharArray();
                cs[i] = (char) (c + ('a' - 'A'));
            }
        }
        return cs == null ? s : new String(cs);
    }

    /** Reads a regex left to right; {@code i} is the position reached. */
    private static final class Parser {
        private static final String META = "\\[](){}.*+?^$|";
        final String re;
        int i;

        Parser(String re) { this.re = re; }

        /** Alternatives up to a ')' or the end: the union of their words, or null when one has none. */
        Set<String> alternatives() {
            Set<String> all = new LinkedHashSet<>();
            boolean known = true;
            while (true) {
                Set<String> s = sequence();
                if (s == null) known = false; else all.addAll(s);
                if (i < re.length() && re.charAt(i) == '|') { i++; continue; }
                return known ? all : null;
            }
        }

        /** One alternative: of the required parts that give words, the one whose shortest word is longest. */
        private Set<String> sequence() {
            Set<String> best = null;
            while (i < re.length() && re.charAt(i) != '|' && re.charAt(i) != ')') {
                char c = re.charAt(i);
                Set<String> part = null;
                if (c == '^' || c == '$') { i++; continue; }
                if (c == '\\') {
                    char e = re.charAt(i + 1);
                    if ("bBAGzZ".indexOf(e) >= 0) { i += 2; continue; }          // zero-width
                    if ("QkxuNc".indexOf(e) >= 0 || Character.isDigit(e)) throw new IllegalArgumentException(re);   // quoting, references, code points
                    i += 2;
                    if ((e == 'p' || e == 'P') && re.charAt(i) == '{') i = re.indexOf('}', i) + 1;
                } else if (c == '[') {
                    skipClass();
                } else if (c == '.') {
                    i++;
                } else if (c == '(') {
                    if (re.startsWith("(?=", i) || re.startsWith("(?!", i) || re.startsWith("(?<=", i) || re.startsWith("(?<!", i)) {
                        i += re.charAt(i + 2) == '<' ? 4 : 3;
                        alternatives();                                          // lookaround: zero-width, its words not in the match
                        expect(')');
                        continue;
                    }
                    if (re.startsWith("(?i)", i)) { i += 4; continue; }          // the comparison is case-insensitive anyway
                    if (re.startsWith("(?:", i) || re.startsWith("(?i:", i)) i += re.charAt(i + 2) == ':' ? 3 : 4;
                    else if (re.startsWith("(?<", i)) i = re.indexOf('>', i) + 1;
                    else if (re.startsWith("(?", i)) throw new IllegalArgumentException(re);
                    else i++;
                    part = alternatives();
                    expect(')');
                } else if (META.indexOf(c) >= 0) {
                    throw new IllegalArgumentException(re);                      // a quantifier with nothing before it
                } else {
                    int from = i;
                    while (i < re.length() && META.indexOf(re.charAt(i)) < 0) i++;
                    String run = re.substring(from, i);
                    if (optionalQuantifier()) {                                  // "s?": the last character may be absent
                        run = run.substring(0, run.length() - 1);
                        skipQuantifier();
                        if (!run.isEmpty()) best = better(best, Set.of(lower(run)));
                        continue;
                    }
                    skipQuantifier();
                    best = better(best, Set.of(lower(run)));
                    continue;
                }
                boolean optional = optionalQuantifier();
                skipQuantifier();
                if (!optional && part != null) best = better(best, part);
            }
            return best;
        }

        private static Set<String> better(Set<String> a, Set<String> b) {
            if (a == null) return b;
            return shortest(b) > shortest(a) ? b : a;
        }

        private static int shortest(Set<String> s) {
            int n = Integer.MAX_VALUE;
            for (String w : s) n = Math.min(n, w.length());
            return n;
        }

        private boolean optionalQuantifier() {
            if (i >= re.length()) return false;
            char c = re.charAt(i);
            return c == '?' || c == '*' || (c == '{' && (re.startsWith("{0}", i) || re.startsWith("{0,", i)));
        }

        private void skipQuantifier() {
            if (i >= re.length()) return;
            char c = re.charAt(i);
            if (c == '?' || c == '*' || c == '+') i++;
            else if (c == '{') i = re.indexOf('}', i) + 1;
            else return;
            if (i < re.length() && (re.charAt(i) == '?' || re.charAt(i) == '+')) i++;   // lazy or possessive
        }

        private void skipClass() {
            int depth = 0;
            i++;
            if (i < re.length() && re.charAt(i) == '^') i++;
            if (i < re.length() && re.charAt(i) == ']') i++;                            // "[]…]": a literal ]
            while (true) {
                char c = re.charAt(i);
                if (c == '\\') { i += 2; continue; }
                if (c == '[') depth++;
                if (c == ']' && depth-- == 0) { i++; return; }
                i++;
            }
        }

        private void expect(char c) {
            if (i >= re.length() || re.charAt(i) != c) throw new IllegalArgumentException(re);
            i++;
        }
    }
}
