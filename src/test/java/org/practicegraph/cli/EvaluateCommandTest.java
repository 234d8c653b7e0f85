package org.practicegraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicegraph.server.PracticeServer;
import org.practicegraph.store.Store;

/** {@code practice-graph evaluate}: its lines, exit codes and floors. */
class EvaluateCommandTest {
    static final String GOLD = "src/test/resources/gold";
    static final String TOTALS = "initiatives  P=\\d\\.\\d\\d R=\\d\\.\\d\\d F1=\\d\\.\\d\\d \\(tp=\\d+ fp=\\d+ fn=\\d+\\)";
    @TempDir Path dir;

    @Test
    void scoresTheSampleCorpus() {
        CliRun r = CliRun.of("evaluate", "--data", "corpus/sample", "--gold", GOLD);
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(9);
        assertThat(lines.get(0)).matches(TOTALS);
        assertThat(lines.get(4)).isEqualTo("score        accuracy 5/5");
        assertThat(lines.get(8)).matches("OK initiatives-F1=\\d\\.\\d\\d partners-F1=\\d\\.\\d\\d metrics-F1=\\d\\.\\d\\d outcomes-R=\\d\\.\\d\\d");
        assertThat(r.err()).as("the load summary goes to stderr, out of the way of a diff").contains("loaded 5 reports");
    }

    @Test
    void aFigureBelowItsFloorExitsWithFive() {
        CliRun r = CliRun.of("evaluate", "--data", "corpus/sample", "--gold", GOLD, "--min-initiatives", "1.01", "--min-outcomes", "0");
        assertThat(r.code()).isEqualTo(ExitCodes.BELOW_FLOOR).isEqualTo(5);
        assertThat(r.out().lines().reduce((a, b) -> b).orElseThrow()).matches("SHORT initiatives \\d\\.\\d\\d<1\\.01 \\| initiatives-F1=.*");
    }

    @Test
    void verboseListsMissesAndExtrasFirst() {
        CliRun r = CliRun.of("evaluate", "--data", "corpus/sample/003_874a80aed6dcf2ea.txt", "--gold", GOLD, "-v");
        List<String> lines = r.out().lines().toList();
        // as score.py: the verbose lines cover reports the graph holds; absent ones are named on one line
        assertThat(lines.get(lines.size() - 2)).isEqualTo("reports not in the graph: 000_c7a78147fca09e56.txt, "
                + "001_be58087aa61b4f94.txt, 002_69a4ab76882569fd.txt, 004_9ad3562cb36cee7d.txt");
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("miss initiative 000_"));
        int first = lines.indexOf(lines.stream().filter(l -> l.matches(TOTALS)).findFirst().orElseThrow());
        assertThat(lines.subList(0, first)).allMatch(l -> l.startsWith("  miss ") || l.startsWith("  extra "));
    }

    @Test
    void malformedGoldExitsWithThree() throws IOException {
        Files.writeString(dir.resolve("x.json"), "{ \"initiatives\": [] }");
        CliRun r = CliRun.of("evaluate", "--gold", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("error: " + dir.resolve("x.json") + ": missing \"report\"\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void scoresARunningServer() {
        Store store = Store.inMemory();
        Txn.executeWrite(store.dataset(), () -> RDFDataMgr.read(store.dataset(), "src/test/resources/evaluate/graph.trig"));
        PracticeServer server = PracticeServer.create().store(store).port(0).loopback(true).build().start();
        try {
            CliRun r = CliRun.of("evaluate", "--endpoint", server.sparqlUrl(), "--gold", "src/test/resources/evaluate/gold");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out().lines().toList()).startsWith("initiatives  P=0.75 R=0.50 F1=0.60 (tp=3 fp=1 fn=3)")
                    .endsWith("OK initiatives-F1=0.60 partners-F1=0.29 metrics-F1=0.67 outcomes-R=0.50");
        } finally {
            server.stop();
            store.close();
        }
    }

    @Test
    void anEndpointThatDoesNotAnswerExitsWithThree() {
        CliRun r = CliRun.of("evaluate", "--endpoint", "http://localhost:1/practice/sparql", "--gold", GOLD);
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("error: http://localhost:1/practice/sparql: cannot query the endpoint");
    }

    @Test
    void anEndpointWithDataIsAUsageError() {
        CliRun r = CliRun.of("evaluate", "--endpoint", "http://localhost:3030/practice/sparql", "--data", "corpus/sample", "--gold", GOLD);
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--endpoint scores a running server");
    }

    @Test
    void helpShowsTheHeaderAndAnExample() {
        CliRun r = CliRun.of("evaluate", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: practice-graph evaluate", "Score the graph's extraction against gold annotations",
                "Example: practice-graph evaluate --data my-reports/ --gold my-gold/ --verbose", "--min-outcomes=F");
        assertThat(CliRun.of("--help").out()).contains("evaluate");
    }
}
