package org.practicegraph.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Without Chromium or its driver, browser tests abort (reported skipped, saying why): they never pass silently. Needs no browser. */
class BrowserAbortTest {
    @Test
    void missingBinaryAbortsNamingItAndTheInstallCommand() {
        Browser b = new Browser(Path.of("/nonexistent/chromium"), Path.of("/bin/sh")); // any executable: start() stops before using it
        assertThat(b.missingBinaries()).containsExactly(Path.of("/nonexistent/chromium"));
        assertThatThrownBy(b::start).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("/nonexistent/chromium").hasMessageContaining("apt-get install -y chromium chromium-driver");
        b.close();
    }

    @Test
    void bothMissingAreNamed() {
        Browser b = new Browser(Path.of("/nonexistent/chromium"), Path.of("/nonexistent/chromedriver"));
        assertThatThrownBy(b::start).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("/nonexistent/chromium and /nonexistent/chromedriver");
    }
}
