package org.practicegraph.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Web pages as saved from the CQC website ("Save page as…, HTML only"). The page's {@code <main>}
 * (else its {@code <body>}) is read; navigation, header, footer, cookie banners, forms, scripts,
 * styles and frames are dropped, never run. Headings {@code h1}–{@code h4} stay headings,
 * paragraphs and list items stay blocks; the result is rendered by {@link Outline} and parsed by
 * {@link TextReportFormat}, so offsets index that extracted text.
 */
public final class HtmlReportFormat implements ReportFormat {
    /** Removed before reading: page furniture, active content, hidden text. */
    private static final String DROP = String.join(",", "script", "style", "noscript", "template", "iframe", "frame",
            "object", "embed", "svg", "canvas", "form", "button", "nav", "header", "footer", "aside",
            "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[hidden]", "[aria-hidden=true]",
            "[id*=cookie]", "[class*=cookie]", "[class*=skip-link]", "[class*=breadcrumb]");
    private static final String BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,dt,dd,td,th,blockquote";

    private final TextReportFormat text = new TextReportFormat();

    @Override public String name() { return "html"; }

    @Override public boolean accepts(String fileName) {
        String f = fileName.toLowerCase(Locale.ROOT);
        return f.endsWith(".html") || f.endsWith(".htm") || f.endsWith(".xhtml");
    }

    @Override public Report read(String fileName, byte[] bytes, String sha256) {
        Reports.checkNotEmptyOrBinary(fileName, bytes);
        Document doc;
        try {
            // charset from the BOM or <meta charset>, UTF-8 otherwise
            doc = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
        } catch (IOException | UncheckedIOException e) {
            throw new ReportException(fileName, "cannot read HTML (" + e.getMessage() + ")");
        }
        return parse(fileName, extract(doc), sha256);
    }

    @Override public Report parse(String fileName, String html, String sha256) {
        String extracted = html.stripLeading().startsWith("<") ? extract(Jsoup.parse(html)) : html;
        if (extracted.isBlank()) throw new ReportException(fileName, "web page has no report text (no headings or paragraphs in its main content)");
        return text.parse(fileName, extracted, sha256);
    }

    /** @return the page's report text, rendered as Markdown */
    static String extract(Document doc) {
        Element main = doc.selectFirst("main");
        Element root = main != null ? main : doc.body();
        root.select(DROP).remove();
        Outline outline = new Outline();
        for (Element e : root.select(BLOCKS)) {
            // the innermost block wins: a <p> inside an <li> is read once, as the item
            if (e.parents().stream().anyMatch(p -> p.is(BLOCKS) && !p.is("td,th,dd,blockquote"))) continue;
            if (e.is("td,th,dd,blockquote") && !e.select("p,li").isEmpty()) continue;
            String t = e.text();
            switch (e.normalName()) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> outline.heading(e.normalName().charAt(1) - '0', t);
                case "li" -> outline.item(t);
                default -> outline.paragraph(t);
            }
        }
        return outline.isEmpty() ? "" : outline.text();
    }
}
