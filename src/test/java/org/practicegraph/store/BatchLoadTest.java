package org.practicegraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a folder of reports (issue 4): failures never stop the batch; an unchanged re-run is a no-op. */
class BatchLoadTest {
    static Loader.Components components;

    @BeforeAll
    static void components() { components = Loader.Components.bundled(); }

    /** Five reports in three formats, with a truncated PDF in the middle (by name order). */
    private static Path batch(Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("reports"));
        Files.copy(Path.of("corpus/sample/000_c7a78147fca09e56.txt"), in.resolve("a-000.txt"));
        Files.copy(Path.of("src/test/resources/formats/dorset-summary.html"), in.resolve("b-dorset-summary.html"));
        Files.copy(Path.of("src/test/resources/formats/bad/truncated.pdf"), in.resolve("c-corrupt.pdf"));
        Files.copy(Path.of("src/test/resources/formats/dorset-safeguarding.pdf"), in.resolve("d-dorset-safeguarding.pdf"));
        Files.copy(Path.of("corpus/sample/004_9ad3562cb36cee7d.txt"), in.resolve("e-004.txt"));
        return in;
    }

    @Test
    void aCorruptFileInTheMiddleIsReportedAndTheOthersLoad(@TempDir Path dir) throws IOException {
        Path in = batch(dir);
        List<String> steps = new ArrayList<>();
        try (Store store = Store.open(dir.resolve("db"))) {
            LoadResult r = Loader.create().store(store).components(components).progress(new Loader.Progress() {
                @Override public void start(int files) { steps.add("start " + files); }
                @Override public void step(String file) { steps.add(file); }
            }).build().load(List.of(in));
            assertThat(r.loaded()).containsExactly("a-000.txt", "b-dorset-summary.html", "d-dorset-safeguarding.pdf", "e-004.txt");
            assertThat(r.problems()).singleElement().asString().startsWith("c-corrupt.pdf: ").doesNotContain("\n");
            assertThat(steps).containsExactly("start 5", "a-000.txt", "b-dorset-summary.html", "c-corrupt.pdf",
                    "d-dorset-safeguarding.pdf", "e-004.txt");
            assertThat(store.graphNames()).noneMatch(g -> g.contains("c-corrupt"));
            assertThat(r.summary()).startsWith("loaded 4 reports, 1 failed");
        }
    }

    @Test
    void reRunningTheSameBatchIsANoOpThatSaysSo(@TempDir Path dir) throws IOException {
        Path in = batch(dir);
        Files.delete(in.resolve("c-corrupt.pdf"));
        try (Store store = Store.open(dir.resolve("db"))) {
            Loader loader = Loader.create().store(store).components(components).build();
            assertThat(loader.load(List.of(in)).loaded()).hasSize(4);
            String before = nquads(store);
            LoadResult again = loader.load(List.of(in));
            assertThat(again.loaded()).isEmpty();
            assertThat(again.skipped()).containsExactly("a-000.txt", "b-dorset-summary.html", "d-dorset-safeguarding.pdf", "e-004.txt");
            assertThat(again.noOp()).isTrue();
            assertThat(again.summary()).isEqualTo(
                    "loaded 0 reports, 4 unchanged (skipped); nothing to do, the database already holds these reports unchanged");
            assertThat(nquads(store)).isEqualTo(before);

            // a changed file is reloaded, the rest stay skipped
            Files.writeString(in.resolve("e-004.txt"), Files.readString(in.resolve("e-004.txt")) + "\nStaff told us the new rota worked well.\n");
            LoadResult third = loader.load(List.of(in));
            assertThat(third.loaded()).containsExactly("e-004.txt");
            assertThat(third.skipped()).hasSize(3);
        }
    }

    @Test
    void aChangedManifestRowReloadsAnUnchangedFile(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("r"));
        Files.copy(Path.of("corpus/sample/003_874a80aed6dcf2ea.txt"), in.resolve("h.txt"));
        Files.writeString(in.resolve("manifest.csv"), "file,authority,gss,published,url\nh.txt,Hillingdon,,2024-06-21,\n");
        Store store = Store.inMemory();
        Loader loader = Loader.create().store(store).components(components).build();
        assertThat(loader.load(List.of(in)).loaded()).containsExactly("h.txt");
        assertThat(loader.load(List.of(in)).skipped()).containsExactly("h.txt");
        Files.writeString(in.resolve("manifest.csv"), "file,authority,gss,published,url\nh.txt,Hillingdon,,2024-07-01,\n");
        assertThat(loader.load(List.of(in)).loaded()).containsExactly("h.txt");
    }

    private static String nquads(Store store) {
        return Txn.calculateRead(store.dataset(), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, store.dataset(), RDFFormat.NQUADS);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().sorted().reduce("", (a, b) -> a + b + "\n");
        });
    }
}
