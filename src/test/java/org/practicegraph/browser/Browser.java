package org.practicegraph.browser;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through Debian's {@code chromedriver}, both named by path so that
 * Selenium Manager never looks for, or downloads, a browser or a driver. Use it as a JUnit extension:
 * <pre>{@code
 * @Tag("browser")
 * class SomePageTest {
 *     @RegisterExtension static final Browser browser = new Browser();
 *     @RegisterExtension static final SampleServer server = new SampleServer();
 *
 *     @Test void opens() {
 *         browser.open(server.url("/doc/..."));
 *         assertThat(browser.byRole("heading", "Some Council").getTagName()).isEqualTo("h1");
 *         browser.followLink("Another resource");
 *         browser.screenshot("some-page");
 *         assertThat(browser.seriousAccessibilityViolations()).isEmpty();
 *     }
 * }
 * }</pre>
 * As an extension it starts one Chromium per test class, aborts the class (loudly, never a silent
 * pass) when a binary is missing, fails a test whose page logged a console error (see
 * {@link #allowConsoleErrors}), and saves {@code target/screenshots/<Class>.<method>-failure.png}
 * when a test fails. Outside JUnit's lifecycle, {@code try (Browser b = Browser.launch()) { ... }}.
 *
 * <p>Finders wait up to {@link #TIMEOUT} for their element; nothing here sleeps.
 */
public final class Browser implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    public static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 900;
    /** How long finders and {@link #waitUntil} wait, unless {@link #timeout(Duration)} says otherwise for a test. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String INSTALL = "apt-get install -y chromium chromium-driver";
    private static final String AXE_RESOURCE = "/browser/axe.min.js";
    private static volatile String axeSource;
    /**
     * Console errors no page causes: Chrome asks for {@code /favicon.ico} on its own, now and then,
     * and the server has none. Always allowed.
     */
    private static final List<Pattern> ALWAYS_ALLOWED = List.of(Pattern.compile("/favicon\\.ico - Failed to load resource"));
    /**
     * Selenium warns "Unable to find CDP implementation matching N" when no selenium-devtools module
     * matches Chromium's version; this harness uses no DevTools bindings (only ChromeDriver's own CDP
     * command endpoint), so the warning is noise. Held here so the setting is not garbage-collected.
     */
    private static final java.util.logging.Logger DEVTOOLS_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    private ChromeDriver driver;
    private Path profile;
    private long launchMillis = -1;
    private long firstPageMillis = -1;
    private final List<LogEntry> console = new ArrayList<>();
    private final List<Pattern> allowedConsole = new ArrayList<>();
    private Duration timeout = TIMEOUT;

    private final Path chromium;
    private final Path chromedriver;

    /** An extension, or a browser not yet started: call {@link #start()} or use {@link #launch()}. */
    public Browser() { this(CHROMIUM, CHROMEDRIVER); }

    /** As {@link #Browser()}, with other binaries (which must still be a matching pair). */
    public Browser(Path chromium, Path chromedriver) {
        this.chromium = Objects.requireNonNull(chromium, "chromium");
        this.chromedriver = Objects.requireNonNull(chromedriver, "chromedriver");
    }

    /** @return a started browser; aborts the calling test when Chromium or ChromeDriver is missing */
    public static Browser launch() {
        Browser b = new Browser();
        b.start();
        return b;
    }

    /** @return the binaries this browser needs and this machine lacks (empty: it can start) */
    public List<Path> missingBinaries() {
        return Stream.of(chromium, chromedriver).filter(p -> !Files.isExecutable(p)).toList();
    }

    /**
     * Starts Chromium. Aborts (JUnit: the test is reported skipped, with this message) when a binary
     * is missing, unless {@code -Dbrowser.required=true}, which makes it a failure.
     */
    public void start() {
        if (driver != null) return;
        List<Path> missing = missingBinaries();
        if (!missing.isEmpty()) {
            String msg = "BROWSER TESTS NOT RUN: missing " + missing.stream().map(Path::toString).collect(Collectors.joining(" and "))
                    + ". Install Debian's matching pair with: " + INSTALL + " (as root; .ci/run does this)";
            System.err.println("\n" + "!".repeat(100) + "\n!! " + msg + "\n" + "!".repeat(100) + "\n");
            if (Boolean.getBoolean("browser.required")) throw new AssertionError(msg);
            Assumptions.abort(msg);
        }
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        long t0 = System.nanoTime();
        try {
            profile = Files.createDirectories(Path.of("target", "browser-profiles", UUID.randomUUID().toString()));
            Files.createDirectories(Path.of("target", "browser"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + WIDTH + "," + HEIGHT,
                "--force-device-scale-factor=1", "--hide-scrollbars", "--lang=en-GB");
        // browser console messages, read back through the driver's log endpoint
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogFile(new File("target/browser/chromedriver.log"))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60)).pageLoadTimeout(Duration.ofSeconds(30));
        // the viewport, not the window, decides what a screenshot holds: pin it
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
        launchMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    /** Quits Chromium and removes its profile directory. */
    @Override public void close() {
        if (driver == null) return;
        try {
            driver.quit();
        } finally {
            driver = null;
            deleteTree(profile);
        }
    }

    // ---- JUnit lifecycle

    /**
     * Starts Chromium for the class. When a binary is missing it does not abort here: JUnit would
     * report an aborted class as no test at all (Surefire: "Tests run: 0"); {@link #beforeEach}
     * aborts each test instead, so each is reported skipped, with the reason.
     */
    @Override public void beforeAll(ExtensionContext context) {
        if (missingBinaries().isEmpty()) start();
    }

    @Override public void afterAll(ExtensionContext context) { close(); }

    @Override public void beforeEach(ExtensionContext context) {
        start(); // no-op when started; aborts this test when a binary is missing
        drainConsole();
        console.clear();
        allowedConsole.clear();
        timeout = TIMEOUT;
    }

    @Override public void afterEach(ExtensionContext context) {
        if (driver == null) return;
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        if (context.getExecutionException().isPresent()) {
            try {
                screenshot(name + "-failure");
            } catch (RuntimeException e) {
                context.getExecutionException().get().addSuppressed(e);
            }
            return;
        }
        assertNoConsoleErrors();
    }

    // ---- navigation and waiting

    /** @return the underlying driver, for anything this class does not wrap */
    public WebDriver driver() { return live(); }

    private ChromeDriver live() {
        if (driver == null) throw new IllegalStateException("browser not started");
        return driver;
    }

    /** Loads a URL and waits until the document has loaded. */
    public Browser open(String url) {
        long t0 = System.nanoTime();
        driver().get(url);
        waitForLoad();
        if (firstPageMillis < 0) firstPageMillis = (System.nanoTime() - t0) / 1_000_000;
        return this;
    }

    /** @return the current URL */
    public String url() { return driver().getCurrentUrl(); }

    /** @return the document title */
    public String title() { return driver().getTitle(); }

    /**
     * Waits until the condition returns neither null nor false, for instance
     * {@code waitUntil(ExpectedConditions.urlContains("/doc/"))}.
     *
     * @return the condition's value
     * @throws TimeoutException after {@link #TIMEOUT}
     */
    public <T> T waitUntil(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver(), timeout).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    /** As {@link #waitUntil(Function)}, with a message for the timeout. */
    public <T> T waitUntil(String what, Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver(), timeout).ignoring(StaleElementReferenceException.class).withMessage(what)
                .until(condition::apply);
    }

    /** Sets how long finders and waits wait, until the end of the current test (as an extension) or for good. */
    public Browser timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    private void waitForLoad() {
        waitUntil("document to load", d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Clicks an element (scrolled into view first, as a person would). */
    public Browser click(WebElement element) {
        element.click();
        return this;
    }

    /**
     * Clicks the link with this accessible name and waits for the new page to load.
     *
     * @return the URL navigated to
     */
    public String followLink(String name) {
        WebElement link = byRole("link", name);
        WebElement html = driver().findElement(By.tagName("html"));
        link.click();
        waitUntil("navigation after clicking link '" + name + "'", ExpectedConditions.stalenessOf(html));
        waitForLoad();
        return url();
    }

    // ---- finding as a person would: by role, accessible name, label, text

    /** Elements that can carry each role implicitly; any element can carry it explicitly. */
    private static final Map<String, String> IMPLICIT = Map.ofEntries(
            Map.entry("link", "a[href],area[href]"),
            Map.entry("button", "button,input[type=button],input[type=submit],input[type=reset],input[type=image],summary"),
            Map.entry("heading", "h1,h2,h3,h4,h5,h6"),
            Map.entry("textbox", "input:not([type]),input[type=text],input[type=email],input[type=tel],input[type=url],textarea"),
            Map.entry("searchbox", "input[type=search]"),
            Map.entry("checkbox", "input[type=checkbox]"),
            Map.entry("radio", "input[type=radio]"),
            Map.entry("combobox", "select,input[list]"),
            Map.entry("listbox", "select[multiple],datalist"),
            Map.entry("option", "option"),
            Map.entry("spinbutton", "input[type=number]"),
            Map.entry("slider", "input[type=range]"),
            Map.entry("img", "img"),
            Map.entry("list", "ul,ol,menu"),
            Map.entry("listitem", "li"),
            Map.entry("table", "table"),
            Map.entry("row", "tr"),
            Map.entry("cell", "td"),
            Map.entry("columnheader", "th"),
            Map.entry("rowheader", "th"),
            Map.entry("navigation", "nav"),
            Map.entry("main", "main"),
            Map.entry("banner", "header"),
            Map.entry("contentinfo", "footer"),
            Map.entry("complementary", "aside"),
            Map.entry("region", "section"),
            Map.entry("form", "form"),
            Map.entry("search", "search"),
            Map.entry("dialog", "dialog"),
            Map.entry("figure", "figure"),
            Map.entry("article", "article"),
            Map.entry("group", "fieldset,details,optgroup"),
            Map.entry("status", "output"),
            Map.entry("progressbar", "progress"),
            Map.entry("meter", "meter"));

    /** Form controls, for {@link #byLabel}. */
    private static final String CONTROLS = "input:not([type=hidden]),select,textarea,[role=textbox],[role=searchbox],[role=combobox],"
            + "[role=checkbox],[role=radio],[role=switch],[role=spinbutton],[role=slider],[role=listbox]";

    /**
     * Visible elements matching a CSS selector whose name-bearing text (aria-label, aria-labelledby,
     * labels, content, alt, title, placeholder, value) contains {@code arguments[1]}, case and spaces
     * aside: a cheap superset, each then checked against Chrome's computed accessible name.
     */
    private static final String CANDIDATES = """
            const [sel, name] = arguments;
            const norm = s => (s == null ? '' : String(s)).replace(/\\s+/g, ' ').trim().toLowerCase();
            const want = name == null ? null : norm(name);
            const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
            return [...document.querySelectorAll(sel)].filter(el => {
              if (!shown(el) || el.closest('[aria-hidden=true]')) return false;
              if (want === null) return true;
              const parts = [el.getAttribute('aria-label'), el.innerText, el.textContent, el.getAttribute('title'),
                             el.getAttribute('alt'), el.getAttribute('placeholder'), el.value];
              (el.getAttribute('aria-labelledby') || '').split(/\\s+/).forEach(id => {
                const r = id && document.getElementById(id); if (r) parts.push(r.textContent); });
              if (el.labels) [...el.labels].forEach(l => parts.push(l.textContent));
              el.querySelectorAll('img[alt]').forEach(i => parts.push(i.alt));
              return parts.some(p => norm(p).includes(want)) || norm(parts.join(' ')).includes(want);
            });""";

    /**
     * @param role an ARIA role ({@code link}, {@code button}, {@code heading}, {@code textbox}, ...)
     * @param name the exact accessible name (whitespace and case aside)
     * @return the first visible element with that computed role and name, waiting up to {@link #TIMEOUT}
     */
    public WebElement byRole(String role, String name) {
        return waitFor(role + " named '" + name + "'", () -> matches(role, name), () -> describeRole(role));
    }

    /** @return the first visible element with that computed role, waiting up to {@link #TIMEOUT} */
    public WebElement byRole(String role) {
        return waitFor(role, () -> matches(role, null), () -> "");
    }

    /** @return every visible element with that computed role, now (no waiting) */
    public List<WebElement> allByRole(String role) { return matches(role, null); }

    /** @return the first visible form control whose accessible name (from its label) is {@code label} */
    public WebElement byLabel(String label) {
        return waitFor("form control labelled '" + label + "'", () -> named(candidates(CONTROLS, label), label), () -> "");
    }

    /** @return the innermost visible element whose text contains {@code text}, waiting up to {@link #TIMEOUT} */
    public WebElement byText(String text) {
        String js = """
                const norm = s => (s || '').replace(/\\s+/g, ' ').trim().toLowerCase();
                const want = norm(arguments[0]);
                const has = el => norm(el.innerText).includes(want);
                const all = [...document.body.querySelectorAll('*')].filter(el => el.getClientRects().length > 0 && has(el));
                return all.filter(el => ![...el.children].some(has));""";
        return waitFor("text '" + text + "'", () -> elements(driver.executeScript(js, text)), () -> "");
    }

    /** @return the text of each visible heading of that level ({@code 1} for {@code h1}), in order */
    public List<String> headings(int level) {
        return driver().findElements(By.tagName("h" + level)).stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    private List<WebElement> matches(String role, String name) {
        String sel = IMPLICIT.containsKey(role) ? IMPLICIT.get(role) + ",[role=" + role + "]" : "[role=" + role + "]";
        List<WebElement> roled = candidates(sel, name).stream().filter(e -> role.equals(e.getAriaRole())).toList();
        return name == null ? roled : named(roled, name);
    }

    private List<WebElement> candidates(String selector, String name) {
        return elements(live().executeScript(CANDIDATES, selector, name));
    }

    private static List<WebElement> named(List<WebElement> es, String name) {
        String want = norm(name);
        return es.stream().filter(e -> norm(e.getAccessibleName()).equals(want)).toList();
    }

    private String describeRole(String role) {
        List<String> names = matches(role, null).stream().map(WebElement::getAccessibleName).limit(30).toList();
        return names.isEmpty() ? "; no " + role + " on the page" : "; " + role + "s on the page: " + names;
    }

    private WebElement waitFor(String what, java.util.function.Supplier<List<WebElement>> find, java.util.function.Supplier<String> hint) {
        try {
            return waitUntil(d -> find.get().stream().findFirst().orElse(null));
        } catch (TimeoutException e) {
            String h;
            try {
                h = hint.get();
            } catch (RuntimeException ignored) {
                h = "";
            }
            throw new NoSuchElementException("no " + what + " on " + url() + " after " + timeout.toMillis() + " ms" + h, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<WebElement> elements(Object scriptResult) {
        return scriptResult == null ? List.of() : (List<WebElement>) scriptResult;
    }

    private static String norm(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    // ---- screenshots

    /**
     * Saves the viewport ({@value #WIDTH}×{@value #HEIGHT}) as {@code target/screenshots/<name>.png}.
     *
     * @return the file
     */
    public Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    // ---- console

    /** A browser console message: level, and Chrome's text (source URL, position, message). */
    public record ConsoleMessage(Level level, String message) {
        @Override public String toString() { return level + " " + message; }
    }

    private void drainConsole() {
        if (driver != null) driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
    }

    /** @return every console message since this test started (or since the browser started) */
    public List<ConsoleMessage> consoleMessages() {
        drainConsole();
        return console.stream().map(e -> new ConsoleMessage(e.getLevel(), e.getMessage())).toList();
    }

    /**
     * @return console errors since the test started: uncaught exceptions, {@code console.error},
     *         failed loads and CSP refusals (Chrome logs all of them as SEVERE), less the allowed ones
     */
    public List<ConsoleMessage> consoleErrors() {
        return consoleMessages().stream().filter(m -> m.level().intValue() >= Level.SEVERE.intValue())
                .filter(m -> Stream.concat(ALWAYS_ALLOWED.stream(), allowedConsole.stream()).noneMatch(p -> p.matcher(m.message()).find()))
                .toList();
    }

    /** Lets console errors matching these patterns (found anywhere in the message) pass, for the current test only. */
    public Browser allowConsoleErrors(String... regexes) {
        for (String r : regexes) allowedConsole.add(Pattern.compile(r));
        return this;
    }

    /** @throws AssertionError listing the console errors, if any */
    public void assertNoConsoleErrors() {
        List<ConsoleMessage> errors = consoleErrors();
        if (!errors.isEmpty())
            throw new AssertionError("browser console errors on " + url() + ":\n  " + errors.stream().map(Object::toString)
                    .collect(Collectors.joining("\n  ")));
    }

    // ---- accessibility

    /**
     * One axe-core rule that failed.
     *
     * @param rule    axe rule id, e.g. {@code color-contrast}
     * @param impact  {@code minor}, {@code moderate}, {@code serious} or {@code critical}
     * @param help    what the rule asks for
     * @param helpUrl Deque's page about the rule
     * @param targets CSS selectors of the offending elements, each with axe's failure summary
     */
    public record Violation(String rule, String impact, String help, String helpUrl, List<String> targets) {
        @Override public String toString() {
            return impact + " " + rule + ": " + help + " (" + targets.size() + " element" + (targets.size() == 1 ? "" : "s") + ")\n    "
                    + String.join("\n    ", targets.stream().limit(5).toList());
        }
    }

    /**
     * Runs axe-core (vendored, {@code src/test/resources/browser/axe.min.js}) on the current page
     * against WCAG 2.x A and AA and axe's best practices.
     *
     * @return every violation, most severe first
     */
    @SuppressWarnings("unchecked")
    public List<Violation> accessibilityViolations() {
        JavascriptExecutor js = live();
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) js.executeScript(axe());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations'],
                                   runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})
                  .then(r => done(r.violations.map(v => ({rule: v.id, impact: v.impact || 'minor', help: v.help, helpUrl: v.helpUrl,
                        targets: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))))
                  .catch(e => done('axe failed: ' + e));""");
        if (result instanceof String s) throw new IllegalStateException(s);
        List<Violation> out = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result)
            out.add(new Violation((String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"), (String) v.get("helpUrl"),
                    ((List<Object>) v.get("targets")).stream().map(Objects::toString).toList()));
        List<String> order = List.of("critical", "serious", "moderate", "minor");
        out.sort(Comparator.comparingInt(v -> order.indexOf(v.impact())));
        return out;
    }

    /** @return the violations of impact serious or critical on the current page */
    public List<Violation> seriousAccessibilityViolations() {
        return accessibilityViolations().stream().filter(v -> v.impact().equals("serious") || v.impact().equals("critical")).toList();
    }

    /** @throws AssertionError listing the serious and critical axe violations of the current page, if any */
    public void assertAccessible() {
        List<Violation> vs = seriousAccessibilityViolations();
        if (!vs.isEmpty())
            throw new AssertionError("serious accessibility violations on " + url() + ":\n  "
                    + vs.stream().map(Object::toString).collect(Collectors.joining("\n  ")));
    }

    private static String axe() {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getResourceAsStream(AXE_RESOURCE)) {
                if (in == null) throw new IllegalStateException("test resource " + AXE_RESOURCE + " missing");
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    // ---- figures

    /** @return milliseconds from {@link #start()} to a ready driver (Chromium and ChromeDriver up), or -1 */
    public long launchMillis() { return launchMillis; }

    /** @return milliseconds the first {@link #open} took, or -1 */
    public long firstPageMillis() { return firstPageMillis; }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover profile under target/ is harmless
        }
    }
}
