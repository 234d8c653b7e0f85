package org.practicegraph.explore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Node;
import org.practicegraph.rdf.Iris;
import org.practicegraph.store.Store;

/**
 * Serves the explorer's pages, their CSV downloads ({@code ?download=QUERY}) and its static files.
 * <pre>
 *   /                       home: counts, authorities by score, type × score heat map, recent loads
 *   /authorities[/ID]       authority index, one authority
 *   /practices[/TYPE]       initiative types, one type with its initiatives and linked practices
 *   /initiatives/ID         one initiative with its evidence and the most similar elsewhere
 *   /partners[/ID]          partner index, one partner
 *   /reports/ID             a report's text with extracted spans highlighted
 *   /search?q=WORDS         full-text search over evidence and labels
 *   /workbench              the SPARQL workbench (YASGUI), with the canned queries as examples
 *   /assets/…               CSS, scripts, the vendored YASGUI
 * </pre>
 * Pages are plain HTML that work without JavaScript (the workbench needs it). Only GET and HEAD.
 */
public final class ExplorerServlet extends HttpServlet {
    /** Explorer pages may load their own scripts and styles, nothing from elsewhere. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /** The servlet path specs it answers ({@code ""} is the root, {@code /}, exactly). */
    public static final List<String> PATHS = List.of("", "/authorities", "/authorities/*", "/practices", "/practices/*",
            "/initiatives/*", "/partners", "/partners/*", "/reports/*", "/search", "/workbench", "/assets/*");
    private static final String YASGUI = "META-INF/resources/webjars/zazuko__yasgui/";

    private final Links links;
    private final Pages pages;
    private final Templates templates = new Templates();
    private final TextSearch search;
    private final PageData data;
    private final List<CannedQueries.Canned> canned;
    private final String yasguiVersion;

    /**
     * @param store  the store to show
     * @param iris   the data IRI scheme it was loaded with
     * @param search full-text search over the store
     */
    public ExplorerServlet(Store store, Iris iris, TextSearch search) {
        this.links = new Links(iris);
        this.data = new PageData(store.dataset(), links);
        this.pages = new Pages(data);
        this.search = search;
        this.canned = CannedQueries.all();
        this.yasguiVersion = webjarVersion();
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = Optional.ofNullable(req.getRequestURI()).orElse("/");
        if (path.startsWith("/assets/")) { asset(path.substring("/assets/".length()), res); return; }
        Pages.Page page = route(path, req);
        if (page == null) { notFound(path, res); return; }
        String download = req.getParameter("download");
        if (download != null) {
            if (!page.downloads().contains(download)) { notFound(path + "?download=" + download, res); return; }
            res.setContentType("text/csv; charset=utf-8");
            res.setHeader("Content-Disposition", "attachment; filename=\"" + download + ".csv\"");
            data.csv(download, page.self(), res.getOutputStream());
            return;
        }
        html(res, 200, page);
    }

    private Pages.Page route(String path, HttpServletRequest req) {
        if (path.equals("/")) return pages.home();
        if (path.equals("/authorities")) return pages.authorities();
        if (path.equals("/practices")) return pages.practices();
        if (path.equals("/partners")) return pages.partners();
        if (path.equals("/search")) return searchPage(req.getParameter("q"));
        if (path.equals("/workbench")) return workbench(req.getParameter("example"));
        Optional<String> iri = links.iri(path);
        if (iri.isEmpty()) return null;
        Node self = Pages.iri(iri.get());
        Function<Node, Pages.Page> page = path.startsWith("/authorities/") ? pages::authority
                : path.startsWith("/practices/") ? pages::practice
                : path.startsWith("/initiatives/") ? pages::initiative
                : path.startsWith("/partners/") ? pages::partner
                : pages::report;
        return page.apply(self);
    }

