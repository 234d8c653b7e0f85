package org.practicegraph.server;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.practicegraph.explore.ExplorerServlet;
import org.practicegraph.explore.TextSearch;
import org.practicegraph.publish.DatasetDescription;
import org.practicegraph.publish.Dumps;
import org.practicegraph.publish.JsonLdContext;
import org.practicegraph.publish.PracticeStatistics;
import org.practicegraph.publish.ScoreCube;
import org.practicegraph.similar.SimilarInitiatives;
import org.practicegraph.similar.TextEmbedder;
import org.practicegraph.rdf.Iris;
import org.practicegraph.store.Store;

/**
 * A read-only SPARQL server over a store.
 * <pre>
 *   PracticeServer server = PracticeServer.create().store(store).port(3030).build().start();
 *   server.sparqlUrl();   // http://localhost:3030/practice/sparql
 *   server.stop();
 * </pre>
 * The dataset answers only queries and graph reads: SPARQL Update, {@code LOAD}, {@code CLEAR} and
 * {@code DROP} have no endpoint to go to. Queries are cut off after the timeout (the server answers
 * 503); a request may ask for less, never more. {@code SERVICE} reaches only the endpoints of the
 * {@link ServiceAllowlist}.
 *
 * <p>Hardening: a query whose answer would exceed {@code maxResults} rows or triples is refused
 * with 400 ({@link CappedQuery}); a request body over {@code maxBody} answers 413; every answer
 * carries the security headers and every error is short plain text without Java detail
 * ({@link HardeningFilter}, {@link ErrorPages}). With an {@link AdminPassword}, and only then,
 * {@code POST /$/admin/load} loads one report over HTTP ({@link AdminLoadServlet}); SPARQL Update is
 * never exposed.
 *
 * <p>Admission control ({@link AdmissionFilter}): at most {@code maxConcurrentQueries} requests that
 * read the data run at once (SPARQL queries and Graph Store reads, linked-data documents, explorer
 * pages: one CPU, one budget); the others wait their turn, up to {@code maxQueued} of them for up to
 * {@code queueTimeout} each, else 503 with {@code Retry-After}. The query timeout counts from when a
 * query starts running, not from when it arrived. Before that, the {@link ResultCache} answers a query
 * asked before, on data unchanged since, with the bytes it was answered with (at most
 * {@code resultCacheBytes} of them kept; 0: off), without taking a turn.
 *
 * <p>Linked data: {@code /id/…} and {@code /doc/…} dereference the data IRIs
 * ({@link LinkedDataServlet}); {@code /.well-known/void}, {@code /ns/context.jsonld} and
 * {@code /dumps/practice-graph.{nq,trig}.gz} describe and hand out the dataset
 * ({@link PublishServlet}). On start the server writes the VoID/DCAT description and the score
 * Data Cube into their own named graphs ({@link Iris#descriptionGraph()}, {@link Iris#cubeGraph()}), the
 * precomputed practice statistics the aggregate canned queries read ({@link Iris#statsGraph()},
 * {@link PracticeStatistics}), and
 * the {@code pg:similarTo} links between initiatives ({@link Iris#similarityGraph()}, recomputed only
 * when the set of reports has changed; see {@link SimilarInitiatives}). Each is rewritten only when
 * what it is computed from has changed since it was written (each records a {@code pg:inputDigest}; see {@code org.practicegraph.publish.DerivedGraphs}).
 */
