package org.practicegraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph lookups start-up uses instead of listing every graph: same answers as the listing. */
class GraphLookupTest {
    private static Graph oneTriple(String s) {
        Graph g = GraphFactory.createDefaultGraph();
        g.add(Triple.create(NodeFactory.createURI(s), NodeFactory.createURI("urn:p"), NodeFactory.createLiteralString("o")));
        return g;
    }

    @Test
    void findsAGraphByPrefixOrNameWhereverItSortsAmongTheOthers(@TempDir Path dir) {
        try (Store store = Store.open(dir.resolve("db"))) {
            assertThat(store.anyGraphStartsWith("urn:report/")).isFalse();
            assertThat(store.containsGraph("urn:stats")).isFalse();
            // other graphs first, so the report graph is not the first one the index lists
            for (int i = 0; i < 20; i++) store.replaceGraph("urn:other/" + i, oneTriple("urn:s" + i));
            store.replaceGraph("urn:stats", oneTriple("urn:t"));
            assertThat(store.anyGraphStartsWith("urn:report/")).isFalse();
            assertThat(store.containsGraph("urn:stats")).isTrue();
            assertThat(store.containsGraph("urn:stat")).isFalse();

            store.replaceGraph("urn:report/a", oneTriple("urn:r"));
            assertThat(store.anyGraphStartsWith("urn:report/")).isTrue();
            assertThat(store.graphNames()).contains("urn:report/a", "urn:stats");
            // an emptied graph no longer exists in a quad store
            store.replaceGraph("urn:report/a", GraphFactory.createDefaultGraph());
            assertThat(store.anyGraphStartsWith("urn:report/")).isFalse();
        }
    }
}
