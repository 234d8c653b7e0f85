package org.practicegraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One word or punctuation mark of a sentence, with offsets into the report text.
 *
 * @param raw        the characters as written
 * @param norm       the normalised form used for every comparison (see {@link #normalise(String)})
 * @param start      offset in the report text
 * @param end        offset after the token
 * @param afterHyphen whether a hyphen joins this token to the previous one ("co-production")
 */
record Token(String raw, String norm, int start, int end, boolean afterHyphen) {

    // Words (with inner apostrophes), numbers with separators, or one symbol. Hyphens are not kept as
    // tokens: they only mark the next token, so "co-production" and "co production" compare equal.
    private static final Pattern TOKEN = Pattern.compile(
            "\\d+(?:[.,]\\d+)*|[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*(?:(?<=[sS])['’](?![\\p{L}\\p{N}]))?|\\S");

    private static final Pattern SIBILANT_PLURAL = Pattern.compile(".*(?:x|ch|sh|ss|z)es");

    boolean isWord() { return Character.isLetterOrDigit(raw.charAt(0)); }

    boolean isCapitalised() { return Character.isUpperCase(raw.charAt(0)); }

    boolean isNumber() { return Character.isDigit(raw.charAt(0)); }

    /** All letters upper case and at least two of them: "ASYE", "NHS", "ICB". */
    boolean isAcronym() {
        int letters = 0;
        for (char c : raw.toCharArray()) {
            if (Character.isLowerCase(c)) return false;
            if (Character.isLetter(c)) letters++;
        }
        return letters >= 2;
    }

    /** Splits a stretch of the report text into tokens; offsets are absolute. */
    static List<Token> tokenise(String text, int offset) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        boolean hyphen = false;
        while (m.find()) {
            String raw = m.group();
            if (raw.equals("-") || raw.equals("‐") || raw.equals("‑")) {
                // only a hyphen inside a word joins; a spaced dash is punctuation
                boolean inWord = m.start() > 0 && m.end() < text.length()
                        && !Character.isWhitespace(text.charAt(m.start() - 1))
                        && !Character.isWhitespace(text.charAt(m.end()));
                if (inWord) { hyphen = true; continue; }
            }
            out.add(new Token(raw, normalise(raw), offset + m.start(), offset + m.end(), hyphen));
            hyphen = false;
        }
        return out;
    }

    /**
     * The one normalisation every match uses: lower case, typographic apostrophes folded, possessive
     * dropped, a simple plural reduced to the singular ("services" → "service", "bodies" → "body").
     */
    static String normalise(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (w.endsWith("'s")) w = w.substring(0, w.length() - 2);
        if (w.endsWith("'")) w = w.substring(0, w.length() - 1);
        if (w.length() > 4 && w.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
        if (w.length() > 4 && SIBILANT_PLURAL.matcher(w).matches()) return w.substring(0, w.length() - 2);
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is"))
            return w.substring(0, w.length() - 1);
        return w;
    }

    /** Normalised word tokens of a phrase, hyphens dropped: the form labels and cues are stored in. */
    static List<String> normaliseAll(String phrase) {
        List<String> out = new ArrayList<>();
        for (Token t : tokenise(phrase, 0)) if (t.isWord() || t.raw().equals("&") || t.raw().equals("+")) out.add(t.norm());
        return out;
    }

    /** A stable key: lower case, ASCII letters and digits, single hyphens ("Brunel University" → "brunel-university"). */
    static String slug(String s) {
        String k = s.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("'s\\b", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return k.isEmpty() ? "x" : k;
    }
}
