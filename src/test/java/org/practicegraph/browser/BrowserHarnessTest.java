package org.practicegraph.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The harness itself, on small pages given as data: URLs (no server). */
@Tag("browser")
class BrowserHarnessTest {
    @RegisterExtension static final Browser browser = new Browser();

    static String page(String body) {
        return "data:text/html;charset=utf-8," + URLEncoder.encode("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body>"
                + body + "</body></html>", StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void findsByRoleLabelAndTextAndWaitsForLateElements() {
        browser.open(page("""
                <main><h1>Search</h1>
                <form><label for="q">Council name</label> <input id="q" type="search">
                <button type="button" aria-label="Run search" id="go">Go</button></form>
                <p>Results appear <span>below</span></p><ul id="out"></ul></main>
                <script>
                document.getElementById('go').addEventListener('click', () =>
                  setTimeout(() => { document.getElementById('out').innerHTML = '<li><a href="#x">Hillingdon</a></li>'; }, 300));
                </script>"""));
        browser.byLabel("Council name").sendKeys("Hill");
        assertThat(browser.byRole("searchbox", "Council name").getAttribute("value")).isEqualTo("Hill");
        assertThat(browser.byText("appear below").getTagName()).isEqualTo("p");
        browser.click(browser.byRole("button", "Run search"));     // the accessible name, not the text "Go"
        assertThat(browser.byRole("link", "Hillingdon").getAttribute("href")).endsWith("#x"); // waited for
        browser.waitUntil(ExpectedConditions.numberOfElementsToBe(org.openqa.selenium.By.cssSelector("#out li"), 1));
        assertThat(browser.allByRole("heading")).hasSize(1);
        browser.timeout(java.time.Duration.ofMillis(500));
        assertThatThrownBy(() -> browser.byRole("button", "Go")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("buttons on the page: [Run search]");
    }

    @Test
    void scriptErrorsReachTheConsoleList() {
        browser.open(page("<main><h1>x</h1></main><script>console.error('boom'); null.f();</script>"));
        assertThat(browser.consoleErrors()).extracting(Browser.ConsoleMessage::message)
                .anySatisfy(m -> assertThat(m).contains("boom"))
                .anySatisfy(m -> assertThat(m).contains("Uncaught TypeError"));
        assertThatThrownBy(browser::assertNoConsoleErrors).isInstanceOf(AssertionError.class);
        browser.allowConsoleErrors("boom", "Uncaught TypeError"); // else the extension fails this test after it
    }

    @Test
    void axeReportsSeriousViolations() {
        browser.open(page("<main><h1>x</h1><img src=\"data:,\"><p style=\"color:#bbb;background:#fff\">faint text</p>"
                + "<input type=\"text\"></main>"));
        assertThat(browser.seriousAccessibilityViolations()).extracting(Browser.Violation::rule)
                .contains("image-alt", "color-contrast", "label");
        assertThatThrownBy(browser::assertAccessible).isInstanceOf(AssertionError.class).hasMessageContaining("image-alt");
        browser.allowConsoleErrors("."); // the empty image may log a load error
    }
}
