package org.practicegraph.server;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.practicegraph.rdf.Iris;
import org.practicegraph.report.Reports;
import org.practicegraph.store.LoadResult;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /$/admin/load?name=FILE.txt}, body = the report's bytes: loads one report through
 * the normal {@link Loader} (SHACL-validated, one transaction) and answers the load summary as
 * JSON: 200 when it loaded or was already there unchanged, 422 when the report was refused.
 * Only mounted when the server has an {@link AdminPassword}.
 *
 * <p>HTTP Basic as user {@code admin}, else 401 with {@code WWW-Authenticate}; a request carrying
 * an {@code Origin} header (a browser page, possibly another site's) is refused with 403, so cached
 * credentials cannot be ridden from a web page. The body limit is the loader's own per-report limit
 * ({@link Reports#MAX_BYTES}), checked only once the caller is authenticated. Loads run one at a
 * time; after each the derived graphs (score cube, dataset description) are rebuilt.
 */
final class AdminLoadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Where it is mounted, {@value}. */
    static final String PATH = "/$/admin/load";
    /** A plain file name: no path separators, no leading dot, no spaces or control characters. */
    /** A refused request's body is read and dropped up to this size (1 MiB), else the connection is closed. */
    private static final long DRAIN = 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private final transient Store store;
    private final transient Iris iris;
    private final transient AdminPassword password;
    private final transient Runnable afterLoad;
    private transient Loader.Components components;

    AdminLoadServlet(Store store, Iris iris, AdminPassword password, Runnable afterLoad) {
        this.store = requireNonNull(store, "store");
        this.iris = requireNonNull(iris, "iris");
        this.password = requireNonNull(password, "password");
        this.afterLoad = requireNonNull(afterLoad, "afterLoad");
    }

    @Override protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (!password.accepts(req.getHeader("Authorization"))) {
            Headers.drain(req, res, DRAIN);
            res.setHeader("WWW-Authenticate", "Basic realm=\"practice-graph admin\", charset=\"UTF-8\"");
            Headers.text(res, HttpServletResponse.SC_UNAUTHORIZED, "401 Unauthorized: this endpoint needs the admin user name and password (HTTP Basic).\n");
            return;
        }
        if (req.getHeader("Origin") != null) {
            Headers.drain(req, res, DRAIN);
            Headers.text(res, HttpServletResponse.SC_FORBIDDEN, "403 Forbidden: the admin endpoint does not answer requests from web pages (Origin header present).\n");
            return;
        }
        if (!req.getMethod().equals("POST")) {
            res.setHeader("Allow", "POST");
            Headers.text(res, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "405 Method Not Allowed: POST the report's bytes to " + PATH + "?name=FILE.txt\n");
            return;
        }
        String name = nameParameter(req.getQueryString());
        if (name == null || !NAME.matcher(name).matches() || !Reports.isReportFile(Path.of(name))) {
            Headers.drain(req, res, DRAIN);
            Headers.text(res, HttpServletResponse.SC_BAD_REQUEST, "400 Bad Request: ?name= must be a plain report file name "
                    + "(letters, digits, '.', '_', '-'; no path separators; ending .txt, .md, .html or .pdf), e.g. ?name=report.txt\n");
            return;
        }
        long length = req.getContentLengthLong();
        if (length > Reports.MAX_BYTES) {
            Headers.drain(req, res, DRAIN);
            Headers.text(res, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "413 Content Too Large: a report may be at most " + Reports.MAX_BYTES + " bytes\n");
            return;
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes((int) Reports.MAX_BYTES + 1);
        }
        if (body.length > Reports.MAX_BYTES) {
            res.setHeader("Connection", "close");
            Headers.text(res, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "413 Content Too Large: a report may be at most " + Reports.MAX_BYTES + " bytes\n");
            return;
        }
        LoadResult r = load(name, body);
        JsonObject json = new JsonObject();
        json.put("summary", r.summary());
        json.put("ok", r.ok());
        json.put("loaded", array(r.loaded()));
        json.put("skipped", array(r.skipped()));
        json.put("problems", array(r.problems()));
        json.put("warnings", array(r.warnings()));
        res.setHeader("Cache-Control", "no-store");
        res.setContentType("application/json; charset=utf-8");
        res.setStatus(r.ok() ? HttpServletResponse.SC_OK : 422);
        res.getOutputStream().write((JSON.toString(json) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** One load at a time: the loader's skip-if-unchanged check and the derived graphs assume no other writer. */
    private synchronized LoadResult load(String name, byte[] body) throws IOException {
        if (components == null) components = Loader.Components.bundled();
        Path dir = Files.createTempDirectory("practice-graph-upload-");
        Path file = dir.resolve(name);
        try {
            Files.write(file, body);
            LoadResult r = Loader.create().store(store).iris(iris).components(components).build().load(List.of(file));
            if (!r.loaded().isEmpty()) afterLoad.run();
            return r;
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** Read from the query string only: a form-encoded body (curl's default type) must not be parsed as parameters. */
    private static String nameParameter(String query) {
        if (query == null) return null;
        for (String pair : query.split("&")) {
            if (pair.startsWith("name=")) {
                try {
                    return java.net.URLDecoder.decode(pair.substring(5), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static JsonArray array(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
