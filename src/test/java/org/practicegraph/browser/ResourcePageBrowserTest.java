package org.practicegraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The linked-data HTML pages ({@code /doc/...}, {@code ResourcePage}) in a real Chromium: an
 * authority's page, a click through to one of its initiatives, screenshots, and axe-core.
 */
@Tag("browser")
class ResourcePageBrowserTest {
    // the browser first: without Chromium the class aborts before the corpus is loaded
    @RegisterExtension static final Browser browser = new Browser();
    @RegisterExtension static final SampleServer server = new SampleServer();
    static final long CLASS_START = System.nanoTime();

    /** An authority with a label, and an initiative it delivers, also labelled. */
    static Map<String, String> authorityAndInitiative() {
        List<Map<String, String>> rows = server.select("""
                SELECT ?authority ?name ?initiative ?title WHERE {
                  ?authority a pg:LocalAuthority ; rdfs:label ?name .
                  ?initiative pg:deliveredBy ?authority ; rdfs:label ?title .
                } ORDER BY ?authority ?initiative LIMIT 1""");
        assertThat(rows).as("an authority delivering a labelled initiative in corpus/sample").hasSize(1);
        return rows.get(0);
    }

    @Test
    void authorityPageLinksToItsInitiative() {
        Map<String, String> row = authorityAndInitiative();
        browser.open(server.docUrl(row.get("authority")));
        System.out.printf("browser figures: Chromium+driver start %d ms, first page %d ms, sample server start %d ms%n",
                browser.launchMillis(), browser.firstPageMillis(), server.startMillis());

        assertThat(browser.byRole("heading", row.get("name")).getTagName()).isEqualTo("h1");
        assertThat(browser.headings(1)).containsExactly(row.get("name"));
        assertThat(browser.title()).startsWith(row.get("name"));
        assertThat(browser.byRole("heading", "Referenced by").getTagName()).isEqualTo("h2");
        browser.screenshot("resource-authority");

        String landed = browser.followLink(row.get("title"));
        // /id/X answers 303 to /doc/X: the browser ends on the document
        assertThat(landed).isEqualTo(server.docUrl(row.get("initiative")));
        browser.waitUntil(ExpectedConditions.titleContains(row.get("title")));
        assertThat(browser.headings(1)).containsExactly(row.get("title"));
        // and the initiative's page links back to the authority
        assertThat(browser.byRole("link", row.get("name")).getAttribute("href")).endsWith(
                "/id/" + row.get("authority").substring("https://w3id.org/practice-graph/id/".length()));
        browser.screenshot("resource-initiative");
    }

    @Test
    void resourcePagesHaveNoSeriousAccessibilityViolations() {
        Map<String, String> row = authorityAndInitiative();
        for (String iri : List.of(row.get("authority"), row.get("initiative"))) {
            browser.open(server.docUrl(iri));
            List<Browser.Violation> all = browser.accessibilityViolations();
            System.out.println("axe on " + browser.url() + ": " + (all.isEmpty() ? "no violations" : all.size() + " violations"));
            all.forEach(v -> System.out.println("  " + v));
            browser.assertAccessible(); // none serious or critical: the rule for every page
            // stricter for these pages, which have none at all since they gained <main>: keep it so
            assertThat(all).as("axe violations of any impact").isEmpty();
        }
    }

    @Test
    void consoleErrorsAreCaught() {
        browser.open(server.url("/doc/no-such-thing"));
        // a 404 for the document itself is logged by Chrome as a console error: the harness sees it
        assertThat(browser.consoleErrors()).anySatisfy(m -> assertThat(m.message()).contains("404"));
        browser.allowConsoleErrors("404 \\(Not Found\\)");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @AfterAll
    static void figures() {
        System.out.printf("browser figures: test class %d ms%n", (System.nanoTime() - CLASS_START) / 1_000_000);
    }
}
