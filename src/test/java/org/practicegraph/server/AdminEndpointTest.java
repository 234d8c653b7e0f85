package org.practicegraph.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.practicegraph.cli.Main;
import org.practicegraph.store.Store;

/** Issue 6, part 4: the optional authenticated admin endpoint, POST /$/admin/load, over HTTP. */
class AdminEndpointTest {
    static final String PASSWORD = "correct horse battery staple";
    static final Path REPORT = Path.of("corpus/sample/004_9ad3562cb36cee7d.txt");
    static final String REPORT_GRAPH = "https://w3id.org/practice-graph/id/graph/report/004_9ad3562cb36cee7d";
    static final HttpClient http = HttpClient.newHttpClient();

    /**
     * A client of its own for each request that sends a body: the server may close a connection after
     * refusing a body it did not read, and a pooled connection closed that way fails the next request
     * before any answer ("header parser received no bytes").
     */
    static HttpClient fresh() { return HttpClient.newHttpClient(); }

    @TempDir static Path dir;
    static PracticeServer server;
    static PracticeServer closed;
    static Store store;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        Path file = dir.resolve("admin-password");
        Files.writeString(file, PASSWORD + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        store = Store.inMemory();
        server = PracticeServer.create().store(store).port(0).loopback(true).adminPassword(AdminPassword.read(file)).build().start();
        base = "http://localhost:" + server.port();
        closed = PracticeServer.create().store(Store.inMemory()).port(0).loopback(true).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        closed.stop();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> upload(String name, byte[] body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/$/admin/load" + (name == null ? "" : "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8))))
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) b.header("Authorization", authorization);
        return fresh().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static boolean hasReport() throws Exception {
        String ask = "ASK { GRAPH <" + REPORT_GRAPH + "> { ?s ?p ?o } }";
        return http.send(HttpRequest.newBuilder(URI.create(base + "/practice/sparql?query=" + URLEncoder.encode(ask, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").GET().build(), HttpResponse.BodyHandlers.ofString()).body().contains("true");
    }

    @Test
    void withoutThePasswordFileThePathIs404() throws Exception {
        HttpResponse<String> r = fresh().send(HttpRequest.newBuilder(URI.create("http://localhost:" + closed.port() + "/$/admin/load?name=a.txt"))
                .header("Authorization", basic("admin", PASSWORD)).POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void aReportUploadedWithTheRightPasswordIsLoadedAndSummarised() throws Exception {
        byte[] bytes = Files.readAllBytes(REPORT);
        HttpResponse<String> r = upload("004_9ad3562cb36cee7d.txt", bytes, basic("admin", PASSWORD));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.body()).contains("\"loaded\" : [ \"004_9ad3562cb36cee7d.txt\" ]").contains("\"ok\" : true").contains("\"summary\" : \"loaded 1 report");
        assertThat(hasReport()).isTrue();
        // the derived graphs follow: the score cube now has an observation for the report
        assertThat(store.graphNames()).contains(REPORT_GRAPH);
        HttpResponse<String> again = upload("004_9ad3562cb36cee7d.txt", bytes, basic("admin", PASSWORD));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"skipped\" : [ \"004_9ad3562cb36cee7d.txt\" ]");
    }

    @Test
    void aBrokenReportIsRefusedWith422AndChangesNothing() throws Exception {
        List<String> before = reportGraphs();
        HttpResponse<String> r = upload("broken.txt", "   \n\n".getBytes(StandardCharsets.UTF_8), basic("admin", PASSWORD));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("\"ok\" : false").contains("broken.txt");
        assertThat(r.body()).contains("broken.txt: ");
        assertThat(reportGraphs()).isEqualTo(before);
    }

    static List<String> reportGraphs() {
        return store.graphNames().stream().filter(g -> g.contains("/graph/report/")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "a/b.txt", "a\\b.txt", "/etc/passwd", ".hidden.txt", "report.exe", "", "x y.txt", "..", "%2e%2e%2fx.txt"})
    void unsafeOrUnknownFileNamesAre400(String name) throws Exception {
        HttpResponse<String> r = upload(name, "Overall score: 3".getBytes(StandardCharsets.UTF_8), basic("admin", PASSWORD));
        assertThat(r.statusCode()).as(name).isEqualTo(400);
        assertThat(r.body()).contains("no path separators");
    }

    @Test
    void aMissingNameIs400() throws Exception {
        assertThat(upload(null, new byte[] {1}, basic("admin", PASSWORD)).statusCode()).isEqualTo(400);
    }

    @Test
    void wrongOrMissingCredentialsAre401WithAChallenge() throws Exception {
        byte[] bytes = Files.readAllBytes(REPORT);
        for (String auth : new String[] {null, basic("admin", "wrong"), basic("root", PASSWORD), basic("admin", PASSWORD + "x"),
                "Basic !!!not-base64", "Bearer " + PASSWORD, basic("admin", "")}) {
            HttpResponse<String> r = upload("other.txt", bytes, auth);
            assertThat(r.statusCode()).as(String.valueOf(auth)).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic realm=");
            assertThat(r.body()).doesNotContain(PASSWORD);
        }
        assertThat(store.graphNames()).noneMatch(g -> g.endsWith("/other"));
    }

    @Test
    void aRequestFromAWebPageIsRefused() throws Exception {
        HttpResponse<String> r = fresh().send(HttpRequest.newBuilder(URI.create(base + "/$/admin/load?name=x.txt"))
                .header("Authorization", basic("admin", PASSWORD)).header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("Overall score: 3")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void onlyPostIsAccepted() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/$/admin/load?name=x.txt"))
                .header("Authorization", basic("admin", PASSWORD)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
    }

    @Test
    void sparqlUpdateStaysClosedWithAdminOn() throws Exception {
        for (String path : List.of("/practice/update", "/practice/sparql", "/practice", "/$/admin/update", "/$/admin/load")) {
            // A fresh client each time: the server may close a connection after refusing a body it did not
            // read, and a pooled connection closed that way fails the next POST before any answer.
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic("admin", PASSWORD))
                    .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:x> <urn:y> <urn:z> }")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isBetween(400, 499);
        }
        assertThat(store.graphNames()).noneMatch(g -> g.startsWith("urn:"));
        String ask = "ASK { <urn:x> ?p ?o }";
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/practice/sparql?query=" + URLEncoder.encode(ask, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").GET().build(), HttpResponse.BodyHandlers.ofString()).body()).contains("false");
    }

    @Test
    void aPasswordFileReadableByEveryoneOrEmptyIsRefused() throws Exception {
        Path open = dir.resolve("open-password");
        Files.writeString(open, PASSWORD);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> AdminPassword.read(open)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("readable by every user").hasMessageContaining("chmod 600");
        Path empty = dir.resolve("empty-password");
        Files.writeString(empty, "\n");
        Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> AdminPassword.read(empty)).hasMessageContaining("is empty");
        assertThatThrownBy(() -> AdminPassword.read(dir.resolve("missing"))).hasMessageContaining("no such file");
    }

    @Test
    void serveRefusesToStartWithAWorldReadablePasswordFile() throws Exception {
        Path open = dir.resolve("serve-open-password");
        Files.writeString(open, PASSWORD);
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-rw-rw-"));
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("serve", "--port", "0", "--localhost", "--admin-password-file", open.toString());
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("--admin-password-file").contains("readable by every user").doesNotContain("at org.");
        assertThat(out.toString()).doesNotContain("SPARQL endpoint");
    }
}
