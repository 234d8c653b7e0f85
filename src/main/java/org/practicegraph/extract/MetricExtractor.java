package org.practicegraph.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures a report states: percentages, money, counts of a noun, durations after "for", with
 * "from X to Y" baselines, comparators ("compared to an average of 12%", "at 5 and 80%
 * respectively") and periods ("2023/24", "in the last 12 months"). Years, section and level numbers,
 * ordinals, time limits ("within 30 days") and hyphenated adjectives ("7-minute", "two-year") are
 * not metrics. The grammar is English number syntax, so it lives here rather than in a rule file.
 */
final class MetricExtractor {
    private static final String WORDS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
            + "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred";
    private static final Map<String, Integer> WORD_VALUES = Map.ofEntries(
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90),
            Map.entry("hundred", 100));
    private static final String NUM = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|(?i:" + WORDS + ")";
    private static final String PCT = "\\s?(?:%|per ?cent\\b|percent\\b)";
    private static final String TIME_UNIT = " (days?|weeks?|months?|hours?|years?)\\b";
    private static final Pattern FROM_TO = Pattern.compile("\\bfrom (" + NUM + ")(" + PCT + "|" + TIME_UNIT + ")? to (" + NUM + ")(" + PCT + "|" + TIME_UNIT + ")?");
    /** "the median wait was 24 days", "had been waiting 19 days", "the average time to complete one was 21 days". */
    private static final Pattern WAIT = Pattern.compile(
            "(?i)\\b(?:wait(?:ed|ing|s)?|(?:average|median|mean|longest|shortest|typical) (?:time|delay|length)|delays?|took|taking)\\b"
                    + "(?: (?!within\\b|every\\b|after\\b|by\\b)[a-z']+){0,6}? (?:was |were |of |for |around |about |up to |over |more than |nearly |almost |an average of |on average )*(" + NUM + ")" + TIME_UNIT);
    private static final Pattern PERCENT = Pattern.compile("(?<![\\w.,])(" + NUM + ")" + PCT);
    private static final Pattern MONEY = Pattern.compile("£\\s?(\\d[\\d,]*(?:\\.\\d+)?)\\s*(million|m\\b|bn\\b|billion|k\\b|thousand)?");
    private static final Pattern DURATION = Pattern.compile(
            "(?i)\\bfor (?:the (?:last|past) |over |more than |almost |nearly |around |about )?(" + NUM + ") (years?|months?|weeks?)\\b");
    private static final Pattern COUNT = Pattern.compile("(?<![\\w£.,/-])(" + NUM + ")(?![\\w%/-]|\\.\\d|,\\d| ?per ?cent)");
    private static final Pattern PERIOD = Pattern.compile(
            "\\b(?:20\\d\\d ?[/-] ?\\d\\d(?:\\d\\d)?|(?:in|during) (?:the )?(?:last|past) (?:\\d+|twelve|six) (?:months|years|weeks)|in (?:20\\d\\d|one year|a year))\\b");
    private static final Pattern COMPARED = Pattern.compile(
            "(?i)\\b(?:compared (?:to|with)|against|higher than|lower than|above|below|average (?:of|was)|average,? at)\\b[^.;]{0,60}?(" + NUM + ")(" + PCT + ")?");
    /** "48 concerns were waiting, down from 160": the figure after "down / up from" is the baseline of the one before. */
    private static final Pattern DOWN_FROM = Pattern.compile("(?i)\\b(?:down|up|reduced|fell|rose|falling|rising|decreased|increased) from (?:a (?:high|low|peak) of )?(" + NUM + ")(" + PCT + ")?");
    private static final Pattern RESPECTIVELY = Pattern.compile("(?i)\\b(?:at |of |were |was )?(" + NUM + ")(" + PCT + ")? and (" + NUM + ")(" + PCT + ")? respectively");
    /** A number word inside a name: "the three conversations model", "a two-tier approach". */
    private static final Pattern NAMED_NUMBER = Pattern.compile("(?i) [a-z]+ (?:model|approach|framework|principles)\\b");
    private static final Pattern NOT_A_COUNT_BEFORE = Pattern.compile(
            "(?i)(?:\\b(?:section|level|levels|page|aged?|phase|tier|stage|step|year|years|version|number|no\\.|room|item|appendix|grade|band|\\d+ (?:to|and|or)|(?:up|rose|risen|grew|grown|increased|fell|fallen|dropped|reduced|decreased|rising|falling) to)|"
                    + "(?:january|february|march|april|may|june|july|august|september|october|november|december)) $");
    private static final Pattern NOT_A_COUNT_AFTER = Pattern.compile(
            "(?i)^(?: ?(?:years?|months?|weeks?|days?|hours?|minutes?|to \\d|to one|and \\d+ respectively|(?:january|february|march|april|may|june|july|august|september|october|november|december))\\b|[-–])");

    private static final Pattern OUT_OF_AFTER = Pattern.compile("(?s) (?:out of|[A-Za-z(]).*");
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    private static final Pattern OUT_OF_BEFORE = Pattern.compile("(?is).*\\bout of (?:the |a )?$");
    private static final Pattern NUMBER = Pattern.compile(NUM);
    /** The figure patterns' keywords ({@link Keywords}): most sentences hold no figure, and most patterns need a word. */
    private static final Map<Pattern, Keywords> KEYWORDS = new java.util.IdentityHashMap<>();
    static {
        for (Pattern p : List.of(FROM_TO, WAIT, PERCENT, MONEY, DURATION, COUNT, PERIOD, COMPARED, DOWN_FROM, RESPECTIVELY))
            KEYWORDS.put(p, Keywords.of(p));
    }

    /**
     * @return a matcher of the pattern over the sentence, or over "" when the sentence lacks the pattern's
     *         keywords (a pattern with keywords cannot match "", so it finds nothing)
     */
    private static Matcher matcher(Pattern p, Doc.Sent s) {
        return p.matcher(KEYWORDS.get(p).mayMatch(s.lower()) ? s.text() : "");
    }

    /** Metrics of one report. */
    List<MetricFact> extract(Doc doc, InitiativeExtractor.Found initiatives) {
        List<MetricFact> out = new ArrayList<>();
        Doc.Sent prev = null;
        List<MetricFact> prevFacts = List.of();
        for (Doc.Sent s : doc.body()) {
            List<MetricFact> here = sentence(s, out.size(), initiativeFor(s, prev, initiatives));
            Matcher r = matcher(RESPECTIVELY, s);
            if (r.find()) {     // "at 5 and 80% respectively" compares the figures of the sentence before
                List<MetricFact> target = here.isEmpty() ? prevFacts : here;
                BigDecimal[] cmp = {number(r.group(1)), number(r.group(3))};
                List<MetricFact> updated = new ArrayList<>();
                for (int i = 0; i < target.size(); i++)
                    updated.add(i < 2 && target.get(i).comparator() == null ? withComparator(target.get(i), cmp[i]) : target.get(i));
                if (target == prevFacts) {
                    for (int i = 0; i < updated.size(); i++) out.set(out.indexOf(prevFacts.get(i)), updated.get(i));
                } else here = updated;
            }
            out.addAll(here);
            prev = s;
            prevFacts = here.isEmpty() ? prevFacts : here;
        }
        return out;
    }

    private static MetricFact withBaseline(MetricFact m, BigDecimal b) {
        return new MetricFact(m.key(), m.label(), m.value(), m.unit(), b, m.comparator(), m.period(), m.initiativeKey(), m.evidence());
    }

    private static MetricFact withComparator(MetricFact m, BigDecimal c) {
        return new MetricFact(m.key(), m.label(), m.value(), m.unit(), m.baseline(), c, m.period(), m.initiativeKey(), m.evidence());
    }

    private static String initiativeFor(Doc.Sent s, Doc.Sent prev, InitiativeExtractor.Found found) {
        List<String> here = found.keysBySentence().get(s.index());
        if (here != null && !here.isEmpty()) return here.get(0);
        if (prev != null && prev.paragraph() == s.paragraph()) {
            List<String> before = found.keysBySentence().get(prev.index());
            if (before != null && !before.isEmpty()) return before.get(before.size() - 1);
        }
        return null;
    }

    private List<MetricFact> sentence(Doc.Sent s, int n, String initiative) {
        String t = s.text();
        boolean[] used = new boolean[t.length() + 1];
        List<MetricFact> out = new ArrayList<>();
        String period = null;
        Matcher p = matcher(PERIOD, s);
        while (p.find()) { if (period == null) period = p.group(); mark(used, p.start(), p.end()); }
        Matcher cmp = matcher(COMPARED, s);
        List<int[]> comparators = new ArrayList<>();
        while (cmp.find()) { comparators.add(new int[]{cmp.start(1), cmp.end()}); mark(used, cmp.start(1), cmp.end()); }
        List<int[]> baselines = new ArrayList<>();
        Matcher down = matcher(DOWN_FROM, s);
        while (down.find()) if (!used[down.start(1)]) { baselines.add(new int[]{down.start(1), down.end()}); mark(used, down.start(1), down.end()); }
        Matcher resp = matcher(RESPECTIVELY, s);
        if (resp.find()) mark(used, resp.start(1), resp.end());
        Matcher ft = matcher(FROM_TO, s);
        while (ft.find()) {
            if (used[ft.start(4)]) continue;
            String unitText = ft.group(5) != null ? ft.group(5) : ft.group(2);
            String time = ft.group(6) != null ? ft.group(6) : ft.group(3);
            String unit = time != null ? time.toLowerCase().replaceAll("s$", "") + "s"
                    : unitText != null ? "percent" : "count";
            add(out, ft.start(), s, n, label(t, ft.start(), ft.end()), number(ft.group(4)), unit, number(ft.group(1)), period, initiative, "metric.from-to");
            mark(used, ft.start(), ft.end());
        }
        Matcher m = matcher(PERCENT, s);
        while (m.find()) if (!used[m.start()]) { add(out, m.start(), s, n, label(t, m.start(), m.end()), number(m.group(1)), "percent", null, period, initiative, "metric.percent"); mark(used, m.start(), m.end()); }
        m = matcher(MONEY, s);
        while (m.find()) if (!used[m.start()]) { add(out, m.start(), s, n, label(t, m.start(), m.end()), money(m.group(1), m.group(2)), "GBP", null, period, initiative, "metric.money"); mark(used, m.start(), m.end()); }
        m = matcher(WAIT, s);
        while (m.find()) if (!used[m.start(1)]) {
            String unit = m.group(2).toLowerCase().replaceAll("s$", "") + "s";
            add(out, m.start(1), s, n, label(t, m.start(1), m.end()), number(m.group(1)), unit, null, period, initiative, "metric.waiting-time");
            mark(used, m.start(1), m.end());
        }
        m = matcher(DURATION, s);
        while (m.find()) if (!used[m.start(1)]) {
            String unit = m.group(2).toLowerCase().replaceAll("s$", "") + "s";
            add(out, m.start(), s, n, label(t, m.start(), m.end()), number(m.group(1)), unit, null, period, initiative, "metric.duration");
            mark(used, m.start(), m.end());
        }
        m = matcher(COUNT, s);
        while (m.find()) {
            if (used[m.start()]) continue;
            String before = t.substring(Math.max(0, m.start() - 24), m.start()), after = t.substring(m.end());
            BigDecimal v = number(m.group(1));
            if (NOT_A_COUNT_BEFORE.matcher(before).find() || NOT_A_COUNT_AFTER.matcher(after).find()) continue;
            if (!OUT_OF_AFTER.matcher(after).matches()) continue;               // a count counts something
            if (FOUR_DIGITS.matcher(m.group(1)).matches() && v.intValue() >= 1900 && v.intValue() <= 2099) continue; // a year
            if (OUT_OF_BEFORE.matcher(before).matches()) continue;             // "4 out of the 5": 5 is the base
            if (WORD_VALUES.containsKey(m.group(1).toLowerCase()) && NAMED_NUMBER.matcher(after).lookingAt()) continue; // "the three conversations model"
            add(out, m.start(), s, n, label(t, m.start(), m.end()), v, "count", null, period, initiative, "metric.count");
            mark(used, m.start(), m.end());
        }
        // a "down from" baseline belongs to the figure just before it in the sentence
        for (int[] c : baselines) {
            MetricFact target = null;
            for (MetricFact f : out) if (Integer.parseInt(f.key()) <= c[0] && (target == null || f.key().compareTo(target.key()) > 0)) target = f;
            Matcher v = NUMBER.matcher(t.substring(c[0], c[1]));
            if (target != null && target.baseline() == null && v.find())
                out.set(out.indexOf(target), withBaseline(target, number(v.group())));
        }
        // a comparator belongs to the figure just before it in the sentence
        for (int[] c : comparators) {
            MetricFact target = null;
            for (MetricFact f : out) if (Integer.parseInt(f.key()) <= c[0] && (target == null || f.key().compareTo(target.key()) > 0)) target = f;
            if (target == null && !out.isEmpty()) target = out.get(out.size() - 1);
            Matcher v = NUMBER.matcher(t.substring(c[0], c[1]));
            if (target != null && target.comparator() == null && v.find()) {
                out.set(out.indexOf(target), withComparator(target, number(v.group())));
            }
        }
        return inTextOrder(out, n);
    }

    private static void add(List<MetricFact> out, int at, Doc.Sent s, int n, String label, BigDecimal v, String unit,
                            BigDecimal baseline, String period, String initiative, String rule) {
        if (v == null) return;
        // keys carry the figure's offset so the sentence's figures can be put back in text order
        out.add(new MetricFact(String.format("%06d", at), label, v, unit, baseline, null, period, initiative,
                List.of(s.evidence(rule))));
    }

    /** Puts a sentence's figures in text order (comparators "respectively" rely on it) and numbers them. */
    private static List<MetricFact> inTextOrder(List<MetricFact> out, int n) {
        List<MetricFact> sorted = new ArrayList<>(out);
        sorted.sort(java.util.Comparator.comparing(MetricFact::key));
        List<MetricFact> numbered = new ArrayList<>();
        for (MetricFact m : sorted)
            numbered.add(new MetricFact("metric-" + (n + numbered.size() + 1), m.label(), m.value(), m.unit(), m.baseline(),
                    m.comparator(), m.period(), m.initiativeKey(), m.evidence()));
        return numbered;
    }

    /** The words around a figure, up to the clause edges: what it measures, in the report's words. */
    private static String label(String t, int from, int to) {
        int a = from, b = to;
        int words = 0;
        while (a > 0 && words < 6 && ",;:(".indexOf(t.charAt(a - 1)) < 0) { a--; if (t.charAt(a) == ' ') words++; }
        words = 0;
        while (b < t.length() && words < 8 && ",;:.)".indexOf(t.charAt(b)) < 0) { if (t.charAt(b) == ' ') words++; b++; }
        return t.substring(a, b).strip();
    }

    private static void mark(boolean[] used, int from, int to) { for (int i = from; i < to && i < used.length; i++) used[i] = true; }

    static BigDecimal number(String s) {
        if (s == null) return null;
        Integer w = WORD_VALUES.get(s.toLowerCase());
        if (w != null) return BigDecimal.valueOf(w);
        try { return new BigDecimal(s.replace(",", "")); } catch (NumberFormatException e) { return null; }
    }

    private static BigDecimal money(String digits, String scale) {
        BigDecimal v = number(digits);
        if (v == null || scale == null) return v;
        return switch (scale.toLowerCase()) {
            case "million", "m" -> v.multiply(BigDecimal.valueOf(1_000_000));
            case "bn", "billion" -> v.multiply(BigDecimal.valueOf(1_000_000_000));
            case "k", "thousand" -> v.multiply(BigDecimal.valueOf(1_000));
            default -> v;
        };
    }
}
