package org.practicegraph.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the lines of an overall summary page, line by line:
 * <pre>
 *   Overall rating: Good             (or "Indicative rating: Good", "Rating: Requires improvement")
 *   Overall score: 66%               (or "Indicative score: 66%", "Overall percentage 66 %")
 *   Published: 21 June 2024          (or "Date of publication 2024-06-21")
 *   - Assessing needs: Score 3       (one line per quality statement; "Indicative score 3" too)
 * </pre>
 * A page with an overall rating is a summary page. The matched lines are data, not prose: the
 * parser leaves them out of the sentences.
 */
final class OverviewParser {
    private static final String LEAD = "^\\s*(?:[-*+•]\\s+)?(?:#{1,6}\\s*)?";
    private static final Pattern RATING = Pattern.compile(LEAD
            + "(?:(indicative)\\s+)?(?:overall\\s+)?(?:(indicative)\\s+)?rating\\s*[:\\-–]?\\s*(outstanding|good|requires improvement|inadequate)\\.?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PERCENTAGE = Pattern.compile(LEAD
            + "(?:(indicative)\\s+)?(?:overall\\s+)?(?:(indicative)\\s+)?(?:score|percentage)\\s*[:\\-–]?\\s*(\\d{1,3})\\s*%\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PUBLISHED = Pattern.compile(LEAD
            + "(?:published|date of publication|publication date)\\s*(?:on)?\\s*[:\\-–]?\\s*(.+?)\\.?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern STATEMENT_SCORE = Pattern.compile(LEAD
            + "([A-Z][^:\\n]{3,80}?)\\s*[:\\-–—]\\s*(?:(indicative)\\s+)?score\\s*:?\\s*([1-4])\\s*(?:/\\s*4|out of 4)?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK), DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK));

    /** The overview found, and the offsets of the lines it was read from. */
    record Found(Overview overview, Set<Integer> lineStarts) {}

    private OverviewParser() {}

    /**
     * @param fileName for messages
     * @param text     the report text
     * @return the overview and the lines it used, or null when the text states no overall rating
     * @throws ReportException when the page gives two different ratings or percentages, or a percentage over 100
     */
    static Found find(String fileName, String text) {
        String rating = null;
        Integer percentage = null;
        boolean indicative = false;
        LocalDate published = null;
        List<Overview.StatementScore> scores = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        int pos = 0;
        for (String line : text.split("\n", -1)) {
            int start = pos;
            pos += line.length() + 1;
            Matcher m;
            if ((m = RATING.matcher(line)).matches()) {
                String r = capitalise(m.group(3));
                if (rating != null && !rating.equals(r)) throw new ReportException(fileName, "conflicting overall ratings " + rating + " and " + r);
                rating = r;
                indicative |= m.group(1) != null || m.group(2) != null;
            } else if ((m = PERCENTAGE.matcher(line)).matches()) {
                int p = Integer.parseInt(m.group(3));
                if (p > 100) throw new ReportException(fileName, "overall percentage " + p + "% is over 100%");
                if (percentage != null && percentage != p) throw new ReportException(fileName, "conflicting overall percentages " + percentage + "% and " + p + "%");
                percentage = p;
                indicative |= m.group(1) != null || m.group(2) != null;
            } else if ((m = PUBLISHED.matcher(line)).matches() && date(m.group(1)) != null) {
                published = date(m.group(1));
            } else if ((m = STATEMENT_SCORE.matcher(line)).matches()) {
                int s = line.indexOf(m.group(1));
                scores.add(new Overview.StatementScore(m.group(1).strip(), Integer.parseInt(m.group(3)), start + s, start + line.stripTrailing().length()));
                indicative |= m.group(2) != null;
            } else {
                continue;
            }
            used.add(start);
        }
        if (rating == null) return null;
        return new Found(new Overview(rating, percentage, indicative, published, scores), used);
    }

    private static String capitalise(String rating) {
        String r = rating.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(r.charAt(0)) + r.substring(1);
    }

    private static LocalDate date(String raw) {
        for (DateTimeFormatter f : DATES) {
            try { return LocalDate.parse(raw.strip(), f); }
            catch (DateTimeParseException e) { /* try the next pattern */ }
        }
        return null;
    }
}
