package org.practicegraph.evaluate;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a gold regex the way score.py's {@code re.compile(p, re.I)} reads it. The two dialects
 * agree on what annotators write ({@code \b}, classes, alternation); where they differ this rewrites
 * the Python form into Java: {@code (?P<name>…)}, {@code (?P=name)}, {@code (?#…)}, {@code \Z},
 * {@code \v}, {@code \U…}, octal escapes, a literal {@code {} or {@code [} and {@code &&} in a class,
 * {@code {,n}}. Escapes Python refuses ({@code \p}, {@code \Q}, …) are refused here too.
 */
final class PyRegex {
    private PyRegex() {}

    /** re.I on a str pattern: Unicode case folding and classes; '.' and '$' know only '\n' as Python's do. */
    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS
            | Pattern.UNIX_LINES;
    private static final Pattern QUANTIFIER = Pattern.compile("\\{(\\d*)(,?)(\\d*)}");
    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z_]\\w*");

    /**
     * @param python a Python regular expression
     * @return the pattern, case-insensitive
     * @throws PatternSyntaxException when Python or Java would refuse the pattern
     */
    static Pattern compile(String python) {
        return Pattern.compile(toJava(python), FLAGS);
    }

    /** @return the Java spelling of a Python pattern */
    static String toJava(String p) {
        StringBuilder out = new StringBuilder();
        Map<String, String> names = new HashMap<>();
        boolean inClass = false;
        int classStart = 0;
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\') {
                i = escape(p, i, inClass, out);
            } else if (inClass) {
                // ']' first in a class is a member in Python; '[' and '&&' mean nesting/intersection in Java only
                if (c == ']' && i > classStart) inClass = false;
                else if (c == '[' || c == '&' || c == ']') out.append('\\');
                out.append(c);
                i++;
            } else if (c == '[') {
                inClass = true;
                out.append(c);
                i++;
                if (i < p.length() && p.charAt(i) == '^') out.append(p.charAt(i++));
                classStart = i;
            } else if (c == '{') {
                Matcher q = QUANTIFIER.matcher(p).region(i, p.length());
                // Python reads {m}, {m,}, {,n}, {m,n} and {,} as repeats; anything else ('{}', '{a}') is text
                boolean valid = q.lookingAt() && !(q.group(1).isEmpty() && q.group(2).isEmpty());
                if (valid) {
                    char before = out.isEmpty() ? '(' : out.charAt(out.length() - 1);
                    if (before == '(' || before == '|') throw new PatternSyntaxException("nothing to repeat", p, i);
                    out.append('{').append(q.group(1).isEmpty() ? "0" : q.group(1)).append(q.group(2)).append(q.group(3)).append('}');
                    i = q.end();
                } else {
                    out.append("\\{");
                    i++;
                }
            } else if (c == '}') {
                out.append("\\}");
                i++;
            } else if (p.startsWith("(?P<", i)) {
                int end = p.indexOf('>', i);
                String name = end < 0 ? "" : p.substring(i + 4, end);
                if (!GROUP_NAME.matcher(name).matches()) throw new PatternSyntaxException("bad character in group name", p, i);
                // Java group names allow neither '_' nor non-ASCII letters: number them instead
                String javaName = "g" + (names.size() + 1);
                if (names.putIfAbsent(name, javaName) != null) throw new PatternSyntaxException("redefinition of group name " + name, p, i);
                out.append("(?<").append(javaName).append('>');
                i = end + 1;
            } else if (p.startsWith("(?P=", i)) {
                int end = p.indexOf(')', i);
                String javaName = end < 0 ? null : names.get(p.substring(i + 4, end));
                if (javaName == null) throw new PatternSyntaxException("unknown group name", p, i);
                out.append("\\k<").append(javaName).append('>');
                i = end + 1;
            } else if (p.startsWith("(?#", i)) {
                int end = p.indexOf(')', i);
                if (end < 0) throw new PatternSyntaxException("missing ), unterminated comment", p, i);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Rewrites the escape at {@code p[i]} (a backslash); @return the index after it. */
    private static int escape(String p, int i, boolean inClass, StringBuilder out) {
        if (i + 1 >= p.length()) throw new PatternSyntaxException("bad escape (end of pattern)", p, i);
        int c = p.codePointAt(i + 1);
        int next = i + 1 + Character.charCount(c);
        switch (c) {
            case 'd', 'D', 's', 'S', 'w', 'W', 'f', 'n', 'r', 't' -> out.append('\\').appendCodePoint(c);
            case 'a' -> out.append("\\x{7}");
            case 'v' -> out.append("\\x{b}");
            case 'b' -> out.append(inClass ? "\\x{8}" : "\\b");
            case 'B', 'A', 'Z' -> {
                if (inClass) throw new PatternSyntaxException("bad escape \\" + (char) c, p, i);
                out.append(c == 'Z' ? "\\z" : "\\" + (char) c);
            }
            case 'x', 'u', 'U' -> {
                int len = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                String hex = p.length() >= next + len ? p.substring(next, next + len) : "";
                if (!hex.matches("[0-9A-Fa-f]{" + len + "}") || Long.parseLong(hex, 16) > Character.MAX_CODE_POINT)
                    throw new PatternSyntaxException("bad escape \\" + (char) c + hex, p, i);
                out.append("\\x{").append(hex).append('}');
                return next + len;
            }
            case 'N' -> {
                int end = p.indexOf('}', next);
                if (end < 0 || p.charAt(next) != '{') throw new PatternSyntaxException("missing {, or unterminated name", p, i);
                out.append(p, i, end + 1);
                return end + 1;
            }
            default -> {
                if (c >= '0' && c <= '9') return number(p, i, inClass, out);
                if (c < 128 && Character.isLetter(c)) throw new PatternSyntaxException("bad escape \\" + (char) c, p, i);
                // any other escaped character stands for itself
                out.append("\\x{").append(Integer.toHexString(c)).append('}');
            }
        }
        return next;
    }

    /** An escape starting with a digit: octal in a class or after \0 or as three octal digits, else a group reference. */
    private static int number(String p, int i, boolean inClass, StringBuilder out) {
        int j = i + 1;
        while (j < p.length() && j < i + 4 && Character.isDigit(p.charAt(j)) && p.charAt(j) < '8') j++;
        String octal = p.substring(i + 1, j);
        boolean isOctal = inClass || p.charAt(i + 1) == '0' || octal.length() == 3;
        if (isOctal) {
            if (octal.isEmpty()) throw new PatternSyntaxException("bad escape \\" + p.charAt(i + 1), p, i);
            if (p.charAt(i + 1) == '0' && octal.length() > 3) octal = octal.substring(0, 3);
            int value = Integer.parseInt(octal, 8);
            if (value > 0377) throw new PatternSyntaxException("octal escape value \\" + octal + " outside of range 0-0o377", p, i);
            out.append("\\x{").append(Integer.toHexString(value)).append('}');
            return i + 1 + octal.length();
        }
        j = i + 1;
        while (j < p.length() && j < i + 3 && Character.isDigit(p.charAt(j))) j++;
        // the empty group stops Java from reading a following digit as part of the number
        out.append('\\').append(p, i + 1, j).append("(?:)");
        return j;
    }
}
