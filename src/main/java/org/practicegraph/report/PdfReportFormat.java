package org.practicegraph.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDF downloads of CQC reports. The text layer is read with PDFBox's {@link PDFTextStripper}, line by
 * line with each line's font size, boldness and position; the structure is rebuilt from that layout:
 * <ul>
 *   <li>a line set larger than the body text is a heading, the largest size being level 1;
 *       a short bold line at body size is a heading one level below the smallest larger size;</li>
 *   <li>a line starting with a bullet ({@code •}, {@code -}) starts a list item;</li>
 *   <li>lines further apart than 1.5 body lines, a change of style, or a page break after a line
 *       that ends a sentence start a new paragraph; other lines are joined with a space;</li>
 *   <li>page-number lines ({@code Page 3 of 12}) are dropped.</li>
 * </ul>
 * The result is rendered by {@link Outline} and parsed by {@link TextReportFormat}: offsets index
 * that rebuilt text, not the PDF's content streams. Encrypted PDFs, PDFs without a text layer
 * (scans) and damaged files are refused with a one-line reason.
 */
public final class PdfReportFormat implements ReportFormat {
    private static final Pattern PAGE_NUMBER = Pattern.compile("(?i)^(page\\s+)?\\d+(\\s+(of|/)\\s+\\d+)?$");
    private static final Pattern BULLET = Pattern.compile("^[•●▪◦\\-–]\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;\"”’)]$");

    private final TextReportFormat text = new TextReportFormat();

    @Override public String name() { return "pdf"; }

    @Override public boolean accepts(String fileName) { return fileName.toLowerCase(Locale.ROOT).endsWith(".pdf"); }

    @Override public Report read(String fileName, byte[] bytes, String sha256) {
        if (bytes.length == 0) throw new ReportException(fileName, "file is empty");
        List<Line> lines;
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent())
                throw new ReportException(fileName, "PDF is encrypted and forbids text extraction; save an unprotected copy");
            LineCollector collector = new LineCollector();
            collector.getText(doc);
            lines = collector.lines;
        } catch (InvalidPasswordException e) {
            throw new ReportException(fileName, "PDF is encrypted with a password; save an unprotected copy");
        } catch (IOException | RuntimeException e) {
            if (e instanceof ReportException r) throw r;
            throw new ReportException(fileName, "not a readable PDF, truncated or damaged (" + e.getMessage() + ")");
        }
        if (lines.stream().allMatch(l -> l.text().isBlank()))
            throw new ReportException(fileName, "PDF has no text layer (a scanned image?); run OCR or use the web page");
        return text.parse(fileName, outline(lines).text(), sha256);
    }

    @Override public Report parse(String fileName, String decoded, String sha256) { return text.parse(fileName, decoded, sha256); }

    /** One line of text as laid out: its baseline, page, font size in points, boldness. */
    record Line(String text, int page, float y, float size, boolean bold) {}

    /** Rebuilds headings, paragraphs and list items from lines. */
    static Outline outline(List<Line> all) {
        List<Line> lines = all.stream().filter(l -> !l.text().isBlank() && !PAGE_NUMBER.matcher(l.text().strip()).matches()).toList();
        float body = bodySize(lines);
        TreeSet<Float> larger = new TreeSet<>((a, b) -> Float.compare(b, a));
        for (Line l : lines) if (l.size() > body + 0.5f) larger.add(round(l.size()));
        List<Float> headingSizes = new ArrayList<>(larger);
        Outline out = new Outline();
        StringBuilder block = new StringBuilder();
        int blockLevel = -1;                // -1 none, 0 paragraph, 1.. heading, 99 list item
        Line previous = null;
        for (Line l : lines) {
            int level = l.size() > body + 0.5f ? headingSizes.indexOf(round(l.size())) + 1
                    : l.bold() && l.text().length() < 120 ? headingSizes.size() + 1 : 0;
            String t = l.text().strip();
            boolean bullet = level == 0 && BULLET.matcher(t).find();
            if (bullet) t = BULLET.matcher(t).replaceFirst("");
            int kind = bullet ? 99 : level;
            // same kind of block (a wrapped paragraph or heading), or a plain line under a list item
            boolean continues = previous != null && (kind == blockLevel && kind != 99 || blockLevel == 99 && kind == 0);
            if (continues && previous != null) {
                boolean samePage = l.page() == previous.page();
                float gap = l.y() - previous.y();
                if (samePage && gap > 1.5f * Math.max(l.size(), previous.size()) * 1.2f) continues = false;
                if (!samePage && SENTENCE_END.matcher(previous.text().strip()).find()) continues = false;
                if (samePage && gap < 0) continues = false;
            }
            if (continues) {
                block.append(' ').append(t);
            } else {
                flush(out, block, blockLevel);
                block.append(t);
                blockLevel = kind;
            }
            previous = l;
        }
        flush(out, block, blockLevel);
        return out;
    }

    private static void flush(Outline out, StringBuilder block, int level) {
        if (block.length() == 0) return;
        String t = block.toString();
        if (level == 99) out.item(t);
        else if (level > 0) out.heading(level, t);
        else out.paragraph(t);
        block.setLength(0);
    }

    private static float round(float size) { return Math.round(size * 2) / 2f; }

    /** The size most characters are set in. */
    private static float bodySize(List<Line> lines) {
        Map<Float, Integer> chars = new HashMap<>();
        for (Line l : lines) chars.merge(round(l.size()), l.text().length(), Integer::sum);
        return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
    }

    /** Receives the stripper's words and separators and keeps whole lines with their style. */
    private static final class LineCollector extends PDFTextStripper {
        final List<Line> lines = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private TextPosition first;
        private float maxSize;
        private int boldChars, chars;

        LineCollector() {
            setSortByPosition(true);
        }

        @Override protected void writeString(String text, List<TextPosition> positions) {
            for (TextPosition p : positions) {
                if (first == null) first = p;
                maxSize = Math.max(maxSize, p.getFontSizeInPt());
                String font = p.getFont() == null || p.getFont().getName() == null ? "" : p.getFont().getName().toLowerCase(Locale.ROOT);
                if (!p.getUnicode().isBlank()) {
                    chars++;
                    if (font.contains("bold") || font.contains("black") || font.contains("heavy")) boldChars++;
                }
            }
            current.append(text);
        }

        @Override protected void writeWordSeparator() { current.append(' '); }

        @Override protected void writeLineSeparator() { flushLine(); }

        @Override protected void writeParagraphStart() {}
        @Override protected void writeParagraphEnd() {}
        @Override protected void writePageStart() {}

        @Override protected void writePageEnd() { flushLine(); }

        private void flushLine() {
            if (first != null)
                lines.add(new Line(current.toString(), getCurrentPageNo(), first.getYDirAdj(), maxSize, chars > 0 && boldChars * 2 > chars));
            current.setLength(0);
            first = null;
            maxSize = 0;
            boldChars = chars = 0;
        }
    }
}
