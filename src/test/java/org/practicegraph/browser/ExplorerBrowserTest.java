package org.practicegraph.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The explorer in a real Chromium on the sample corpus: the click path a policy reader takes
 * (home → practice → authority → evidence → report), the workbench running a canned query, every
 * page kind screenshotted (target/screenshots/explorer-*.png) and checked with axe-core, and
 * keyboard use. Console errors fail a test (the {@link Browser} extension checks after each).
 */
@Tag("browser")
class ExplorerBrowserTest {
    @RegisterExtension static final Browser browser = new Browser();
    @RegisterExtension static final SampleServer server = new SampleServer();

    private void clickAndWait(WebElement link) {
        WebElement html = browser.driver().findElement(By.tagName("html"));
        browser.click(link);
        browser.waitUntil("the next page", ExpectedConditions.stalenessOf(html));
        browser.waitUntil("the page's heading", ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    @Test
    void homeToPracticeToAuthorityToEvidenceToReport() {
        browser.open(server.url("/"));
        assertThat(browser.headings(1)).containsExactly("Practice Graph");
        browser.screenshot("explorer-home");

        clickAndWait(browser.driver().findElement(By.cssSelector("table.heatmap a[href='/practices/co-production']")));
        assertThat(browser.url()).endsWith("/practices/co-production");
        assertThat(browser.headings(1)).containsExactly("Co-production");
        browser.screenshot("explorer-practice");
        // linked practices: similar initiatives of other councils, with their scores
        WebElement linked = browser.driver().findElement(By.id("linked"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()", linked);
        assertThat(linked.findElements(By.cssSelector("li a[href^='/initiatives/']"))).isNotEmpty();
        assertThat(linked.findElements(By.cssSelector(".similarity")).get(0).getText()).matches("similarity 0\\.\\d+|similarity 1(\\.0+)?");
        browser.screenshot("explorer-practice-linked");

        WebElement authority = browser.driver().findElement(By.cssSelector("#where tbody td a[href^='/authorities/']"));
        String name = authority.getText();
        clickAndWait(authority);
        assertThat(browser.headings(1)).containsExactly(name);
        browser.screenshot("explorer-authority");

        WebElement evidence = browser.driver().findElement(By.cssSelector("#initiatives blockquote.evidence"));
        String quote = evidence.findElement(By.tagName("p")).getText();
        clickAndWait(evidence.findElement(By.linkText("Show in report")));
        assertThat(browser.url()).matches(".*/reports/[^#]+#s-\\d+-\\d+");
        // the script lights up the whole sentence the link points to
        List<WebElement> current = browser.waitUntil("the evidence sentence highlighted",
                d -> { List<WebElement> m = d.findElements(By.cssSelector("mark.current")); return m.isEmpty() ? null : m; });
        String lit = String.join("", current.stream().map(WebElement::getText).toList());
        assertThat(lit.replaceAll("\\s+", " ").strip()).isEqualTo(quote.replaceAll("\\s+", " ").strip());
        browser.screenshot("explorer-report");
    }

    /** Some tab's results (each YASGUI tab has its own, hidden unless active) show {@code text}. */
    private static java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> resultsMention(String text) {
        return d -> d.findElements(By.cssSelector(".yasr")).stream().anyMatch(e -> e.isDisplayed() && e.getText().contains(text)) ? true : null;
    }

    @Test
    void workbenchRunsACannedQuery() {
        browser.timeout(Duration.ofSeconds(30));
        browser.open(server.url("/workbench"));
        browser.waitUntil("YASGUI", ExpectedConditions.presenceOfElementLocated(By.cssSelector(".yasqe .CodeMirror")));
        browser.click(browser.driver().findElement(By.cssSelector("a.example[data-name='authorities-by-score']")));
        // a shareable URL names the example
        assertThat(browser.url()).endsWith("/workbench?example=authorities-by-score");
        WebElement table = browser.waitUntil("the query's results",
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".yasr table.dataTable tbody tr")));
        assertThat(table).isNotNull();
        browser.waitUntil("Hillingdon in the results", resultsMention("Hillingdon"));
        browser.screenshot("explorer-workbench");
        // opening the shared URL in a fresh page runs the same example
        browser.open(server.url("/workbench?example=authorities-by-score"));
        browser.waitUntil("the shared query's results",
                resultsMention("Hillingdon"));
    }

    @Test
    void everyPageKindIsAccessible() {
        String initiative = server.select("""
                SELECT ?i WHERE { ?i pg:deliveredBy <https://w3id.org/practice-graph/id/authority/hillingdon> ; pg:partner ?p } LIMIT 1""")
                .get(0).get("i").replaceFirst(".*/id/initiative/", "/initiatives/");
        String partner = server.select("SELECT ?p WHERE { ?i pg:partner ?p } LIMIT 1").get(0).get("p").replaceFirst(".*/id/partner/", "/partners/");
        for (String[] page : List.of(new String[] {"home", "/"}, new String[] {"authorities", "/authorities"},
                new String[] {"authority", "/authorities/hillingdon"}, new String[] {"practices", "/practices"},
                new String[] {"practice", "/practices/co-production"}, new String[] {"initiative", initiative},
                new String[] {"partners", "/partners"}, new String[] {"partner", partner},
                new String[] {"report", "/reports/003_874a80aed6dcf2ea"}, new String[] {"search", "/search?q=apprenticeships"})) {
            browser.open(server.url(page[1]));
            browser.screenshot("explorer-" + page[0]);
            List<Browser.Violation> all = browser.accessibilityViolations();
            all.forEach(v -> System.out.println("axe " + page[1] + ": " + v));
            assertThat(browser.seriousAccessibilityViolations()).as(page[1]).isEmpty();
        }
    }

    @Test
    void keyboardReachesContentAndSortsTables() {
        browser.open(server.url("/practices/co-production"));
        WebElement body = browser.driver().findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        WebElement skip = browser.driver().switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Skip to content");
        skip.sendKeys(Keys.ENTER);
        assertThat(browser.url()).endsWith("#main");
        // a header button sorts the table and says so
        WebElement sortByAuthority = browser.driver().findElement(By.cssSelector("#where thead th:first-child button.sort"));
        sortByAuthority.sendKeys(Keys.ENTER);
        WebElement th = browser.driver().findElement(By.cssSelector("#where thead th:first-child"));
        assertThat(th.getAttribute("aria-sort")).isEqualTo("ascending");
        List<String> names = browser.driver().findElements(By.cssSelector("#where tbody td:first-child")).stream().map(WebElement::getText).toList();
        assertThat(names).isSortedAccordingTo(String::compareToIgnoreCase);
    }
}
