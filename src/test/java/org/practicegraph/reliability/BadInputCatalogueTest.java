package org.practicegraph.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.practicegraph.cli.CliRun;


/**
 * Every case in {@code src/test/resources/bad/catalogue.tsv}, run through {@code load} against a
 * database that already holds a report: one error line naming the file and the problem, the
 * catalogue's exit code, and the database exactly as it was. Odd but valid inputs load.
 */
class BadInputCatalogueTest {
    static final Path BAD = Path.of("src/test/resources/bad");
    @TempDir static Path work;
    static Path db;
    static String before;

    static CliRun run(String... args) { return CliRun.of(args); }

    @BeforeAll
    static void databaseWithOneReport() {
        db = work.resolve("db");
        assertThat(run("load", "--db", db.toString(), "corpus/sample/003_874a80aed6dcf2ea.txt").code()).isZero();
        before = dump();
    }

    static String dump() {
        String[] lines = run("export", "--db", db.toString(), "--format", "nquads").out().split("\n");
        Arrays.sort(lines);
        return String.join("\n", lines);
    }

    static Stream<Arguments> catalogue() throws IOException {
        return Files.readAllLines(BAD.resolve("catalogue.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .map(f -> Arguments.of(f[0], Integer.parseInt(f[1]), f[2]));
    }

    @Test
    void theCatalogueHasAtLeastThirtyCases() throws IOException {
        assertThat(catalogue().count() + /* the cases below */ 5).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void isRefusedWithOneLineAndTheDatabaseUnchanged(String input, int exit, String fragment) {
        Path file = BAD.resolve(input);
        CliRun r = input.startsWith("manifests/")
                ? run("load", "--db", db.toString(), "--manifest", file.toString())
                : run("load", "--db", db.toString(), file.toString());
        assertRefused(r, file, exit, fragment);
    }

    static void assertRefused(CliRun r, Path file, int exit, String fragment) {
        assertThat(r.code()).as(r.err()).isEqualTo(exit);
        List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertThat(errors).as(r.err()).hasSize(1);
        String line = errors.get(0);
        assertThat(line).satisfiesAnyOf(
                l -> assertThat(l).startsWith("error: " + file.getFileName() + ": "),
                l -> assertThat(l).startsWith("error: " + file + ":"));
        assertThat(line).contains(fragment);
        assertThat(r.err()).doesNotContain("\tat ", "Exception");
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsRead() throws IOException {
        Path big = work.resolve("huge.txt");
        try (var out = Files.newOutputStream(big)) {
            byte[] line = "There was a culture of continuous learning and improvement. ".repeat(100).getBytes();
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) out.write(line);
        }
        assertRefused(run("load", "--db", db.toString(), big.toString()), big, 3, "MiB, over the 20 MiB limit for a report");
    }

    @Test
    void aMissingFileOrFolderIsNamed() {
        Path missing = work.resolve("no-such-folder");
        assertRefused(run("load", "--db", db.toString(), missing.toString()), missing, 3, "no such file or folder");
    }

    @Test
    void aSymlinkLoopInAFolderIsNotFollowed() throws IOException {
        Path folder = Files.createDirectories(work.resolve("loop"));
        Files.copy(Path.of("corpus/sample/004_9ad3562cb36cee7d.txt"), folder.resolve("report.txt"));
        Files.createSymbolicLink(folder.resolve("again"), folder);
        CliRun r = run("load", "--db", work.resolve("loopdb").toString(), folder.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("loaded 1 report");
    }

    @Test
    void aDuplicatedReportIsLoadedOnce() {
        Path dbDup = work.resolve("dupdb");
        CliRun r = run("load", "--db", dbDup.toString(), BAD.resolve("duplicate").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err().lines().filter(l -> l.startsWith("error: ")))
                .containsExactly("error: b.txt: same bytes as a.txt in this load: a duplicated report; not loaded twice");
        assertThat(r.out()).contains("loaded 1 report");
    }

    @Test
    void aReportNamingTwoCouncilsEquallyLoadsUnidentifiedWithAWarning() {
        CliRun r = run("load", "--db", work.resolve("twodb").toString(), BAD.resolve("two-councils.txt").toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("warning: two-councils.txt: the council could not be identified");
    }

    @Test
    void oddButValidInputsLoad() {
        CliRun r = run("load", "--db", work.resolve("odd").toString(),
                "src/test/resources/reports/crlf.txt", "src/test/resources/reports/bom.txt");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("loaded 2 reports");
    }
}
