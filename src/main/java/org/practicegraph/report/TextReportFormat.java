package org.practicegraph.report;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text and Markdown reports as saved from the CQC website: markdown ({@code # Title}) or
 * bare headings, {@code Score: 3} or {@code ## Score 3}, a score wording line
 * ({@code 3 - Evidence shows a good standard}), {@code ---} separators and a copyright footer.
 *
 * <p>A bare heading is a paragraph of one short line with no closing punctuation: that is how
 * headings survive a copy from the web page, whatever their wording.
 */
public final class TextReportFormat implements ReportFormat {
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SCORE_LINE =
            Pattern.compile("^(?:#{1,6}\\s*)?(indicative\\s+)?score\\s*:?\\s*(.*?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCORE_WORDING =
            Pattern.compile("^(\\S+)\\s*[-–—:]\\s*(evidence shows .*?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile("^\\s*([-*_]\\s*){3,}$");
    private static final Pattern FOOTER = Pattern.compile("^\\s*(©|\\(c\\)|copyright\\b).*", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+•]|\\d+[.)])\\s+");
    private static final int MAX_HEADING_WORDS = 12;

    @Override public String name() { return "text"; }

    @Override public boolean accepts(String fileName) {
        String f = fileName.toLowerCase(Locale.ROOT);
        return f.endsWith(".txt") || f.endsWith(".md") || f.endsWith(".markdown") || f.endsWith(".text");
    }

    @Override public Report parse(String fileName, String text, String sha256) {
        List<Block> blocks = blocks(text);
        OverviewParser.Found overview = OverviewParser.find(fileName, text);
        java.util.Set<Integer> overviewLines = overview == null ? java.util.Set.of() : overview.lineStarts();
        List<Section> sections = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        Integer score = null;
        boolean indicative = false;
        String scoreLabel = null;
        String heading = "";
        int paragraph = 0;
        for (Block b : blocks) {
            String line = b.text().strip();
            Matcher m;
            if (SEPARATOR.matcher(line).matches() || FOOTER.matcher(line).matches()) continue;
            if (!overviewLines.isEmpty()) {
                List<Block> rest = withoutLines(b, overviewLines);
                if (rest.isEmpty()) continue;
                if (rest.size() > 1 || rest.get(0) != b) {
                    for (Block item : rest) for (Block i : listItems(item)) sentences.addAll(sentences(text, i, heading, paragraph));
                    paragraph++;
                    continue;
                }
            }
            if (b.singleLine() && (m = SCORE_LINE.matcher(line)).matches() && looksLikeScore(m.group(2))) {
                score = agree(fileName, score, parseScore(fileName, m.group(2)));
                indicative |= m.group(1) != null;
                continue;
            }
            if (b.singleLine() && (m = SCORE_WORDING.matcher(line)).matches()) {
                score = agree(fileName, score, parseScore(fileName, m.group(1)));
                scoreLabel = m.group(2);
                continue;
            }
            if (b.singleLine() && (m = MARKDOWN_HEADING.matcher(line)).matches()) {
                heading = m.group(1);
                sections.add(new Section(heading, b.start(), -1));
                continue;
            }
            if (b.singleLine() && isBareHeading(line)) {
                heading = line;
                sections.add(new Section(heading, b.start(), -1));
                continue;
            }
            for (Block item : listItems(b)) sentences.addAll(sentences(text, item, heading, paragraph));
            paragraph++;
        }
        if (score == null && overview == null)
            throw new ReportException(fileName, "no score line (expected e.g. 'Score: 3' or '3 - Evidence shows a good standard')");
        if (score != null && overview != null)
            throw new ReportException(fileName, "both a statement score and an overall rating: a page is a summary or one quality statement, not both");
        if (sentences.isEmpty()) throw new ReportException(fileName, "no report text, only headings");
        String title = sections.isEmpty() ? null : sections.get(0).heading();
        return new Report(fileName, text, sha256, title, score == null ? 0 : score, scoreLabel, closeSections(sections, text.length()),
                sentences, overview == null ? null : overview.overview(), indicative);
    }

    /** "Score: 3", "Score: three", "Score 7" are score lines; "Scores were published…" is prose. */
    private static boolean looksLikeScore(String value) {
        return !value.isEmpty() && value.split("\\s+").length <= 2;
    }

    private static int parseScore(String file, String raw) {
        String v = raw.replaceAll("[.\\s]+$", "");
        if (!v.matches("\\d+"))
            throw new ReportException(file, "malformed score '" + raw + "' (expected a whole number from 1 to 4)");
        // a whole number of any length: too many digits for an int is out of range too, not a crash
        java.math.BigInteger s = new java.math.BigInteger(v);
        if (s.compareTo(java.math.BigInteger.ONE) < 0 || s.compareTo(java.math.BigInteger.valueOf(4)) > 0) {
            String shown = s.toString().length() > 12 ? s.toString().substring(0, 12) + "…" : s.toString();
            throw new ReportException(file, "score " + shown + " is out of range (expected 1 to 4)");
        }
        return s.intValue();
    }

    private static Integer agree(String file, Integer before, int now) {
        if (before != null && before != now)
            throw new ReportException(file, "conflicting scores " + before + " and " + now);
        return now;
    }

    private static boolean isBareHeading(String line) {
        if (line.length() > 120 || line.split("\\s+").length > MAX_HEADING_WORDS) return false;
        char last = line.charAt(line.length() - 1);
        return Character.isLetterOrDigit(last) || last == ')' || last == '\'' || last == '’';
    }

    private static List<Section> closeSections(List<Section> open, int textEnd) {
        List<Section> closed = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            int end = i + 1 < open.size() ? open.get(i + 1).start() : textEnd;
            closed.add(new Section(open.get(i).heading(), open.get(i).start(), end));
        }
        return closed;
    }

    /** A run of non-blank lines; {@code start}/{@code end} index the text. */
    private record Block(int start, int end, String text, boolean singleLine) {}

    private static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        int pos = 0, blockStart = -1, blockEnd = -1, lines = 0;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            int lineEnd = nl < 0 ? text.length() : nl;
            boolean blank = text.substring(pos, lineEnd).isBlank();
            if (!blank) {
                if (blockStart < 0) { blockStart = pos; lines = 0; }
                blockEnd = lineEnd;
                lines++;
            }
            if ((blank || nl < 0) && blockStart >= 0) {
                blocks.add(new Block(blockStart, blockEnd, text.substring(blockStart, blockEnd), lines == 1));
                blockStart = -1;
            }
            if (nl < 0) break;
            pos = nl + 1;
        }
        return blocks;
    }

    /** The block's runs of lines that are not overview lines; the block itself when it has none. */
    private static List<Block> withoutLines(Block b, java.util.Set<Integer> drop) {
        List<Block> kept = new ArrayList<>();
        int pos = b.start(), runStart = -1, runEnd = -1, runLines = 0;
        boolean dropped = false;
        for (String line : b.text().split("\n", -1)) {
            if (drop.contains(pos)) {
                dropped = true;
                if (runStart >= 0) kept.add(new Block(runStart, runEnd, b.text().substring(runStart - b.start(), runEnd - b.start()), runLines == 1));
                runStart = -1;
            } else {
                if (runStart < 0) { runStart = pos; runLines = 0; }
                runEnd = pos + line.length();
                runLines++;
            }
            pos += line.length() + 1;
        }
        if (!dropped) return List.of(b);
        if (runStart >= 0) kept.add(new Block(runStart, runEnd, b.text().substring(runStart - b.start(), runEnd - b.start()), runLines == 1));
        return kept;
    }

    /** A block whose lines are list items becomes one block per item, marker excluded. */
    private static List<Block> listItems(Block b) {
        if (b.singleLine() && !LIST_MARKER.matcher(b.text()).find()) return List.of(b);
        List<Block> items = new ArrayList<>();
        int pos = b.start();
        for (String line : b.text().split("\n", -1)) {
            Matcher m = LIST_MARKER.matcher(line);
            int skip = m.find() ? m.end() : 0;
            if (!line.isBlank()) items.add(new Block(pos + skip, pos + line.length(), line.substring(skip), true));
            pos += line.length() + 1;
        }
        // Plain wrapped prose (no markers) stays one paragraph so sentences may cross line breaks.
        boolean anyMarker = b.text().lines().anyMatch(l -> LIST_MARKER.matcher(l).find());
        return anyMarker ? items : List.of(b);
    }

    private static List<Sentence> sentences(String text, Block b, String section, int paragraph) {
        List<Sentence> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.UK);
        it.setText(b.text());
        int from = it.first();
        for (int to = it.next(); to != BreakIterator.DONE; from = to, to = it.next()) {
            int s = b.start() + from, e = b.start() + to;
            while (s < e && Character.isWhitespace(text.charAt(s))) s++;
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) e--;
            if (e > s) out.add(new Sentence(s, e, text.substring(s, e), section, paragraph));
        }
        return mergeAbbreviationSplits(text, out);
    }

    private static final Pattern ABBREVIATION_END =
            Pattern.compile("(?i)(\\b(e\\.g|i\\.e|etc|vs|approx|incl|no|cllr|dr|mr|mrs|ms|st)\\.)$");

    /** BreakIterator splits after "e.g." when a capital follows; join those pieces back. */
    private static List<Sentence> mergeAbbreviationSplits(String text, List<Sentence> in) {
        List<Sentence> out = new ArrayList<>();
        for (Sentence s : in) {
            if (!out.isEmpty() && ABBREVIATION_END.matcher(out.get(out.size() - 1).text()).find()) {
                Sentence prev = out.remove(out.size() - 1);
                out.add(new Sentence(prev.start(), s.end(), text.substring(prev.start(), s.end()), s.section(), s.paragraph()));
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
