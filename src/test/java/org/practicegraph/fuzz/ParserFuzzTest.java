package org.practicegraph.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.practicegraph.report.Report;
import org.practicegraph.report.ReportException;
import org.practicegraph.report.Reports;
import org.practicegraph.report.Sentence;
import org.practicegraph.store.Manifest;
import org.practicegraph.store.ManifestException;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the report parser and the manifest reader: whatever the bytes, they either give a result
 * whose offsets hold, or refuse with their own exception naming the file. Anything else (an
 * IndexOutOfBounds, a NullPointerException, a hang) is a bug.
 *
 * <p>Plain {@code mvn verify} replays the seeds in {@code src/test/resources/org/practicegraph/fuzz/};
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration} ({@code .ci/run} does a short pass). A crash
 * Jazzer finds is written there as a new seed: commit it as a regression fixture.
 */
class ParserFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void reportParser(FuzzedDataProvider data) {
        String name = data.pickValue(new String[] {"fuzz.txt", "fuzz.md", "fuzz.html"});
        byte[] bytes = data.consumeRemainingAsBytes();
        try {
            Report r = Reports.parse(name, bytes);
            // A summary page carries the overall rating and no score of its own.
            if (r.isSummary()) assertThat(r.score()).isZero();
            else assertThat(r.score()).isBetween(1, 4);
            for (Sentence s : r.sentences()) assertThat(r.text().substring(s.start(), s.end())).isEqualTo(s.text());
        } catch (ReportException e) {
            assertThat(e.getMessage()).startsWith(name + ": ").doesNotContain("\n");
        }
    }

    @FuzzTest(maxDuration = "30s")
    void manifestReader(FuzzedDataProvider data) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-manifest");
        try {
            Files.writeString(dir.resolve("a.txt"), "# Safeguarding\n\nScore: 3\n\nText.\n");
            Path csv = dir.resolve("manifest.csv");
            Files.write(csv, data.consumeRemainingAsBytes());
            try {
                Manifest m = Manifest.read(csv);
                for (Manifest.Entry e : m.entries()) assertThat(e.file().normalize()).startsWith(dir);
            } catch (ManifestException e) {
                assertThat(e.getMessage()).startsWith(csv.toString()).doesNotContain("\n");
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
