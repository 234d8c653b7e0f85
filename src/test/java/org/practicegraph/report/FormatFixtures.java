package org.practicegraph.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes the committed fixtures of {@code src/test/resources/formats/}: one Markdown report rendered
 * as the Markdown {@link Outline} reads back, as a web page in CQC-like markup (navigation, cookie
 * banner, scripts, header and footer around a {@code <main>}) and as a PDF laid out with PDFBox
 * (Helvetica, headings by size, wrapped paragraphs, bullets, page numbers). Run it after changing a
 * source report:
 * <pre>
 *   mvn -q -o test-compile exec:java … or, from the IDE: FormatFixtures.main()
 * </pre>
 * The outputs are committed so the tests read files, not generated strings.
 */
public final class FormatFixtures {
    /** A heading (level 1–4), a paragraph (level 0) or a list item (level -1). */
    record Block(int level, String text) {}

    private FormatFixtures() {}

    /** @param args optional: source report and output folder and stem; defaults regenerate the committed fixtures */
    public static void main(String... args) throws IOException {
        Path out = Path.of("src/test/resources/formats");
        write(Path.of("corpus/sample/003_874a80aed6dcf2ea.txt"), out, "hillingdon-learning");
        write(out.resolve("sources/dorset-summary.md"), out, "dorset-summary");
        write(out.resolve("sources/dorset-safeguarding.md"), out, "dorset-safeguarding");
        bad(out.resolve("hillingdon-learning.pdf"), out.resolve("bad"));
    }

