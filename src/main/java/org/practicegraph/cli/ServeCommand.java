package org.practicegraph.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.practicegraph.server.PracticeServer;
import org.practicegraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Load reports (default: the bundled samples) and serve them over SPARQL.",
        description = {"Endpoints: /practice/sparql (SPARQL 1.1 query, GET and POST), /practice/data (Graph Store Protocol, read-only), /$/ping.",
                "Example: practice-graph serve --db db --data reports/ --port 3030"})
final class ServeCommand implements Callable<Integer> {
    @Mixin DataOptions data;
    @Option(names = "--port", paramLabel = "N", defaultValue = "3030", description = "HTTP port (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Longest a query may run. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;
    @Option(names = "--localhost", description = "Listen on the loopback interface only.")
    boolean localhost;
    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Store store = data.open(spec.commandLine().getErr());
        PracticeServer server = PracticeServer.create().store(store).port(port).loopback(localhost)
                .timeout(Duration.ofSeconds(timeoutSeconds)).build().start();
        out.println("SPARQL endpoint: " + server.sparqlUrl());
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> { server.stop(); store.close(); }));
        server.join();
        return ExitCodes.OK;
    }
}