    private Pages.Page searchPage(String q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", q == null || q.isBlank() ? "Search" : "Search: " + q);
        m.put("q", q == null ? "" : q);
        if (q != null && !q.isBlank()) {
            try {
                List<Map<String, Object>> hits = new ArrayList<>();
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (TextSearch.Hit h : search.find(q.strip(), 50)) {
                    // the same sentence or label can be indexed in several graphs: show it once
                    if (!seen.add(h.subject() + "\n" + h.text())) continue;
                    Map<String, Object> hit = new LinkedHashMap<>();
                    hit.put("text", h.text());
                    hit.put("score", String.format(java.util.Locale.ROOT, "%.2f", h.score()));
                    List<Map<String, Object>> where = data.rows("search-context", Pages.iri(h.subject()));
                    if (where.isEmpty()) hit.put("href", links.page(h.subject()));
                    else hit.putAll(where.get(0));
                    hits.add(hit);
                }
                m.put("hits", hits);
                m.put("count", hits.size());
                m.put("searched", true);
            } catch (IllegalArgumentException e) {
                m.put("error", e.getMessage());
            }
        }
        return new Pages.Page("search", m, List.of(), null);
    }

    private Pages.Page workbench(String example) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "SPARQL workbench");
        m.put("yasgui", "/assets/yasgui/");
        List<Map<String, Object>> examples = new ArrayList<>();
        for (CannedQueries.Canned c : canned) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", c.name());
            e.put("question", c.question());
            e.put("text", c.text());
            e.put("href", "/workbench?example=" + Links.encode(c.name()));
            e.put("csv", "/practice/sparql?format=csv&query=" + Links.encode(c.text()));
            e.put("json", "/practice/sparql?format=json&query=" + Links.encode(c.text()));
            e.put("selected", c.name().equals(example));
            examples.add(e);
        }
        m.put("examples", examples);
        canned.stream().filter(c -> c.name().equals(example)).findFirst().ifPresent(c -> m.put("example", c.text()));
        return new Pages.Page("workbench", m, List.of(), null);
    }

    private void html(HttpServletResponse res, int status, Pages.Page page) throws IOException {
        Map<String, Object> model = new LinkedHashMap<>(page.model());
        model.put("downloads", page.downloads().stream().map(d -> Map.of("name", d, "href", "?download=" + d)).toList());
        model.put("hasDownloads", !page.downloads().isEmpty());
        byte[] body = templates.render(page.template(), model).getBytes(StandardCharsets.UTF_8);
        res.setStatus(status);
        res.setHeader("Content-Security-Policy", CSP);
        res.setContentType("text/html; charset=utf-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    private void notFound(String path, HttpServletResponse res) throws IOException {
        html(res, 404, new Pages.Page("not-found", Map.of("title", "Not found", "path", path), List.of(), null));
    }

    /** Serves {@code explore/assets/NAME} or, under {@code yasgui/}, the vendored YASGUI build. */
    private void asset(String name, HttpServletResponse res) throws IOException {
        if (name.contains("..") || name.startsWith("/")) { res.sendError(404); return; }
        String resource = name.startsWith("yasgui/") ? YASGUI + yasguiVersion + "/build/" + name.substring("yasgui/".length())
                : "explore/assets/" + name;
        try (InputStream in = ExplorerServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) { res.sendError(404); return; }
            res.setContentType(name.endsWith(".css") ? "text/css; charset=utf-8"
                    : name.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : name.endsWith(".svg") ? "image/svg+xml" : "application/octet-stream");
            res.setHeader("Cache-Control", "public, max-age=3600");
            in.transferTo(res.getOutputStream());
        }
    }

    /** @return the version of the YASGUI webjar on the classpath */
    private static String webjarVersion() {
        try (InputStream in = ExplorerServlet.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/zazuko__yasgui/pom.properties")) {
            if (in == null) throw new IllegalStateException("the YASGUI webjar is not on the classpath");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the YASGUI webjar's version", e);
        }
    }
}