    /** Inputs that must be refused: an encrypted PDF, a PDF with no text layer, a truncated PDF. */
    static void bad(Path goodPdf, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(goodPdf.toFile())) {
            var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner-secret", "user-secret",
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(dir.resolve("encrypted.pdf").toFile());
        }
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                // what a scan looks like to a text stripper: marks on the page, no text
                cs.addRect(MARGIN, 400, WIDTH, 300);
                cs.fill();
            }
            doc.setDocumentId(0L);
            doc.save(dir.resolve("scanned-no-text.pdf").toFile());
        }
        byte[] pdf = Files.readAllBytes(goodPdf);
        Files.write(dir.resolve("truncated.pdf"), java.util.Arrays.copyOf(pdf, 900));
    }

    static void write(Path source, Path dir, String stem) throws IOException {
        List<Block> blocks = blocks(Files.readString(source));
        Outline o = new Outline();
        for (Block b : blocks) {
            if (b.level() > 0) o.heading(b.level(), b.text());
            else if (b.level() < 0) o.item(b.text());
            else o.paragraph(b.text());
        }
        Files.writeString(dir.resolve(stem + ".md"), o.text(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(stem + ".html"), html(blocks), StandardCharsets.UTF_8);
        pdf(blocks, dir.resolve(stem + ".pdf"));
    }

    /** Markdown-ish source: {@code #} headings, {@code -} items, {@code ---} rules dropped; a short bare line is a level-3 heading. */
    static List<Block> blocks(String text) {
        List<Block> out = new ArrayList<>();
        for (String para : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            List<String> lines = para.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (lines.isEmpty() || lines.get(0).matches("([-*_]\\s*){3,}")) continue;
            if (lines.stream().allMatch(l -> l.startsWith("- "))) {
                lines.forEach(l -> out.add(new Block(-1, l.substring(2).strip())));
            } else if (lines.size() == 1 && lines.get(0).startsWith("#")) {
                String l = lines.get(0);
                int level = l.indexOf(' ');
                out.add(new Block(level, l.substring(level).strip()));
            } else if (lines.size() == 1 && lines.get(0).length() < 100 && lines.get(0).matches(".*[\\p{L})]$")
                    && !lines.get(0).matches("(?i)(\\d|score|overall|indicative|published).*")) {
                out.add(new Block(3, lines.get(0)));
            } else {
                out.add(new Block(0, String.join(" ", lines)));
            }
        }
        return out;
    }

    static String html(List<Block> blocks) {
        StringBuilder b = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Local authority assessment | Care Quality Commission</title>
                <link rel="stylesheet" href="/themes/cqc/css/main.css">
                <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date());</script>
                <script src="https://www.googletagmanager.com/gtag/js?id=G-XXXX" async></script>
                </head>
                <body class="page-local-authority-assessment">
                <div id="cookie-banner" class="cookie-banner" role="region" aria-label="Cookies on the CQC website">
                  <p>We use some essential cookies to make this website work. We would like to set additional cookies to understand how you use the site.</p>
                  <button type="button">Accept additional cookies</button> <button type="button">Reject additional cookies</button>
                </div>
                <a class="skip-link" href="#main-content">Skip to main content</a>
                <header class="site-header" role="banner">
                  <a href="/" class="logo">Care Quality Commission</a>
                  <nav class="primary-nav" aria-label="Main menu"><ul><li><a href="/find-a-service">Find a service</a></li><li><a href="/guidance-providers">Guidance for providers</a></li><li><a href="/about-us">About us</a></li></ul></nav>
                </header>
                <nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/care-services/local-authority-assessment-reports">Local authority assessments</a></li></ol></nav>
                <main id="main-content" class="la-assessment">
                <article class="assessment-report">
                """);
        boolean inList = false;
        for (Block block : blocks) {
            if (block.level() < 0 && !inList) { b.append("<ul class=\"report-list\">\n"); inList = true; }
            if (block.level() >= 0 && inList) { b.append("</ul>\n"); inList = false; }
            String t = escape(block.text());
            if (block.level() > 0) b.append("<h").append(block.level()).append(" class=\"report-heading\">").append(t).append("</h").append(block.level()).append(">\n");
            else if (block.level() < 0) b.append("  <li>").append(t).append("</li>\n");
            else if (t.startsWith("Score:")) b.append("<div class=\"score-badge\"><p class=\"score\">").append(t).append("</p></div>\n");
            else b.append("<p>").append(t).append("</p>\n");
        }
        if (inList) b.append("</ul>\n");
        b.append("""
                <iframe src="https://www.youtube-nocookie.com/embed/xyz" title="How we assess local authorities"></iframe>
                <script>document.querySelectorAll('.score').forEach(e => e.classList.add('badge'));</script>
                </article>
                <aside class="feedback"><h2>Is this page useful?</h2><form action="/feedback"><button>Yes</button><button>No</button></form></aside>
                </main>
                <footer class="site-footer" role="contentinfo"><p>© Care Quality Commission</p><ul><li><a href="/accessibility">Accessibility</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>
                </body>
                </html>
                """);
        return b.toString();
    }

    private static String escape(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }

    static final float MARGIN = 56, WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN, BODY = 11;

    static void pdf(List<Block> blocks, Path file) throws IOException {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Local authority assessment");
            info.setProducer("practice-graph test fixtures");
            Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            fixed.setTimeInMillis(0);
            info.setCreationDate(fixed);
            Writer w = new Writer(doc);
            for (Block block : blocks) {
                float size = switch (block.level()) { case 1 -> 20; case 2 -> 16; case 3 -> 13; case 4 -> 12; default -> BODY; };
                PDType1Font font = block.level() > 0 ? bold : regular;
                float leading = size * 1.35f;
                w.space(block.level() > 0 ? size * 0.9f : 6, leading);
                String prefix = block.level() < 0 ? "• " : "";
                float indent = block.level() < 0 ? 14 : 0;
                List<String> lines = wrap(prefix + block.text(), font, size, WIDTH - indent);
                for (int i = 0; i < lines.size(); i++)
                    w.line(lines.get(i), font, size, leading, block.level() < 0 && i > 0 ? indent : 0, regular);
            }
            w.close();
            doc.setDocumentId(0L);
            doc.save(file.toFile());
        }
    }

    private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /** Lays lines down a page, starting a new page (with its number at the foot) when one is full. */
    private static final class Writer {
        private final PDDocument doc;
        private PDPageContentStream cs;
        private float y;
        private int pages;
        private PDType1Font footerFont;

        Writer(PDDocument doc) { this.doc = doc; }

        void space(float gap, float leading) throws IOException {
            if (cs != null && y - gap - leading < MARGIN + 20) newPage();
            else if (cs != null) y -= gap;
        }

        void line(String text, PDType1Font font, float size, float leading, float indent, PDType1Font footer) throws IOException {
            footerFont = footer;
            if (cs == null || y - leading < MARGIN + 20) newPage();
            y -= leading;
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(MARGIN + indent, y);
            cs.showText(text);
            cs.endText();
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            pages++;
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (cs == null) return;
            cs.beginText();
            cs.setFont(footerFont, 9);
            cs.newLineAtOffset(PDRectangle.A4.getWidth() / 2 - 20, MARGIN / 2);
            cs.showText("Page " + pages);
            cs.endText();
            cs.close();
            cs = null;
        }
    }
}
