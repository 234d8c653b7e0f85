package org.practicegraph.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.practicegraph.rdf.Iris;
import org.practicegraph.rdf.PG;
import org.practicegraph.store.Store;

/**
 * Keeps the derived graphs (score cube, practice statistics, dataset description) from being
 * recomputed when nothing they are computed from has changed: the server writes them on every start
 * and after every admin load, and at 1,000 reports the statistics alone take seconds.
 * <pre>
 *   String digest = DerivedGraphs.digest(DerivedGraphs.method(ScoreCube.class, "/publish/score-cube.rq"), DerivedGraphs.inputs(store, iris));
 *   if (!DerivedGraphs.current(store, graph, digest)) DerivedGraphs.write(store, graph, content, digest);
 * </pre>
 * A derived graph states {@code <graph> pg:inputDigest "…"} about its own name: a SHA-256 of how it
 * is computed ({@link #method}: the builder's class file and the query and structure files it
 * reads) and of what from ({@link #inputs}: every graph that is not derived, a report graph by its
 * report's {@code pg:sha256} and {@code prov:generatedAtTime}, which every (re)load of the report
 * sets anew, any other graph, such as the ontology and the taxonomies, by its content).
 */
final class DerivedGraphs {
    private static final String PREFIXES = "PREFIX pg: <" + PG.NS + "> PREFIX prov: <http://www.w3.org/ns/prov#> ";
    /** Each report's bytes and when its graph was written: (re)loading a report changes one or the other. */
    private static final String REPORTS = PREFIXES
            + "SELECT ?g ?h ?t WHERE { GRAPH ?g { ?r pg:sha256 ?h OPTIONAL { ?r prov:generatedAtTime ?t } } }";

    private DerivedGraphs() {}

    /** @return the names of the derived graphs: the description, the cube, the similarity links and the statistics */
    static Set<String> names(Iris iris) {
        return Set.of(iris.descriptionGraph(), iris.cubeGraph(), iris.similarityGraph(), iris.statsGraph());
    }

    /**
     * @param store the store (read in one read transaction)
     * @param iris  its IRI scheme
     * @return a SHA-256 (hex) of every graph that is not derived ({@link #names}): its name and, for a
     *         report graph, its report's {@code pg:sha256} and {@code prov:generatedAtTime}, else its content
     */
    static String inputs(Store store, Iris iris) {
        Set<String> derived = names(iris);
        DatasetGraph dsg = store.dataset();
        return Txn.calculateRead(dsg, () -> {
            Map<String, List<String>> reports = new TreeMap<>();
            try (QueryExecution qe = store.ownQuery(REPORTS)) {
                qe.execSelect().forEachRemaining(row -> reports.computeIfAbsent(row.getResource("g").getURI(), g -> new ArrayList<>())
                        .add(row.getLiteral("h").getLexicalForm() + " " + (row.contains("t") ? row.getLiteral("t").getLexicalForm() : "")));
            }
            List<String> graphs = new ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(n -> { if (n.isURI() && !derived.contains(n.getURI())) graphs.add(n.getURI()); });
            graphs.sort(null);
            MessageDigest sha = sha256();
            for (String g : graphs) {
                update(sha, "graph " + g);
                List<String> facts = g.startsWith(iris.reportGraphPrefix()) ? reports.get(g) : null;
                if (facts != null) {
                    facts.sort(null);
                    facts.forEach(f -> update(sha, "report " + f));
                } else {
                    update(sha, "content " + contentDigest(dsg.getGraph(NodeFactory.createURI(g))));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        });
    }

    /** @return a SHA-256 of the graph's triples as sorted N-Triples lines (blank nodes by their stored labels) */
    private static String contentDigest(Graph g) {
        List<String> lines = new ArrayList<>();
        g.find().forEachRemaining(t -> lines.add(NodeFmtLib.str(t)));
        lines.sort(null);
        MessageDigest sha = sha256();
        lines.forEach(l -> update(sha, l));
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * @param builder   the class that builds the graph: its class file stands for its code
     * @param resources the bundled files it reads (queries, structures)
     * @return a SHA-256 (hex) of those, which changes when the way the graph is computed does
     */
    static String method(Class<?> builder, String... resources) {
        MessageDigest sha = sha256();
        sha.update(bytes(builder, "/" + builder.getName().replace('.', '/') + ".class"));
        for (String r : resources) {
            update(sha, r);
            sha.update(bytes(builder, r));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** @return a SHA-256 (hex) of the parts, each on a line of its own */
    static String digest(String... parts) {
        MessageDigest sha = sha256();
        for (String p : parts) update(sha, p);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** @return whether the graph states this {@code pg:inputDigest} about its name */
    static boolean current(Store store, String graph, String digest) {
        Node g = NodeFactory.createURI(graph);
        return Txn.calculateRead(store.dataset(), () -> store.dataset().getGraph(g)
                .contains(g, PG.inputDigest.asNode(), NodeFactory.createLiteralString(digest)));
    }

    /**
     * Replaces the graph with the content plus {@code <graph> pg:inputDigest "digest"}, in one write transaction.
     *
     * @return the number of triples written
     */
    static long write(Store store, String graph, Graph content, String digest) {
        Graph g = GraphFactory.createDefaultGraph();
        content.find().forEachRemaining(g::add);
        Node name = NodeFactory.createURI(graph);
        g.add(name, PG.inputDigest.asNode(), NodeFactory.createLiteralString(digest));
        store.replaceGraph(graph, g);
        return g.size();
    }

    private static void update(MessageDigest sha, String line) {
        sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(Class<?> owner, String path) {
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
