package org.practicegraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.practicegraph.rdf.Iris;
import org.practicegraph.server.AdminPassword;
import org.practicegraph.server.PracticeServer;
import org.practicegraph.server.ServiceAllowlist;
import org.practicegraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Load reports (default: the bundled samples) and serve them over SPARQL.",
        description = {"Endpoints: /practice/sparql (SPARQL 1.1 query, GET and POST), /practice/data (Graph Store Protocol, read-only), /$/ping.",
                "No SPARQL Update. With --admin-password-file: POST /$/admin/load?name=FILE.txt (body: the report) loads one report.",
                "Linked data: /id/... (303 to /doc/...: Turtle, N-Triples, JSON-LD, RDF/XML or HTML), /.well-known/void, "
                        + "/ns/context.jsonld, /dumps/practice-graph.nq.gz, /dumps/practice-graph.trig.gz.",
                "Example: practice-graph serve --db db --data reports/ --port 3030"})
final class ServeCommand implements Callable<Integer> {
    @Mixin DataOptions data;
    @Option(names = "--port", paramLabel = "N", defaultValue = "3030", description = "HTTP port (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Longest a query may run, counted from when it starts (not while it waits its turn). Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;
    @Option(names = "--localhost", description = "Listen on the loopback interface only.")
    boolean localhost;
    @Option(names = "--service-allow", paramLabel = "URL", split = ",", arity = "0..*",
            description = "The only SPARQL endpoints SERVICE may call; given with no URL, SERVICE is refused altogether. "
                    + "Default: the ONS, Wikidata and OpenDataCommunities endpoints.")
    List<String> serviceAllow;
    @Option(names = "--public-url", paramLabel = "URL",
            description = "Where clients reach this server, for the VoID description's endpoint and dump links. Default: http://localhost:PORT.")
    String publicUrl;
    @Option(names = "--max-results", paramLabel = "N", defaultValue = "100000",
            description = "Most rows a SELECT (or triples a CONSTRUCT/DESCRIBE) may answer; a query over it is refused with 400. Default: ${DEFAULT-VALUE}.")
    long maxResults;
    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1048576",
            description = "Largest request body (POSTed query) accepted; larger ones answer 413. Default: ${DEFAULT-VALUE} (1 MiB).")
    long maxBody;
    @Option(names = "--max-concurrent-queries", paramLabel = "N",
            description = "Most queries (and explorer or linked-data pages) running at once; the others wait their turn, "
                    + "and the --timeout clock starts when a query starts running. Default: the number of processors, at least 2.")
    Integer maxConcurrentQueries;
    @Option(names = "--max-queued", paramLabel = "N", defaultValue = "256",
            description = "Most requests waiting for their turn; one more answers 503 at once. 0: never wait. Default: ${DEFAULT-VALUE}.")
    int maxQueued;
    @Option(names = "--queue-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Longest a request waits for its turn, then 503 with Retry-After. Default: ${DEFAULT-VALUE}.")
    int queueTimeoutSeconds;
    /** Largest --result-cache, in MiB: 1 TiB, past any heap. */
    static final long MAX_RESULT_CACHE_MIB = 1L << 20;
    @Option(names = "--result-cache", paramLabel = "MiB",
            description = "Most MiB of answers kept to answer the same query again, unevaluated, until the data change; 0: off. "
                    + "Default: an eighth of the heap, at most 256.")
    Long resultCacheMib;
    @Option(names = "--admin-password-file", paramLabel = "FILE",
            description = "Enable POST /$/admin/load (HTTP Basic, user admin, the password is the file's content) to load a report over HTTP. "
                    + "The file must not be world-readable. Default: off (the path answers 404).")
    Path adminPasswordFile;
    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Iris iris = data.iris();
        PracticeServer.Builder builder = PracticeServer.create().loopback(localhost).iris(iris).publicUrl(publicUrl);
        option("--port", () -> builder.port(port));
        option("--timeout", () -> builder.timeout(Duration.ofSeconds(timeoutSeconds)));
        option("--service-allow", () -> builder.serviceAllowlist(serviceAllow != null ? serviceAllow : ServiceAllowlist.DEFAULT));
        option("--max-results", () -> builder.maxResults(maxResults));
        option("--max-body", () -> builder.maxBody(maxBody));
        if (maxConcurrentQueries != null) option("--max-concurrent-queries", () -> builder.maxConcurrentQueries(maxConcurrentQueries));
        option("--max-queued", () -> builder.maxQueued(maxQueued));
        option("--queue-timeout", () -> builder.queueTimeout(Duration.ofSeconds(queueTimeoutSeconds)));
        if (resultCacheMib != null) {
            if (resultCacheMib < 0 || resultCacheMib > MAX_RESULT_CACHE_MIB)
                throw new BadInputException("--result-cache: must be 0 to " + MAX_RESULT_CACHE_MIB + " MiB (got " + resultCacheMib + ")");
            builder.resultCacheBytes(resultCacheMib << 20);
        }
        if (adminPasswordFile != null) {
            try {
                builder.adminPassword(AdminPassword.read(adminPasswordFile));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--admin-password-file " + e.getMessage());
            }
        }
        // Registered before the store opens: a stop during start-up still releases the store and
        // deletes an unpacked sample database (and a hook added once the JVM is exiting would fail).
        AtomicReference<Store> opened = new AtomicReference<>();
        AtomicReference<PracticeServer> started = new AtomicReference<>();
        Runnable stopServer = () -> {
            try {
                if (started.get() != null) started.get().stop();
            } catch (RuntimeException e) {
                // a server that failed to start has little to stop: go on releasing the store
            }
        };
        SignalStop signals = SignalStop.install(stopServer);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopServer.run();
            try {
                if (opened.get() != null) opened.get().close();
            } catch (RuntimeException e) {
                // Stopped while a transaction was open (the derived graphs being read or written): what
                // it had not committed, TDB2 discards on the next open.
                System.err.println("warning: stopped while a transaction was open; what it had not committed is discarded (" + e.getMessage() + ")");
            } finally {
                data.cleanUp();
            }
        }));
        Store store = data.openForServing(spec.commandLine().getErr());
        opened.set(store);
        PracticeServer server = builder.store(store).build();
        started.set(server);
        server.start();
        out.println("SPARQL endpoint: " + server.sparqlUrl());
        if (adminPasswordFile != null) out.println("Admin: POST " + server.publicUrl() + "/$/admin/load?name=FILE.txt (HTTP Basic, user admin)");
        out.println("Linked data: " + server.publicUrl() + "/id/... (data IRIs under " + iris.base() + "); VoID: " + server.voidUrl());
        out.flush();
        server.join();
        return signals.status().orElse(ExitCodes.OK);
    }

    /** Sets an option on the builder; a value it refuses is bad input, named by its option. */
    private static void option(String name, Runnable set) {
        try {
            set.run();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(name + ": " + e.getMessage());
        }
    }
}
