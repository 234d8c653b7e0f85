package org.practicegraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code load} on web pages, PDFs and batches (issue 4), as docs/loading.md shows it. */
class LoadFormatsCliTest {
    @TempDir Path dir;

    @Test
    void theDocumentedExamplesLoad() {
        Path db = dir.resolve("db");
        CliRun r = CliRun.of("load", "--db", db.toString(), "docs/examples");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("loaded 4 reports");
        CliRun again = CliRun.of("load", "--db", db.toString(), "docs/examples");
        assertThat(again.code()).isZero();
        assertThat(again.out().strip()).isEqualTo(
                "loaded 0 reports, 4 unchanged (skipped); nothing to do, the database already holds these reports unchanged");
        CliRun forced = CliRun.of("load", "--db", db.toString(), "--force", "docs/examples");
        assertThat(forced.out()).startsWith("loaded 4 reports");
        CliRun q = CliRun.of("query", "--db", db.toString(), "queries/scores-over-time.rq", "--format", "csv");
        // 9 statements × 2 dated assessments: the 2025 summary and the 2025 safeguarding report both
        // give Safeguarding 3 on 2025-03-14, one identical row since the query says DISTINCT (issue 8;
        // it was 19 rows, two of them the same).
        assertThat(q.out().lines().skip(1).filter(l -> l.startsWith("Dorset,"))).hasSize(18).doesNotHaveDuplicates()
                .contains("Dorset,Safeguarding,2025-03-14,3,false,2023-10-06,2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "encrypted.pdf|encrypted.pdf: PDF is encrypted with a password; save an unprotected copy",
            "scanned-no-text.pdf|scanned-no-text.pdf: PDF has no text layer (a scanned image?); run OCR or use the web page",
            "truncated.pdf|truncated.pdf: "})
    void badPdfsFailWithOneLineAndExitCode3(String file, String message) throws IOException {
        Path db = dir.resolve("db");
        assertThat(CliRun.of("load", "--db", db.toString(), "corpus/sample/003_874a80aed6dcf2ea.txt").code()).isZero();
        String before = CliRun.of("export", "--db", db.toString(), "--format", "nquads").out();
        CliRun r = CliRun.of("load", "--db", db.toString(), "src/test/resources/formats/bad/" + file);
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().lines().filter(l -> l.startsWith("error: "))).singleElement().asString().startsWith("error: " + message);
        assertThat(sorted(CliRun.of("export", "--db", db.toString(), "--format", "nquads").out())).isEqualTo(sorted(before));
    }

    @Test
    void aBatchWithACorruptFileLoadsTheRestAndExits3() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("src/test/resources/formats/hillingdon-learning.html"), in.resolve("1.html"));
        Files.copy(Path.of("src/test/resources/formats/bad/truncated.pdf"), in.resolve("2.pdf"));
        Files.copy(Path.of("src/test/resources/formats/dorset-safeguarding.pdf"), in.resolve("3.pdf"));
        CliRun r = CliRun.of("load", "--db", dir.resolve("db").toString(), in.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).startsWith("loaded 2 reports, 1 failed");
        assertThat(r.err()).contains("error: 2.pdf: ");
    }

    private static List<String> sorted(String s) { return s.lines().sorted().toList(); }
}