public final class PracticeServer {
    /** The dataset's path, {@value}. */
    public static final String DATASET = "/practice";
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Most rows a SELECT, or triples a CONSTRUCT or DESCRIBE, may answer by default ({@value}). */
    public static final long DEFAULT_MAX_RESULTS = 100_000;
    /** Largest request body accepted by default, in bytes ({@value}, 1 MiB). */
    public static final long DEFAULT_MAX_BODY = 1024 * 1024;
    /** Most requests waiting for a turn to run by default ({@value}); more are refused with 503 at once. */
    public static final int DEFAULT_MAX_QUEUED = 256;
    /** Longest a request waits for its turn to run by default; then it is refused with 503. */
    public static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofSeconds(60);
    /**
     * Paths that never wait for a turn: Fuseki's {@code /$/…} (ping; the admin load, a write), the
     * explorer's static files and the JSON-LD context, which do not read the data; and the dumps,
     * which do, but whose time goes on sending to the client: a few slow downloads holding the
     * permits would stop every query.
     */
    static final List<String> NEVER_WAIT = List.of("/$/", "/assets/", "/dumps/", JsonLdContext.CONTEXT_PATH);
    /** Most bytes of answers the result cache keeps by default: an eighth of the heap, at most 256 MiB. */
    public static long defaultResultCacheBytes() { return Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8); }
    /** Jetty threads for what is not running or waiting for a turn (Fuseki's own default pool size). */
    private static final int OTHER_THREADS = 20;
    /** Most running, and most waiting, requests a server may be given: each one holds a thread. */
    static final int MAX_ADMISSION_LIMIT = 10_000;

    /** @return the default of {@link Builder#maxConcurrentQueries}: the processor count, at least 2 */
    public static int defaultMaxConcurrentQueries() { return Math.max(2, Runtime.getRuntime().availableProcessors()); }

    private final FusekiServer fuseki;
    private final Store store;
    private final Iris iris;
    private final String publicUrl;
    private final SimilarInitiatives similar;
    private final AdmissionFilter admission;
    private final ResultCache cache;
    private final ExecutorService linker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "similar-initiatives");
        t.setDaemon(true);
        return t;
    });
    private volatile CompletableFuture<Void> similarityWritten = CompletableFuture.completedFuture(null);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PracticeServer.class);
    /** Longest {@link #stop} waits for the similar-initiative links to stop. */
    static final Duration SIMILARITY_STOP_WAIT = Duration.ofSeconds(30);

    private PracticeServer(Builder b) {
        AskJsonWriter.install();
        this.store = b.store;
        this.iris = b.iris;
        this.publicUrl = b.publicUrl;
        // the model's load can swallow the interrupt that stop() sends: the executor's shutdown is the signal that stays
        SimilarInitiatives.Builder sb = SimilarInitiatives.create().iris(b.iris).stopWhen(linker::isShutdown);
        if (b.embedder != null) sb.embedder(b.embedder);
        this.similar = sb.build();
        b.store.dataset().getContext().set(ARQ.queryTimeout, Long.toString(b.timeout.toMillis()));
        ServiceAllowlist.of(b.serviceAllowlist).install(b.store.dataset().getContext());
        DataService service = DataService.newBuilder(b.store.dataset())
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.Query, "")
                .addEndpoint(Operation.GSP_R, "data")
                .addEndpoint(Operation.GSP_R, "get")
                .build();
        boolean admin = b.adminPassword != null;
        this.admission = new AdmissionFilter(b.maxConcurrentQueries, b.maxQueued, b.queueTimeout,
                path -> NEVER_WAIT.stream().anyMatch(path::startsWith));
        this.cache = new ResultCache(b.resultCacheBytes, b.store::dataVersion);
        FusekiServer.Builder fb = FusekiServer.create()
                .port(b.port)
                // A waiting request parks a thread: room for all of them, and for the requests that never wait.
                .maxServerThreads(b.maxConcurrentQueries + b.maxQueued + OTHER_THREADS)
                .loopback(b.loopback)
                .enablePing(true)
                .enableCors(true, null)
                .registerOperation(Operation.Query, new CappedQuery(b.maxResults))
                .add(DATASET, service)
                .addFilter("/*", new HardeningFilter(b.maxBody, path -> admin && path.equals(AdminLoadServlet.PATH)))
                .addFilter("/*", AskJsonWriter.acceptFilter())
                // An answer kept from before needs no turn to run: the cache comes before admission,
                // which is last of ours, so a request refused for its size or shape does not wait first.
                .addFilter("/*", cache)
                .addFilter("/*", admission)
                .addServlet("/id/*", new LinkedDataServlet(b.store, b.iris))
                .addServlet("/doc/*", new LinkedDataServlet(b.store, b.iris))
                .addServlet(PublishServlet.VOID_PATH, new PublishServlet(b.store, b.iris))
                .addServlet(JsonLdContext.CONTEXT_PATH, new PublishServlet(b.store, b.iris))
                .addServlet("/dumps/*", new PublishServlet(b.store, b.iris));
        ExplorerServlet explorer = new ExplorerServlet(b.store, b.iris, (q, limit) -> b.store.search(q, limit).stream()
                .map(h -> new TextSearch.Hit(h.subject(), h.text(), h.score())).toList());
        for (String path : ExplorerServlet.PATHS) fb.addServlet(path, explorer);
        if (admin) fb.addServlet(AdminLoadServlet.PATH, new AdminLoadServlet(b.store, b.iris, b.adminPassword, this::writeDerivedGraphs));
        this.fuseki = fb.build();
        // Errors Jetty answers itself (before or outside the servlets) are plain text too, not its HTML page.
        ErrorPages.PlainErrorHandler plain = new ErrorPages.PlainErrorHandler();
        fuseki.getJettyServer().setErrorHandler(plain);
        var context = fuseki.getJettyServer().getDescendant(org.eclipse.jetty.ee10.servlet.ServletContextHandler.class);
        if (context != null) context.setErrorHandler(plain);
    }

    /** @return a builder; {@code store} is required */
    public static Builder create() { return new Builder(); }

    /**
     * Starts the server, then writes the score cube, the practice statistics and the dataset
     * description (which counts the data and names this server's endpoint) into their named graphs
     * unless they are current, and starts the same for the similar-initiative links in the
     * background ({@link #similarityWritten()}).
     *
     * @return this server, accepting requests
     */
    public PracticeServer start() {
        fuseki.start();
        LOG.info("Admission control: {}", admission.describe());
        LOG.info("Result cache: {}", cache.describe());
        writeDerivedGraphs();
        return this;
    }

    /**
     * Brings the score cube, the practice statistics ({@link Iris#statsGraph()}) and the dataset
     * description up to date with what the store holds now, rewriting only those whose inputs
     * changed since they were written ({@code pg:inputDigest}: a restart on an unchanged database
     * rewrites nothing), then starts the same for the similar-initiative links in the background.
     */
    private synchronized void writeDerivedGraphs() {
        long t0 = System.nanoTime();
        List<String> written = new ArrayList<>();
        ScoreCube.of(iris).refreshIfChanged(store).ifPresent(n -> written.add("score cube " + n));
        PracticeStatistics.of(iris).refreshIfChanged(store).ifPresent(n -> written.add("practice statistics " + n));
        DatasetDescription.create().iris(iris).publicUrl(publicUrl()).sparqlPath(DATASET + "/sparql").build()
                .refreshIfChanged(store).ifPresent(n -> written.add("dataset description " + n));
        LOG.info("Derived graphs: {} in {} ms", written.isEmpty() ? "all current, none rewritten" : String.join(", ", written) + " triples written",
                (System.nanoTime() - t0) / 1_000_000);
        // Embedding and scoring every pair takes seconds to minutes: done on a thread of its own while
        // the server answers, so start-up and admin loads do not wait for it.
        try {
            similarityWritten = CompletableFuture.runAsync(this::writeSimilarInitiatives, linker);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopped meanwhile (a shutdown during start-up): nothing more to write
        }
    }

    private void writeSimilarInitiatives() {
        try {
            similar.refresh(store).ifPresent(run -> LOG.info(
                    "Similar initiatives: {} links between {} initiatives; model loaded in {} ms, {} of {} texts embedded in {} ms, {} ms in all",
                    run.links(), run.initiatives(), run.modelMillis(), run.textsEmbedded(), run.texts(), run.embedMillis(), run.totalMillis()));
        } catch (RuntimeException e) {
            // The links are an extra: a platform where the embedding model cannot run, or a corpus too
            // large for all-pairs scoring, still serves the reports.
            if (linker.isShutdown()) LOG.info("Similar initiatives not written: the server stopped first");
            else LOG.warn("Similar initiatives not written: {}", e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    /**
     * @return completes when the similar-initiative links of the latest start or admin load are
     *         written (or were current, or could not be written: see the log)
     */
    public CompletableFuture<Void> similarityWritten() { return similarityWritten; }

    /** @return the URL the server is published under: the configured one, else {@code http://localhost:{port}} */
    public String publicUrl() { return publicUrl != null ? publicUrl : "http://localhost:" + port(); }

    /**
     * Stops the server, and waits (up to {@link #SIMILARITY_STOP_WAIT}) for the similar-initiative
     * links to stop: the embedding model is native code (ONNX Runtime), and a JVM that exits while a
     * thread is still inside it, loading the model, can crash on its way out; the store, too, is
     * closed once this returns. The links stop between embedding batches. A process ended by a signal
     * must call this before the JVM's shutdown hooks run, since ONNX Runtime's own hook frees its
     * native environment alongside the others ({@code serve} does: {@code cli.SignalStop}).
     */
    public void stop() {
        linker.shutdownNow();
        fuseki.stop();
        awaitLinker();
    }

    /**
     * Blocks until the server stops, and then until the similar-initiative links have stopped too
     * (as {@link #stop} does): a caller that exits once this returns does not exit under the model.
     */
    public void join() {
        fuseki.join();
        linker.shutdownNow();
        awaitLinker();
    }

    private void awaitLinker() {
        try {
            if (!linker.awaitTermination(SIMILARITY_STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                LOG.warn("Similar initiatives still running {} s after the stop; stopping without them", SIMILARITY_STOP_WAIT.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the result cache, for tests to see what it keeps */
    ResultCache resultCache() { return cache; }

    /** @return the admission control, for tests to see who runs and who waits */
    AdmissionFilter admission() { return admission; }

    /** @return the port it listens on (the actual one when 0 was asked for) */
    public int port() { return fuseki.getPort(); }

    /** @return the SPARQL query endpoint's URL */
    public String sparqlUrl() { return "http://localhost:" + port() + DATASET + "/sparql"; }

    /** @return the VoID description's URL on this server */
    public String voidUrl() { return "http://localhost:" + port() + PublishServlet.VOID_PATH; }

    /** @return the gzipped N-Quads dump's URL on this server */
    public String dumpUrl() { return "http://localhost:" + port() + Dumps.NQUADS_GZ; }

    /** Configures a {@link PracticeServer}. */
    public static final class Builder {
        private Store store;
        private int port = DEFAULT_PORT;
        private Duration timeout = DEFAULT_TIMEOUT;
        private boolean loopback = false;
        private Iris iris = Iris.DEFAULT;
        private List<String> serviceAllowlist = ServiceAllowlist.DEFAULT;
        private String publicUrl;
        private long maxResults = DEFAULT_MAX_RESULTS;
        private long maxBody = DEFAULT_MAX_BODY;
        private AdminPassword adminPassword;
        private int maxConcurrentQueries = defaultMaxConcurrentQueries();
        private int maxQueued = DEFAULT_MAX_QUEUED;
        private Duration queueTimeout = DEFAULT_QUEUE_TIMEOUT;
        private long resultCacheBytes = defaultResultCacheBytes();
        private TextEmbedder embedder;

        private Builder() {}

        /** @return this builder, for chaining */
        public Builder store(Store store) { this.store = requireNonNull(store, "store"); return this; }
        /** @param port the port, 0 for any free one. @return this builder, for chaining */
        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is not 0-65535");
            this.port = port;
            return this;
        }
        /** @param timeout the longest a query may run. @return this builder, for chaining */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
            this.timeout = timeout;
            return this;
        }
        /** @param loopback listen on localhost only. @return this builder, for chaining */
        public Builder loopback(boolean loopback) { this.loopback = loopback; return this; }

        /** @param iris the data IRI scheme the store was loaded with. @return this builder, for chaining */
        public Builder iris(Iris iris) { this.iris = requireNonNull(iris, "iris"); return this; }
        /**
         * @param endpoints the only SPARQL endpoints {@code SERVICE} may call (default
         *                  {@link ServiceAllowlist#DEFAULT}; empty: none)
         * @return this builder, for chaining
         * @throws IllegalArgumentException when an entry is not an http(s) URL
         */
        public Builder serviceAllowlist(List<String> endpoints) {
            this.serviceAllowlist = List.copyOf(ServiceAllowlist.of(endpoints).endpoints());
            return this;
        }
        /** @param publicUrl where clients reach the server (for the VoID description); null: localhost. @return this builder, for chaining */
        public Builder publicUrl(String publicUrl) { this.publicUrl = publicUrl; return this; }

        /**
         * @param maxResults most rows a SELECT, or triples a CONSTRUCT or DESCRIBE, may answer; a query over
         *                   it is refused with 400 (see {@link CappedQuery})
         * @return this builder, for chaining
         */
        public Builder maxResults(long maxResults) {
            if (maxResults < 1) throw new IllegalArgumentException("max results must be positive (got " + maxResults + ")");
            this.maxResults = maxResults;
            return this;
        }
        /** @param maxBytes largest request body accepted; larger ones answer 413. @return this builder, for chaining */
        public Builder maxBody(long maxBytes) {
            if (maxBytes < 1) throw new IllegalArgumentException("max body must be positive (got " + maxBytes + ")");
            this.maxBody = maxBytes;
            return this;
        }
        /**
         * @param n most requests that read the data running at once (default
         *          {@link #defaultMaxConcurrentQueries()}); the others wait their turn
         * @return this builder, for chaining
         */
        public Builder maxConcurrentQueries(int n) {
            if (n < 1 || n > MAX_ADMISSION_LIMIT)
                throw new IllegalArgumentException("max concurrent queries must be 1 to " + MAX_ADMISSION_LIMIT + " (got " + n + ")");
            this.maxConcurrentQueries = n;
            return this;
        }
        /**
         * @param n most requests waiting for their turn (default {@value #DEFAULT_MAX_QUEUED}); when that
         *          many wait, the next is refused with 503 at once. 0: never wait
         * @return this builder, for chaining
         */
        public Builder maxQueued(int n) {
            if (n < 0 || n > MAX_ADMISSION_LIMIT)
                throw new IllegalArgumentException("max queued must be 0 to " + MAX_ADMISSION_LIMIT + ", each waiting request holds a thread (got " + n + ")");
            this.maxQueued = n;
            return this;
        }
        /**
         * @param timeout longest a request waits for its turn (default 60 s); then it is refused with 503.
         *                The query timeout counts only from when the query starts running
         * @return this builder, for chaining
         */
        public Builder queueTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("queue timeout must be positive (got " + timeout.toSeconds() + " s)");
            this.queueTimeout = timeout;
            return this;
        }
        /**
         * @param bytes most bytes of answers the {@link ResultCache} keeps (default
         *              {@link #defaultResultCacheBytes()}); 0 turns it off
         * @return this builder, for chaining
         */
        public Builder resultCacheBytes(long bytes) {
            if (bytes < 0) throw new IllegalArgumentException("result cache size must not be negative (got " + bytes + ")");
            this.resultCacheBytes = bytes;
            return this;
        }
        /**
         * @param password enables {@code POST /$/admin/load} for user {@code admin} with this password; null
         *                 (the default): no admin endpoint, the path answers 404
         * @return this builder, for chaining
         */
        public Builder adminPassword(AdminPassword password) { this.adminPassword = password; return this; }
        /**
         * @param embedder the text embedder for the similar-initiative links (default: {@link org.practicegraph.similar.MiniLmEmbedder})
         * @return this builder, for chaining
         */
        public Builder embedder(TextEmbedder embedder) { this.embedder = requireNonNull(embedder, "embedder"); return this; }

        /** @return the server, not yet started @throws IllegalStateException when no store was given */
        public PracticeServer build() {
            if (store == null) throw new IllegalStateException("a PracticeServer needs a store");
            return new PracticeServer(this);
        }
    }
}
