package org.practicegraph.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTML and PDF formats (issue 4): fixtures in {@code src/test/resources/formats/}, made by {@link FormatFixtures}. */
class FormatsTest {
    static final Path DIR = Path.of("src/test/resources/formats");

    @ParameterizedTest
    @ValueSource(strings = {"hillingdon-learning", "dorset-summary", "dorset-safeguarding"})
    void webPageAndPdfYieldTheTextOfTheMarkdown(String stem) {
        Report md = Reports.parse(DIR.resolve(stem + ".md"));
        for (String ext : new String[] {".html", ".pdf"}) {
            Report other = Reports.parse(DIR.resolve(stem + ext));
            assertThat(other.text()).as(stem + ext).isEqualTo(md.text());
            assertThat(other.sections()).as(stem + ext).isEqualTo(md.sections());
            assertThat(other.sentences()).as(stem + ext).isEqualTo(md.sentences());
            assertThat(other.score()).isEqualTo(md.score());
            assertThat(other.overview()).isEqualTo(md.overview());
            assertThat(other.fileName()).isEqualTo(stem + ext);
        }
    }

    @Test
    void webPageFurnitureAndScriptsAreIgnored() {
        Report r = Reports.parse(DIR.resolve("hillingdon-learning.html"));
        assertThat(r.text()).startsWith("# Learning, improvement and innovation\n\nScore: 3\n\n3 - Evidence shows a good standard\n\n## The local authority commitment\n")
                .doesNotContain("cookie", "Skip to main content", "Find a service", "dataLayer", "youtube", "Is this page useful", "Accessibility", "classList");
        assertThat(r.sections()).extracting(Section::heading).startsWith("Learning, improvement and innovation",
                "The local authority commitment", "Key findings for this quality statement",
                "Continuous learning, improvement and professional development");
        for (Sentence s : r.sentences()) assertThat(r.text().substring(s.start(), s.end())).isEqualTo(s.text());
    }

    @Test
    void pdfHeadingsAreRebuiltFromFontSizeAndParagraphsFromLineGaps() {
        Report r = Reports.parse(DIR.resolve("dorset-safeguarding.pdf"));
        assertThat(r.text()).contains("\n## Safeguarding\n", "\n### What people expect\n", "\n#### Making safeguarding personal\n");
        // a paragraph wrapped over several lines in the PDF is one paragraph again
        assertThat(r.sentences()).extracting(Sentence::text).contains(
                "Dorset Council had a multi-agency safeguarding hub, staffed by social workers, police officers and health colleagues, which screened concerns within one working day.");
        assertThat(r.text()).doesNotContain("Page 1");
    }

    @Test
    void htmlCharsetComesFromTheMetaTag() {
        String page = "<html><head><meta charset=\"windows-1252\"></head><body><h1>Safeguarding</h1><p>Score: 3</p>"
                + "<p>Staff said the council\u2019s hub worked well.</p><script>alert(1)</script></body></html>";
        Report r = Reports.parse("page.html", page.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertThat(r.sentences()).extracting(Sentence::text).containsExactly("Staff said the council\u2019s hub worked well.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "encrypted.pdf|PDF is encrypted with a password; save an unprotected copy",
            "scanned-no-text.pdf|PDF has no text layer (a scanned image?); run OCR or use the web page",
            "truncated.pdf|"})
    void badPdfsAreRefusedInOneLine(String file, String problem) {
        assertThatThrownBy(() -> Reports.parse(DIR.resolve("bad").resolve(file)))
                .isInstanceOf(ReportException.class)
                .hasMessageStartingWith(file + ": " + (problem == null ? "" : problem))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void htmlWithOnlyScriptsAndFramesIsRefused() {
        byte[] page = "<html><body><script>document.write('<h1>Safeguarding</h1><p>Score: 3</p>')</script><iframe src=x></iframe></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Reports.parse("scripted.html", page))
                .hasMessage("scripted.html: web page has no report text (no headings or paragraphs in its main content)");
    }

    @Test
    void truncatedHtmlKeepsWhatWasSavedOrFailsOnTheMissingScore() throws Exception {
        String full = Files.readString(DIR.resolve("hillingdon-learning.html"));
        byte[] head = full.substring(0, full.indexOf("Score: 3")).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Reports.parse("cut.html", head)).hasMessageStartingWith("cut.html: no score line");
    }

    @Test
    void pdfWithNulBytesIsNotRefusedAsBinaryButHtmlIs() {
        assertThatThrownBy(() -> Reports.parse("x.html", new byte[] {'<', 'p', '>', 0, 'a'}))
                .hasMessage("x.html: file is binary (contains NUL bytes), not a text report");
    }
}
