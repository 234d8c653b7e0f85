package org.practicegraph.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReportsTest {
    static final Path REPORTS = Path.of("src/test/resources/reports");
    static final Path SAMPLE = Path.of("corpus/sample");

    static Stream<Path> everyReport() throws IOException {
        return Stream.concat(Files.list(SAMPLE), Files.list(REPORTS))
                .filter(Reports::isReportFile).filter(p -> !p.getFileName().toString().equals("README.md")).sorted();
    }

    @ParameterizedTest
    @MethodSource("everyReport")
    void everySentenceOffsetPointsAtItsText(Path file) {
        Report r = Reports.parse(file);
        assertThat(r.sentences()).isNotEmpty();
        for (Sentence s : r.sentences()) assertThat(r.text().substring(s.start(), s.end())).isEqualTo(s.text());
        for (Section s : r.sections()) assertThat(r.text().substring(s.start())).contains(s.heading());
    }

    @Test
    void samplesWithMarkdownHeadingsAndScoreLine() {
        Report r = Reports.parse(SAMPLE.resolve("003_874a80aed6dcf2ea.txt"));
        assertThat(r.qualityStatement()).isEqualTo("Learning, improvement and innovation");
        assertThat(r.score()).isEqualTo(3);
        assertThat(r.scoreLabel()).isEqualTo("Evidence shows a good standard");
        assertThat(r.sections()).extracting(Section::heading).containsExactly(
                "Learning, improvement and innovation", "The local authority commitment",
                "Key findings for this quality statement", "Continuous learning, improvement and professional development",
                "Learning from feedback");
        assertThat(r.sentences()).extracting(Sentence::text).doesNotContain("© Care Quality Commission", "---");
        assertThat(r.sentences().get(r.sentences().size() - 1).text())
                .isEqualTo("The majority were resolved during the investigation process.");
    }

    @Test
    void sampleWithBareHeadings() {
        Report r = Reports.parse(SAMPLE.resolve("000_c7a78147fca09e56.txt"));
        assertThat(r.qualityStatement()).isEqualTo("Learning, improvement and innovation");
        assertThat(r.score()).isEqualTo(3);
        assertThat(r.sections()).extracting(Section::heading).contains("Learning from feedback", "The local authority commitment");
    }

    @Test
    void scoreAsMarkdownHeadingWithEnDashWording() {
        Report r = Reports.parse(REPORTS.resolve("markdown-score-heading.md"));
        assertThat(r.qualityStatement()).isEqualTo("Assessing needs");
        assertThat(r.score()).isEqualTo(4);
        assertThat(r.scoreLabel()).isEqualTo("Evidence shows an exceptional standard");
        assertThat(r.sentences()).extracting(Sentence::text).containsExactly(
                "People were assessed promptly.", "Waiting lists fell from 400 to 120 people.",
                "The council introduced a trusted assessor scheme.", "Occupational therapists ran a drop-in clinic.");
        assertThat(r.sentences().get(0).section()).isEqualTo("Assessment, care planning and review arrangements");
    }

    @Test
    void bareHeadingsAndAbbreviationsDoNotSplitSentences() {
        Report r = Reports.parse(REPORTS.resolve("plain-headings.txt"));
        assertThat(r.score()).isEqualTo(2);
        assertThat(r.sentences()).extracting(Sentence::text).containsExactly(
                "We work with people and partners to keep people safe.",
                "Staff described a weekly safeguarding panel.",
                "The council launched a Safeguarding Adults Board newsletter in 2023, e.g. to share learning.",
                "It was well received.");
        assertThat(r.sentences().get(1).section()).isEqualTo("Safeguarding systems, processes and practice");
    }

    @Test
    void windowsLineEndingsAndByteOrderMarkLoad() {
        Report crlf = Reports.parse(REPORTS.resolve("crlf.txt"));
        assertThat(crlf.text()).doesNotContain("\r");
        assertThat(crlf.sentences()).extracting(Sentence::text)
                .containsExactly("The council worked with Age UK on a befriending service.", "It reached 300 people.");
        Report bom = Reports.parse(REPORTS.resolve("bom.txt"));
        assertThat(bom.text()).startsWith("# Equity");
        assertThat(bom.qualityStatement()).isEqualTo("Equity in experience and outcomes");
    }

    @Test
    void sameBytesSameDigest() throws IOException {
        Path f = SAMPLE.resolve("004_9ad3562cb36cee7d.txt");
        assertThat(Reports.parse(f).sha256()).isEqualTo(Reports.parse("copy.txt", Files.readAllBytes(f)).sha256())
                .hasSize(64);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty.txt|file is empty",
            "whitespace-only.txt|file has no text (only whitespace)",
            "binary.txt|file is binary (contains NUL bytes), not a text report",
            "invalid-utf8.txt|file is not valid UTF-8 text",
            "utf16-bom.txt|file is UTF-16; save it as UTF-8",
            "no-score.txt|no score line",
            "score-seven.txt|score 7 is out of range (expected 1 to 4)",
            "score-zero.txt|score 0 is out of range (expected 1 to 4)",
            "score-word.txt|malformed score 'three' (expected a whole number from 1 to 4)",
            "conflicting-scores.txt|conflicting scores 3 and 2"})
    void badInputIsRefusedWithTheFileAndTheProblem(String file, String problem) {
        assertThatThrownBy(() -> Reports.parse(Path.of("src/test/resources/bad", file)))
                .isInstanceOf(ReportException.class)
                .hasMessageStartingWith(file + ": " + problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void unsupportedExtensionIsRefused() {
        assertThatThrownBy(() -> Reports.parse("report.docx", "Score: 3".getBytes()))
                .hasMessage("report.docx: unsupported file type (expected .txt, .md, .html or .pdf)");
    }
}
