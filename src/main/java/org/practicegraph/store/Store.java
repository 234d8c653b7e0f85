package org.practicegraph.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.dboe.transaction.txn.TransactionListener;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexParseException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The dataset: TDB2 in a directory, or TDB2 in memory, with a full-text index of evidence sentences
 * and labels kept in step with every write ({@link #search}, and {@code text:query} in SPARQL). The
 * default graph is the union of the named graphs, so a query without {@code GRAPH} sees every report.
 * <pre>
 *   try (Store store = Store.open(Path.of("db"))) { … }
 *   Store scratch = Store.inMemory();
 *   List&lt;SearchHit&gt; hits = store.search("apprenticeship", 10);
 * </pre>
 */
public final class Store implements AutoCloseable {
    /** Most hits one {@link #search} may ask for, {@value}. */
    public static final int MAX_SEARCH_HITS = 10_000;
    /** Rows an {@link #ownQuery own query}'s DISTINCT or ORDER BY keeps in the heap before spilling to disk. */
    public static final long SPILL_THRESHOLD = 200_000;

    private final DatasetGraph base;
    private final DatasetGraph dsg;
    private final TextIndex textIndex;
    private final Path dir;
    private final AtomicLong dataVersion = new AtomicLong();

    private Store(DatasetGraph base, TextIndex textIndex, Path dir) {
        this.base = base;
        this.textIndex = textIndex;
        this.dir = dir;
        // TDB2 tells its listeners once a write transaction has committed, before the next writer starts.
        TransactionCoordinator coordinator = TDBInternal.getTransactionCoordinator(base);
        TransactionListener countWrites = new TransactionListener() {
            @Override public void notifyCommitFinish(Transaction txn) {
                if (txn.getMode() == ReadWrite.WRITE) dataVersion.incrementAndGet();
            }
        };
        coordinator.modifyConfig(() -> coordinator.addListener(countWrites));
        base.getContext().set(TDB2.symUnionDefaultGraph, true);
        // Writes through the wrapper reach the index, inside the same TDB2 transaction.
        this.dsg = TextDatasetFactory.create(base, textIndex);
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
    }

    /**
     * @param dir the database directory; created when missing
     * @return the store
     * @throws StoreException when the directory cannot be used as a database
     */
    public static Store open(Path dir) {
        if (Files.exists(dir.resolve(BulkLoad.UNFINISHED)))
            throw new StoreException(dir + ": an initial bulk load into this database did not finish, so it may hold part of it;"
                    + " delete the folder and load again", null);
        try {
            Files.createDirectories(dir);
            DatasetGraph base = DatabaseMgr.connectDatasetGraph(Location.create(dir));
            try {
                return new Store(base, SearchIndex.open(dir, base), dir);
            } catch (java.io.IOException | RuntimeException e) {
                TDBInternal.expel(base);
                throw e;
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new StoreException(dir + ": cannot open database (" + e.getMessage() + ")", e);
        }
    }

    /** @return an empty store that lives as long as the process */
    public static Store inMemory() {
        return new Store(DatabaseMgr.createDatasetGraph(), SearchIndex.inMemory(), null);
    }

    /** @return the dataset, for querying and serving (text-indexed); write only through this class */
    public DatasetGraph dataset() { return dsg; }

    /**
     * @return how many write transactions have committed since this store was opened (counted by a
     *         TDB2 transaction listener; a bulk load, which is not a transaction, is not counted), so
     *         anything computed from the data in this process can tell whether it is still current
     */
    public long dataVersion() { return dataVersion.get(); }

    /** @return the database directory, or null when in memory */
    public Path directory() { return dir; }

    /**
     * Replaces a named graph with new content in one write transaction: readers see the old graph or
     * the new one, never a mix.
     *
     * @param graphName the graph's IRI
     * @param content   the new content
     */
    public void replaceGraph(String graphName, Graph content) {
        Node g = NodeFactory.createURI(graphName);
        Txn.executeWrite(dsg, () -> {
            clearGraph(g);
            content.find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        });
    }

    /**
     * Replaces several named graphs in one write transaction: all of them or none.
     *
     * @param graphs graph IRI → new content, written in iteration order
     */
    public void replaceGraphsAtomically(java.util.LinkedHashMap<String, Graph> graphs) {
        Txn.executeWrite(dsg, () -> graphs.forEach((name, content) -> {
            Node g = NodeFactory.createURI(name);
            clearGraph(g);
            content.find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        }));
    }

    /**
     * Writes several graphs (the ontology and taxonomies) in one transaction, replacing each one
     * whose content changed. Unchanged graphs are left alone, so their blank nodes keep their
     * identity and repeated loads leave the store byte-for-byte the same.
     *
     * @param graphs graph IRI → content
     */
    public void replaceGraphs(Map<String, Model> graphs) {
        boolean changed = Txn.calculateRead(dsg, () -> graphs.entrySet().stream().anyMatch(e ->
                !dsg.getGraph(NodeFactory.createURI(e.getKey())).isIsomorphicWith(e.getValue().getGraph())));
        if (!changed) return;
        Txn.executeWrite(dsg, () -> graphs.forEach((name, model) -> {
            Node g = NodeFactory.createURI(name);
            if (dsg.getGraph(g).isIsomorphicWith(model.getGraph())) return;
            clearGraph(g);
            model.getGraph().find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
        }));
    }

    /**
     * Empties a named graph, inside the caller's write transaction. Indexed triples are deleted
     * through the text-indexed dataset, so their documents go too; the rest is removed by TDB2
     * directly. (The text wrapper deletes quad by quad after a find, and TDB2 hands decimals back in
     * canonical form, "26" as "26.0", which then match nothing: such triples would stay behind.)
     */
    private void clearGraph(Node g) {
        for (Resource p : SearchIndex.FIELDS.keySet()) dsg.deleteAny(g, Node.ANY, p.asNode(), Node.ANY);
        base.removeGraph(g);
    }

    /**
     * Starts writing new named graphs through TDB2's bulk loader, the engine of {@code tdb2.tdbloader}
     * (the phased loader: the data and primary indexes first, then the other indexes from them, on
     * threads of their own). Several times cheaper than adding quads in transactions, but it is not
     * a transaction: until {@link BulkLoad#finish} returns, no one else may use the database, and a
     * load that fails half way leaves part of it behind. So it is for filling an empty database:
     * a marker file in the database folder makes {@link #open} refuse a database whose bulk load did
     * not finish, instead of serving half of it.
     *
     * @return the bulk load, to be finished (or closed, which abandons it)
     * @throws IllegalStateException when the store is in memory
     */
    public BulkLoad bulkLoad() {
        if (dir == null) throw new IllegalStateException("bulk loading needs a database directory");
        return new BulkLoad();
    }

    /** A bulk load in progress: graphs streamed into TDB2's bulk loader, their text documents into the index. */
    public final class BulkLoad implements AutoCloseable {
        /** Marker file present while a bulk load runs, {@value}. */
        static final String UNFINISHED = "bulk-load.unfinished";
        private final org.apache.jena.tdb2.loader.DataLoader loader;
        private final org.apache.jena.riot.system.StreamRDF stream;
        private final Set<String> written = new java.util.HashSet<>();
        private boolean done;

        private BulkLoad() {
            try {
                Files.writeString(dir.resolve(UNFINISHED), "A bulk load started here and has not finished.\n");
            } catch (java.io.IOException e) {
                throw new StoreException(dir + ": cannot start a bulk load (" + e.getMessage() + ")", e);
            }
            loader = org.apache.jena.tdb2.loader.LoaderFactory.phasedLoader(base, (fmt, args) -> {});
            loader.startBulk();
            stream = loader.stream();
            stream.start();
        }

        /**
         * @param graphName a graph not in the store, nor added before in this bulk load
         * @param content   its triples
         * @throws IllegalArgumentException when the graph was already added in this bulk load
         */
        public void add(String graphName, Graph content) {
            if (!written.add(graphName)) throw new IllegalArgumentException(graphName + ": added twice in one bulk load");
            Node g = NodeFactory.createURI(graphName);
            content.find().forEachRemaining(t -> {
                org.apache.jena.sparql.core.Quad q = org.apache.jena.sparql.core.Quad.create(g, t);
                stream.quad(q);
                SearchIndex.add(textIndex, q);
            });
        }

        /** Builds the remaining indexes and makes the load durable; then the store is usable again. */
        public void finish() {
            stream.finish();
            loader.finishBulk();
            textIndex.commit();
            done = true;
            try {
                Files.deleteIfExists(dir.resolve(UNFINISHED));
            } catch (java.io.IOException e) {
                throw new StoreException(dir + ": loaded, but cannot remove " + UNFINISHED + " (" + e.getMessage() + ")", e);
            }
        }

        /** Abandons an unfinished load: the marker stays, so the database will not open again. */
        @Override public void close() {
            if (done) return;
            done = true;
            try {
                loader.finishException(new IllegalStateException("bulk load abandoned"));
            } finally {
                textIndex.rollback();
            }
        }
    }

    /** @return the names of the graphs in the store, sorted */
    public Set<String> graphNames() {
        return Txn.calculateRead(dsg, () -> {
            Set<String> names = new TreeSet<>();
            dsg.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
            return names;
        });
    }

    /**
     * @return whether some graph's name starts with {@code prefix}. Unlike {@link #graphNames} it
     *         stops at the first such graph: listing all of them reads one index entry per report,
     *         which at 10,000 reports was two thirds of {@code serve --db}'s start-up.
     */
    public boolean anyGraphStartsWith(String prefix) {
        return Txn.calculateRead(dsg, () -> {
            Iterator<Node> graphs = dsg.listGraphNodes();
            while (graphs.hasNext()) {
                Node g = graphs.next();
                if (g.isURI() && g.getURI().startsWith(prefix)) return true;
            }
            return false;
        });
    }

    /** @return whether the store holds a graph of this name (one index lookup, not a listing) */
    public boolean containsGraph(String graphName) {
        return Txn.calculateRead(dsg, () -> dsg.containsGraph(NodeFactory.createURI(graphName)));
    }

    /**
     * Counts what the named graphs hold, in one pass over a quad index (see {@link GraphCounts}).
     *
     * @param leftOut        names of graphs not to count
     * @param entityPrefix   the start of this data's own IRIs
     * @param exampleClasses classes to name a first instance of
     * @return the counts, read in one read transaction
     */
    public GraphCounts countNamedGraphs(Set<String> leftOut, String entityPrefix, Set<String> exampleClasses) {
        return Txn.calculateRead(base, () -> GraphCounts.count(base, leftOut, entityPrefix, exampleClasses));
    }

    /**
     * @return an execution of {@code query} over the whole store without the time limit a server
     *         puts on the dataset for its clients ({@code serve --timeout}, in the dataset's
     *         context): what Practice Graph computes for itself (the derived graphs, similarity)
     *         must run to the end, and at 50,000 reports counting the data takes minutes
     */
    public QueryExecution ownQuery(Query query) {
        var qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(query).set(ARQ.queryTimeout, "-1");
        // DISTINCT and ORDER BY past this many rows go to temporary files, not the heap
        if (!dsg.getContext().isDefined(ARQ.spillToDiskThreshold)) qe = qe.set(ARQ.spillToDiskThreshold, SPILL_THRESHOLD);
        return qe.build();
    }

    /** @see #ownQuery(Query) */
    public QueryExecution ownQuery(String sparql) { return ownQuery(QueryFactory.create(sparql)); }

    /** @return a copy of one named graph (empty when absent) */
    public Graph graph(String graphName) {
        return Txn.calculateRead(dsg, () -> {
            Graph copy = GraphFactory.createDefaultGraph();
            dsg.getGraph(NodeFactory.createURI(graphName)).find().forEachRemaining(copy::add);
            return copy;
        });
    }

    /**
     * Writes every quad as gzip-compressed N-Quads, in one read transaction: a consistent snapshot
     * even while loads go on.
     *
     * @param out where to write; not closed
     * @return the number of quads written
     */
    public long backup(java.io.OutputStream out) {
        return Txn.calculateRead(dsg, () -> {
            try {
                var gzip = new java.util.zip.GZIPOutputStream(out);
                org.apache.jena.riot.system.StreamRDF stream = org.apache.jena.riot.system.StreamRDFWriter.getWriterStream(gzip, org.apache.jena.riot.RDFFormat.NQUADS);
                long[] count = {0};
                stream.start();
                dsg.find().forEachRemaining(q -> { stream.quad(q); count[0]++; });
                stream.finish();
                gzip.finish();
                return count[0];
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * Loads a backup into this store, which must hold no quads, in one write transaction: a
     * truncated or corrupt backup leaves the store empty.
     *
     * @param in gzip-compressed N-Quads, as {@link #backup} writes them
     * @return the number of quads restored
     * @throws StoreException when the store is not empty or the backup cannot be read
     */
    public long restore(java.io.InputStream in) {
        if (!Txn.calculateRead(dsg, dsg::isEmpty))
            throw new StoreException(where() + ": restore needs an empty database", null);
        try {
            var gzip = new java.util.zip.GZIPInputStream(in);
            return Txn.calculateWrite(dsg, () -> {
                long before = dsg.stream().count();
                org.apache.jena.riot.RDFParser.source(gzip).lang(org.apache.jena.riot.Lang.NQUADS).parse(dsg);
                return dsg.stream().count() - before;
            });
        } catch (java.io.IOException | org.apache.jena.riot.RiotException e) {
            throw new StoreException(where() + ": cannot restore, the backup is not gzip N-Quads or is truncated (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Searches evidence sentences ({@code pg:quote}) and labels ({@code rdfs:label},
     * {@code skos:prefLabel}, {@code skos:altLabel}, {@code dcterms:title}) of every graph.
     * English analysis: case and stop words are ignored and words are stemmed, so
     * "Apprenticeships" finds "apprenticeship" (but not "apprentice").
     *
     * @param query words (any may match; better matches first), {@code "a phrase"}, {@code prefix*},
     *              {@code AND}, {@code OR}, {@code NOT}, or one field ({@code quote:}, {@code label:},
     *              {@code prefLabel:}, {@code altLabel:}, {@code title:}): Lucene's classic syntax
     * @param limit most hits to return, 1 to {@value #MAX_SEARCH_HITS}
     * @return the hits, best first; empty when nothing matches
     * @throws IllegalArgumentException when the query is blank or not valid Lucene syntax (the
     *         message says what is wrong and how to escape special characters), or the limit is out of range
     */
    public List<SearchHit> search(String query, int limit) {
        java.util.Objects.requireNonNull(query, "query");
        if (limit < 1 || limit > MAX_SEARCH_HITS)
            throw new IllegalArgumentException("search limit must be 1 to " + MAX_SEARCH_HITS + " (got " + limit + ")");
        SearchIndex.check(query);
        List<Resource> props = new ArrayList<>(SearchIndex.FIELDS.keySet());
        List<TextHit> hits;
        try {
            hits = textIndex.query((String) null, props, query, null, null, limit, null);
        } catch (TextIndexParseException e) {
            // check() parses as the index does, so this is a safety net, not the usual path
            throw new IllegalArgumentException("cannot read search query '" + query + "': " + e.getMessage(), e);
        }
        List<SearchHit> out = new ArrayList<>(hits.size());
        for (TextHit h : hits) {
            Node s = h.getNode();
            out.add(new SearchHit(s.isURI() ? s.getURI() : "_:" + s.getBlankNodeLabel(),
                    h.getProp() != null ? h.getProp().getURI() : null,
                    h.getLiteral() != null ? h.getLiteral().getLiteralLexicalForm() : null,
                    h.getScore(),
                    h.getGraph() != null ? h.getGraph().getURI() : null));
        }
        return out;
    }

    private String where() { return dir != null ? dir.toString() : "in-memory store"; }

    /** Releases the database directory and its text index so another process may open them. */
    @Override public void close() {
        if (dir != null) {
            TDBInternal.expel(base);
            textIndex.close();
        }
    }
}
