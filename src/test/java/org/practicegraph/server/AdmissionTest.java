package org.practicegraph.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase1;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.practicegraph.store.Store;

/**
 * Issue 8: admission control over HTTP. A query that calls {@link Block} runs until the test opens
 * the gate, so which request runs and which waits is decided by the test, not by timing.
 */
@Timeout(120)
class AdmissionTest {
    static final String BLOCK = "urn:test:admission:block";
    /** Runs until the gate opens (the variable argument keeps the optimiser from calling it early). */
    static final String BLOCKING = "SELECT ?x WHERE { VALUES ?i { 1 } BIND(<" + BLOCK + ">(?i) AS ?x) }";
    static final String QUICK = "SELECT ?x WHERE { VALUES ?x { 2 } }";

    /** A query function that waits for the test's gate, counting how many calls run at once. */
    public static final class Block extends FunctionBase1 {
        static final Semaphore started = new Semaphore(0);
        static final AtomicInteger running = new AtomicInteger();
        static final AtomicInteger mostAtOnce = new AtomicInteger();
        static volatile CountDownLatch gate = new CountDownLatch(1);

        @Override public NodeValue exec(NodeValue v) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            started.release();
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the test never opened the gate");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
            return v;
        }
    }

    PracticeServer server;

    @BeforeAll
    static void register() { FunctionRegistry.get().put(BLOCK, Block.class); }

    @AfterAll
    static void unregister() { FunctionRegistry.get().remove(BLOCK); }

    @BeforeEach
    void closeGate() {
        Block.gate = new CountDownLatch(1);
        Block.started.drainPermits();
        Block.mostAtOnce.set(0);
    }

    @AfterEach
    void stop() {
        Block.gate.countDown();
        if (server != null) server.stop();
    }

    void start(UnaryOperator<PracticeServer.Builder> config) {
        // no result cache: every request here must be evaluated, to take its turn
        server = config.apply(PracticeServer.create().store(Store.inMemory()).port(0).loopback(true).resultCacheBytes(0)).build().start();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).header("Accept", "text/csv");
    }

    HttpRequest get(String sparql) {
        return request("/practice/sparql?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8)).GET().build();
    }

    HttpRequest post(String sparql) {
        return request("/practice/query").header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(sparql)).build();
    }

    /** A client of its own for every request: a refused request may close its connection. */
    static HttpResponse<String> send(HttpRequest r) throws Exception {
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
    }

    static CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest r) {
        return HttpClient.newHttpClient().sendAsync(r, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the blocking query and returns once it runs (holding a permit). */
    CompletableFuture<HttpResponse<String>> startBlockingQuery() throws Exception {
        CompletableFuture<HttpResponse<String>> r = sendAsync(get(BLOCKING));
        if (!Block.started.tryAcquire(30, TimeUnit.SECONDS)) fail("the blocking query never started: " + r.getNow(null));
        return r;
    }

    /** Returns once this many requests wait for a permit. */
    void awaitWaiting(int n) throws InterruptedException {
        for (int i = 0; i < 3000 && server.admission().waiting() != n; i++) Thread.sleep(10);
        assertThat(server.admission().waiting()).as("requests waiting").isEqualTo(n);
    }

    static void assertBusy(HttpResponse<String> r, String counts) {
        HardeningTest.assertPlainError(r, 503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue(Integer.toString(AdmissionFilter.RETRY_AFTER_SECONDS));
        assertThat(r.body()).isEqualTo("503 Service Unavailable: server busy: " + counts + "; retry later\n");
    }

    @Test
    void aSecondQueryWaitsForTheFirstThenBothAnswer() throws Exception {
        start(b -> b.maxConcurrentQueries(1));
        CompletableFuture<HttpResponse<String>> first = startBlockingQuery();
        CompletableFuture<HttpResponse<String>> second = sendAsync(post(BLOCKING));
        awaitWaiting(1);
        assertThat(second).isNotDone();
        assertThat(Block.running.get()).isEqualTo(1);
        Block.gate.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        HttpResponse<String> r = second.get(30, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("x\r\n1\r\n");
        assertThat(Block.mostAtOnce.get()).as("blocking queries running at once").isEqualTo(1);
    }

    @Test
    void twoPermitsLetTwoRunAndTheThirdWaits() throws Exception {
        start(b -> b.maxConcurrentQueries(2));
        CompletableFuture<HttpResponse<String>> first = startBlockingQuery();
        CompletableFuture<HttpResponse<String>> second = startBlockingQuery();
        CompletableFuture<HttpResponse<String>> third = sendAsync(get(QUICK));
        awaitWaiting(1);
        assertThat(server.admission().running()).isEqualTo(2);
        Block.gate.countDown();
        for (var r : java.util.List.of(first, second, third)) assertThat(r.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestThatWaitsPastTheQueueTimeoutIsRefusedWithRetryAfter() throws Exception {
        start(b -> b.maxConcurrentQueries(1).queueTimeout(Duration.ofMillis(200)));
        CompletableFuture<HttpResponse<String>> first = startBlockingQuery();
        assertBusy(send(get(QUICK)), "1 query running, 0 waiting");
        assertBusy(send(post(QUICK)), "1 query running, 0 waiting");
        assertThat(first).isNotDone();
        Block.gate.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(send(get(QUICK)).body()).as("the permit is back").isEqualTo("x\r\n2\r\n");
    }

    @Test
    void whenTheQueueIsFullTheNextRequestIsRefusedAtOnce() throws Exception {
        // An hour's queue timeout: a refusal can only come from the full queue.
        start(b -> b.maxConcurrentQueries(1).maxQueued(1).queueTimeout(Duration.ofHours(1)));
        CompletableFuture<HttpResponse<String>> first = startBlockingQuery();
        CompletableFuture<HttpResponse<String>> second = sendAsync(get(QUICK));
        awaitWaiting(1);
        assertBusy(send(HttpRequest.newBuilder(get(QUICK), (k, v) -> true).timeout(Duration.ofSeconds(60)).build()), "1 query running, 1 waiting");
        assertThat(second).isNotDone();
        Block.gate.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(30, TimeUnit.SECONDS).body()).isEqualTo("x\r\n2\r\n");
    }

    @Test
    void theQueryTimeoutCountsFromWhenTheQueryStartsNotFromArrival() throws Exception {
        start(b -> b.maxConcurrentQueries(1).timeout(Duration.ofSeconds(1)));
        CompletableFuture<HttpResponse<String>> first = startBlockingQuery();
        CompletableFuture<HttpResponse<String>> second = sendAsync(get(QUICK));
        awaitWaiting(1);
        Thread.sleep(1500); // the second has now waited longer than the query timeout
        Block.gate.countDown();
        first.get(30, TimeUnit.SECONDS); // ran past the timeout itself: 503 or 200, whichever the engine saw first
        HttpResponse<String> r = second.get(30, TimeUnit.SECONDS);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("x\r\n2\r\n");
    }

    @Test
    void pagesThatReadTheDataShareThePermitsPingAndDownloadsDoNot() throws Exception {
        start(b -> b.maxConcurrentQueries(1).queueTimeout(Duration.ofMillis(200)));
        CompletableFuture<HttpResponse<String>> first = startBlockingQuery();
        for (String path : new String[] {"/", "/authorities", "/search?q=staff", "/doc/authority/x", "/id/authority/x",
                "/.well-known/void", "/practice/data?default", "/practice?query=ASK%7B%7D"}) {
            HttpResponse<String> r = send(request(path).setHeader("Accept", "*/*").GET().build());
            assertThat(r.statusCode()).as(path).isEqualTo(503);
            assertBusy(r, "1 query running, 0 waiting");
        }
        for (String path : new String[] {"/$/ping", "/dumps/practice-graph.nq.gz", "/ns/context.jsonld"}) {
            HttpResponse<String> r = send(request(path).setHeader("Accept", "*/*").GET().build());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
        }
        assertThat(first).isNotDone();
        Block.gate.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
}
