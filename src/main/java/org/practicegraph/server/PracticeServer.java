package org.practicegraph.server;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
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
 * 503); a request may ask for less, never more.
 */
public final class PracticeServer {
    /** The dataset's path, {@value}. */
    public static final String DATASET = "/practice";
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final FusekiServer fuseki;

    private PracticeServer(Builder b) {
        AskJsonWriter.install();
        b.store.dataset().getContext().set(ARQ.queryTimeout, Long.toString(b.timeout.toMillis()));
        DataService service = DataService.newBuilder(b.store.dataset())
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.Query, "")
                .addEndpoint(Operation.GSP_R, "data")
                .addEndpoint(Operation.GSP_R, "get")
                .build();
        this.fuseki = FusekiServer.create()
                .port(b.port)
                .loopback(b.loopback)
                .enablePing(true)
                .enableCors(true, null)
                .add(DATASET, service)
                .addFilter("/*", AskJsonWriter.acceptFilter())
                .build();
    }

    /** @return a builder; {@code store} is required */
    public static Builder create() { return new Builder(); }

    /** Starts the server; returns once it accepts requests. @return this server */
    public PracticeServer start() {
        fuseki.start();
        return this;
    }

    /** Stops the server. */
    public void stop() { fuseki.stop(); }

    /** Blocks until the server stops. */
    public void join() { fuseki.join(); }

    /** @return the port it listens on (the actual one when 0 was asked for) */
    public int port() { return fuseki.getPort(); }

    /** @return the SPARQL query endpoint's URL */
    public String sparqlUrl() { return "http://localhost:" + port() + DATASET + "/sparql"; }

    /** Configures a {@link PracticeServer}. */
    public static final class Builder {
        private Store store;
        private int port = DEFAULT_PORT;
        private Duration timeout = DEFAULT_TIMEOUT;
        private boolean loopback = false;

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

        /** @return the server, not yet started @throws IllegalStateException when no store was given */
        public PracticeServer build() {
            if (store == null) throw new IllegalStateException("a PracticeServer needs a store");
            return new PracticeServer(this);
        }
    }
}
