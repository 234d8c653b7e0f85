package org.practicegraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

/**
 * The server's query timeout sits in the dataset's context, so every query over the store inherits
 * it; the store's own computations (derived graphs, similarity) must not: at 50,000 reports the
 * dataset description's counts outran a 300 s timeout and took the server down with them.
 */
class OwnQueryTest {
    /** 1,000 × 1,000 rows: far more than a 1 ms timeout allows, a fraction of a second without one. */
    private static final String CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?p ?b . ?c ?p ?d } }";

    @Test
    void ownQueriesRunPastTheTimeoutThatClientQueriesGet() {
        try (Store store = Store.inMemory()) {
            Graph g = GraphFactory.createDefaultGraph();
            for (int i = 0; i < 1000; i++)
                g.add(Triple.create(NodeFactory.createURI("urn:s" + i), NodeFactory.createURI("urn:p"), NodeFactory.createLiteralString("o" + i)));
            store.replaceGraph("urn:g", g);
            store.dataset().getContext().set(ARQ.queryTimeout, "1");

            assertThatThrownBy(() -> Txn.executeRead(store.dataset(), () -> {
                try (QueryExecution qe = QueryExecution.create(CROSS_JOIN, DatasetFactory.wrap(store.dataset()))) {
                    qe.execSelect().next();
                }
            })).as("a client's query").isInstanceOf(QueryCancelledException.class);

            long n = Txn.calculateRead(store.dataset(), () -> {
                try (QueryExecution qe = store.ownQuery(CROSS_JOIN)) {
                    return qe.execSelect().next().getLiteral("n").getLong();
                }
            });
            assertThat(n).isEqualTo(1_000_000L);
            assertThat(store.dataset().getContext().get(ARQ.queryTimeout).toString()).as("the clients' limit is left as it was").isEqualTo("1");
        }
    }
}
