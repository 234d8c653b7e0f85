package org.practicegraph.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A server process sent SIGTERM while its background thread loads the embedding model stops the
 * server (which waits for the load) before the JVM's shutdown hooks run, so a library's own hook
 * (ONNX Runtime frees its native environment in one) never pulls the model out from under the load.
 * Without {@link SignalStop}, the probe's stand-in hook runs at once and the load never finishes.
 */
class SignalStopTest {
    @Test
    void sigtermDuringTheModelLoadLetsTheLoadFinishBeforeTheShutdownHooks() throws Exception {
        assumeFalse(System.getProperty("os.name").toLowerCase().contains("win"), "POSIX signals");
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path report;
        try (var files = Files.list(Path.of("corpus/sample"))) {
            report = files.filter(f -> f.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
        }
        Process probe = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
                SignalStopProbe.class.getName(), report.toString()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
                if (line.equals("model loading")) probe.toHandle().destroy();   // SIGTERM, mid-load (Process.destroy would close our end of the pipe)
            }
        } finally {
            if (!probe.waitFor(60, TimeUnit.SECONDS)) probe.destroyForcibly();
        }
        List<String> events = lines.stream().filter(l -> l.startsWith("model ") || l.equals("environment freed")).toList();
        assertThat(events).as("the probe's output:%n%s", String.join("\n", lines))
                .containsExactly("model loading", "model loaded, environment intact", "environment freed");
        assertThat(probe.exitValue()).as("exit status of a JVM ended by SIGTERM").isEqualTo(128 + 15);
    }
}
