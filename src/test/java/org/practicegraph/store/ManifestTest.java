package org.practicegraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestTest {
    @TempDir Path dir;

    private Path manifest(String... rows) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "# Safeguarding\n\nScore: 3\n\nText.\n");
        Path csv = dir.resolve("manifest.csv");
        Files.writeString(csv, "file,authority,gss,published,url\n" + String.join("\n", rows) + "\n");
        return csv;
    }

    @Test
    void readsRowsWithEmptyCellsAsUnknown() throws IOException {
        Manifest m = Manifest.read(manifest("a.txt,Hillingdon,E09000017,2024-06-21,https://www.cqc.org.uk/x"));
        Manifest.Entry e = m.entry(Path.of("a.txt")).orElseThrow();
        assertThat(e.authority()).isEqualTo("Hillingdon");
        assertThat(e.gss()).isEqualTo("E09000017");
        assertThat(e.published()).isEqualTo(LocalDate.of(2024, 6, 21));
        assertThat(e.file()).isEqualTo(dir.resolve("a.txt"));
        assertThat(Manifest.read(manifest("a.txt,,,,")).entries().get(0).authority()).isNull();
    }

    @Test
    void theBundledSampleManifestReads() {
        assertThat(Manifest.read(Path.of("corpus/sample/manifest.csv")).entries()).hasSize(5);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "a.txt,Hillingdon,E09000017|manifest.csv:2: expected 5 columns, found 3",
            "missing.txt,,,,|manifest.csv:2: file missing.txt does not exist",
            "../../etc/passwd,,,,|manifest.csv:2: file ../../etc/passwd is outside the manifest's folder",
            "a.txt,Hillingdon,X123,,|manifest.csv:2: gss 'X123' is not an English council GSS code (e.g. E09000017)",
            "a.txt,,,21/06/2024,|manifest.csv:2: published '21/06/2024' is not a date (YYYY-MM-DD)",
            "a.txt,,,,ftp://x|manifest.csv:2: url 'ftp://x' is not an http(s) URL",
            ",,,,|manifest.csv:2: no file name"})
    void badRowsAreRefusedWithFileLineAndProblem(String row, String message) throws IOException {
        Path csv = manifest(row);
        assertThatThrownBy(() -> Manifest.read(csv)).isInstanceOf(ManifestException.class)
                .hasMessage(dir.resolve(message.substring(0, message.indexOf(':'))) + message.substring(message.indexOf(':')));
    }

    @Test
    void wrongHeaderIsRefused() throws IOException {
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "name,council\na.txt,X\n");
        assertThatThrownBy(() -> Manifest.read(csv)).hasMessageContaining("m.csv:1: header must be file,authority,gss,published,url");
    }

    @Test
    void aHeaderWithALineBreakInAQuotedNameGivesAOneLineMessage() throws IOException {
        // found by the fuzzer: the CSV library's message quotes the header, line break and all
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "\",p,\nl,\",p,\n");
        assertThatThrownBy(() -> Manifest.read(csv)).isInstanceOf(ManifestException.class)
                .hasMessageStartingWith(csv + ": cannot read manifest").hasMessageContaining("p,\\nl,").hasMessageNotContaining("\n");
    }
}
