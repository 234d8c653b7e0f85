package org.practicegraph.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicegraph.server.PracticeServer;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/**
 * The Java scorer and the reference score.py, run on the same graph served over HTTP, print the
 * same figures and name the same misses and extras. An agreement test, not a quality test: it holds
 * whatever the extractor produces.
 */
class ScorePyAgreementTest {
    static final Path SCORE_PY = Path.of("src/test/resources/gold/score.py");
    static Store sample, fixture;
    static PracticeServer sampleServer, fixtureServer;
    @TempDir Path tmp;

    @BeforeAll
    static void start() {
        sample = Store.inMemory();
        Loader.create().store(sample).build().load(List.of(Path.of("corpus/sample")));
        sampleServer = PracticeServer.create().store(sample).port(0).loopback(true).build().start();
        fixture = EvaluatorTest.fixtureStore();
        fixtureServer = PracticeServer.create().store(fixture).port(0).loopback(true).build().start();
    }

    @AfterAll
    static void stop() {
        sampleServer.stop();
        fixtureServer.stop();
        sample.close();
        fixture.close();
    }

    @Test
    void agreeOnTheSampleCorpus() throws Exception {
        assertAgreement(sample, sampleServer, Path.of("src/test/resources/gold"));
    }

    @Test
    void agreeOnTheHandMadeFixture() throws Exception {
        assertAgreement(fixture, fixtureServer, EvaluatorTest.DIR.resolve("gold"));
    }

    private void assertAgreement(Store store, PracticeServer server, Path gold) throws Exception {
        assumeTrue(pythonAvailable(), "python3 is not installed");
        List<String> python = scorePy(server.sparqlUrl(), gold);
        List<GoldReport> golds = GoldReport.readFolder(gold);
        Evaluation local = Evaluator.evaluate(Sparql.of(store.dataset()), golds);

        assertThat(python.stream().filter(l -> !l.startsWith("  ")).toList())
                .as("score.py's totals and summary").isEqualTo(local.lines(false, Evaluation.Floors.NONE));
        assertThat(python.stream().filter(l -> l.startsWith("  miss ")).sorted().toList())
                .as("misses").isEqualTo(local.misses().stream().sorted().toList());
        assertThat(python.stream().filter(l -> l.startsWith("  extra ")).sorted().toList())
                .as("extras").isEqualTo(local.extras().stream().sorted().toList());
        // and the same scorer over HTTP sees what it sees in the store
        assertThat(Evaluator.evaluate(Sparql.endpoint(server.sparqlUrl()), golds)).isEqualTo(local);
    }

    /** @return score.py's standard output lines, verbose, with no floors */
    private List<String> scorePy(String endpoint, Path gold) throws IOException, InterruptedException {
        Path err = tmp.resolve("score.py.err");
        ProcessBuilder pb = new ProcessBuilder("python3", SCORE_PY.toString(), "--endpoint", endpoint,
                "--gold", gold.toString(), "-v").redirectError(err.toFile());
        pb.environment().put("PYTHONIOENCODING", "utf-8"); // repr() of labels may hold any character
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("score.py did not finish in 120 s");
        }
        assertThat(p.exitValue()).as("score.py exit status; stderr: " + Files.readString(err)).isZero();
        return out.join().lines().toList();
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
