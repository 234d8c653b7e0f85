package org.practicegraph.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.practicegraph.rdf.Iris;
import org.practicegraph.server.PracticeServer;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/**
 * The bundled sample corpus ({@code corpus/sample/}) loaded into an in-memory store and served by
 * {@link PracticeServer} on a free loopback port. Register it in a test class with
 * <pre>{@code @RegisterExtension static final SampleServer server = new SampleServer();}</pre>
 * One server is started for the whole test run (the first test that uses it starts it) and
 * stopped when the run ends; it is read-only, so classes cannot disturb each other.
 */
public final class SampleServer implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SampleServer.class);
    private Running running;

    /** The started store and server, closed by JUnit at the end of the run. */
    private record Running(Store store, PracticeServer server, long startMillis) implements AutoCloseable {
        static Running start() {
            long t0 = System.nanoTime();
            Store store = Store.inMemory();
            Loader.create().store(store).build().load(List.of(Path.of("corpus/sample")));
            PracticeServer server = PracticeServer.create().store(store).port(0).loopback(true).build().start();
            // the linked practices are written on a thread of their own: pages show them once they are there
            server.similarityWritten().join();
            return new Running(store, server, (System.nanoTime() - t0) / 1_000_000);
        }

        @Override public void close() {
            server.stop();
            store.close();
        }
    }

    private ExtensionContext.Store runStore;

    /** Remembers the run; the server starts on first use, so tests aborted before using it cost nothing. */
    @Override public void beforeAll(ExtensionContext context) {
        runStore = context.getRoot().getStore(NS);
    }

    private synchronized Running running() {
        if (running == null) {
            if (runStore == null) throw new IllegalStateException("SampleServer is not registered: use @RegisterExtension on a static field");
            running = runStore.getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
        }
        return running;
    }

    /** @return the server's base URL, {@code http://localhost:PORT} (no trailing slash) */
    public String baseUrl() { return "http://localhost:" + running().server.port(); }

    /** @param path a path starting with {@code /}, e.g. {@code /doc/authority/x} @return the absolute URL on this server */
    public String url(String path) { return baseUrl() + path; }

    /** @return the store the server reads, to find IRIs for a test with SPARQL */
    public Store store() { return running().store; }

    /** @return the running server */
    public PracticeServer server() { return running().server; }

    /** @return milliseconds taken to load the corpus and start the server (once per run) */
    public long startMillis() { return running().startMillis; }

    /**
     * Runs a SELECT over the union of the report graphs.
     *
     * @param sparql a SELECT query (prefixes {@code pg:}, {@code rdfs:}, {@code skos:}, {@code dct:} need no declaration)
     * @return one map per row, variable name → IRI or lexical form
     */
    public List<Map<String, String>> select(String sparql) {
        String q = "PREFIX pg: <https://w3id.org/practice-graph/def#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nPREFIX dct: <http://purl.org/dc/terms/>\n" + sparql;
        List<Map<String, String>> rows = new ArrayList<>();
        Txn.executeRead(store().dataset(), () -> {
            try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(store().dataset())).query(q)
                    .set(TDB2.symUnionDefaultGraph, true).build()) {
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) {
                    QuerySolution s = rs.next();
                    Map<String, String> row = new LinkedHashMap<>();
                    rs.getResultVars().forEach(v -> {
                        RDFNode n = s.get(v);
                        if (n != null) row.put(v, n.isLiteral() ? n.asLiteral().getLexicalForm() : n.isURIResource() ? n.asResource().getURI() : n.toString());
                    });
                    rows.add(row);
                }
            }
        });
        return rows;
    }

    /**
     * @param iri a data IRI under {@link Iris#DEFAULT_BASE}
     * @return the URL of its HTML document on this server ({@code /doc/...})
     */
    public String docUrl(String iri) {
        if (!iri.startsWith(Iris.DEFAULT_BASE)) throw new IllegalArgumentException("not a data IRI of this dataset: " + iri);
        return url("/doc/" + iri.substring(Iris.DEFAULT_BASE.length()));
    }
}
