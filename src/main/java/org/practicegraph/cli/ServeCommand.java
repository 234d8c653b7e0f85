package org.practicegraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

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
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Longest a query may run. Default: ${DEFAULT-VALUE}.")
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
    @Option(names = "--admin-password-file", paramLabel = "FILE",
            description = "Enable POST /$/admin/load (HTTP Basic, user admin, the password is the file's content) to load a report over HTTP. "
                    + "The file must not be world-readable. Default: off (the path answers 404).")
    Path adminPasswordFile;
    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Iris iris = data.iris();
        PracticeServer.Builder builder;
        try {
            builder = PracticeServer.create().port(port).loopback(localhost).timeout(Duration.ofSeconds(timeoutSeconds))
                    .iris(iris).publicUrl(publicUrl).serviceAllowlist(serviceAllow != null ? serviceAllow : ServiceAllowlist.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--service-allow: " + e.getMessage());
        }
        try {
            builder.maxResults(maxResults).maxBody(maxBody);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--max-results/--max-body: " + e.getMessage());
        }
        if (adminPasswordFile != null) {
            try {
                builder.adminPassword(AdminPassword.read(adminPasswordFile));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--admin-password-file " + e.getMessage());
            }
        }
        Store store = data.openForServing(spec.commandLine().getErr());
        // Registered before the server starts: a stop during start-up still releases the store and
        // deletes an unpacked sample database.
        java.util.concurrent.atomic.AtomicReference<PracticeServer> started = new java.util.concurrent.atomic.AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (started.get() != null) started.get().stop();
            } catch (RuntimeException e) {
                // a server that failed to start has little to stop: go on releasing the store
            }
            try {
                store.close();
            } catch (RuntimeException e) {
                // Stopped while a transaction was open (the derived graphs being read or written): what
                // it had not committed, TDB2 discards on the next open.
                System.err.println("warning: stopped while a transaction was open; what it had not committed is discarded (" + e.getMessage() + ")");
            } finally {
                data.cleanUp();
            }
        }));
        PracticeServer server = builder.store(store).build();
        started.set(server);
        server.start();
        out.println("SPARQL endpoint: " + server.sparqlUrl());
        if (adminPasswordFile != null) out.println("Admin: POST " + server.publicUrl() + "/$/admin/load?name=FILE.txt (HTTP Basic, user admin)");
        out.println("Linked data: " + server.publicUrl() + "/id/... (data IRIs under " + iris.base() + "); VoID: " + server.voidUrl());
        out.flush();
        server.join();
        return ExitCodes.OK;
    }
}
