package org.practicegraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code serve}'s options: listed in the help, refused with a message naming the option when out of range. */
class ServeCommandTest {
    @Test
    void helpListsTheAdmissionControlOptions() {
        CliRun r = CliRun.of("serve", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out().replaceAll("\\s+", " ")).contains("--max-concurrent-queries=N", "--max-queued=N", "--queue-timeout=SECONDS",
                "--result-cache=MiB", "Default: the number of processors, at least 2.");
    }

    // A value wrongly accepted would start the server and never return: the timeout turns that into a failure.
    @Timeout(60)
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "--max-concurrent-queries|0|--max-concurrent-queries: max concurrent queries must be 1 to 10000 (got 0)",
            "--max-concurrent-queries|-4|--max-concurrent-queries: max concurrent queries must be 1 to 10000 (got -4)",
            "--max-queued|-1|--max-queued: max queued must be 0 to 10000, each waiting request holds a thread (got -1)",
            "--queue-timeout|0|--queue-timeout: queue timeout must be positive (got 0 s)",
            "--timeout|0|--timeout: timeout must be positive",
            "--port|70000|--port: port 70000 is not 0-65535",
            "--max-results|0|--max-results: max results must be positive (got 0)",
            "--max-body|-1|--max-body: max body must be positive (got -1)",
            "--result-cache|-1|--result-cache: must be 0 to 1048576 MiB (got -1)"})
    void anOptionOutOfRangeIsBadInputNamingTheOption(String option, String value, String message) {
        CliRun r = option.equals("--port") ? CliRun.of("serve", "--localhost", option, value)
                : CliRun.of("serve", "--port", "0", "--localhost", option, value);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: " + message);
    }
}
