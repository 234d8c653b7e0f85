package org.practicegraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.dboe.transaction.txn.TransactionListener;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.StringHelper;
import org.practicegraph.rdf.PG;

/**
 * The Lucene index behind full-text search ({@code jena-text}): one Lucene document per indexed
 * triple per named graph, so removing a report's graph removes exactly its hits.
 *
 * <p>Indexed predicates, each in a field of its own (the field is what a hit reports as its
 * property): {@code pg:quote} (field {@code quote}, the primary field that a SPARQL
 * {@code text:query} without a property searches), {@code rdfs:label} ({@code label}),
 * {@code skos:prefLabel} ({@code prefLabel}), {@code skos:altLabel} ({@code altLabel}) and
 * {@code dcterms:title} ({@code title}). Every document also holds its subject ({@code uri}), its
 * graph ({@code graph}), the literal's language ({@code lang}) and a hash of all four
 * ({@code uid}), by which a deleted triple finds its document. Values are stored, so a hit carries
 * its text. Text fields are analysed with Lucene's {@link EnglishAnalyzer}: lower case, English
 * stop words dropped, Porter stemming ("apprenticeships" finds "apprenticeship").
 *
 * <p>On disk the index is the folder {@value #FOLDER} inside the database directory. A database
 * without it (made before search existed, or whose index was deleted to rebuild it) gets it built
 * from the data on open, into a scratch folder that is moved into place only when complete. So
 * does a database whose index holds a different number of documents than it has indexed triples
 * (a process killed between the TDB2 commit and the Lucene commit, an index copied from elsewhere,
 * or data written by a tool that does not know the index).
 *
 * <p>Counting reads every indexed triple, seconds for a large database, so it is done only when the
 * database or its index may have changed since the two were last known to be in step. The stamp
 * {@value #STAMP} beside the folder records such a moment: the index's latest Lucene commit (its
 * segments file and the random id Lucene gives every commit) and a digest of TDB2's on-disk state
 * (the data folder names and the small state files in which every B+tree records its root and
 * allocation limits and the node file its length; TDB2 never overwrites a block in place, so every
 * commit that changes data changes them). It is written after a count or a build on open, and
 * after every write transaction once both TDB2 and the index have committed it (TDB2 commits the
 * index as one of its components, then tells its listeners). On open, a stamp matching both the
 * data and the index stands for the count. Anything else makes it stale and the count is done: a
 * process killed between the two commits (TDB2 replays its journal, the index stays behind), a
 * failed commit of the index (which also removes the stamp), documents of an unfinished
 * transaction committed by closing the index, data written without the index, an index from
 * elsewhere.
 */
final class SearchIndex {
    /** The index folder's name inside the database directory, {@value}. */
    static final String FOLDER = "text-index";
    /** The stamp's file name inside the database directory, {@value}: see the class comment. */
    static final String STAMP = "text-index.stamp";

    /** Indexed predicate → Lucene field, in the order {@link Store#search} lists fields. */
    static final Map<Resource, String> FIELDS = fields();

    private SearchIndex() {}

    private static Map<Resource, String> fields() {
        Map<Resource, String> m = new LinkedHashMap<>();
        m.put(PG.quote, "quote");
        m.put(RDFS.label, "label");
        m.put(SKOS.prefLabel, "prefLabel");
        m.put(SKOS.altLabel, "altLabel");
        m.put(ResourceFactory.createProperty(DCTerms.NS, "title"), "title");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** @return the entity definition: subject, graph, language and uid fields, one text field per predicate */
    static EntityDefinition entityDefinition() {
        EntityDefinition def = new EntityDefinition("uri", "quote", "graph", PG.quote.asNode());
        FIELDS.forEach((p, field) -> { if (!p.equals(PG.quote)) def.set(field, p.asNode()); });
        def.setLangField("lang");
        def.setUidField("uid");
        return def;
    }

    /** @return a fresh analyzer for the text fields, at index and query time alike */
    static Analyzer analyzer() { return new EnglishAnalyzer(); }

    private static TextIndexConfig config() {
        TextIndexConfig config = new TextIndexConfig(entityDefinition());
        config.setAnalyzer(analyzer());
        config.setValueStored(true);
        return config;
    }

    private static TextIndex open(Directory directory) {
        return TextDatasetFactory.createLuceneIndex(directory, config());
    }

    /** @return an index held in memory, for an in-memory store (empty, as the store is) */
    static TextIndex inMemory() { return open(new ByteBuffersDirectory()); }

    /**
     * Opens the index of a database directory, first building it from {@code data} when the
     * folder is missing or out of step with the data (checked by counting unless the stamp matches).
     *
     * @param dbDir the database directory
     * @param data  the database, not yet text-indexed
     * @return the open index, which keeps the stamp current as transactions commit
     * @throws IOException when the folder cannot be made or read
     */
    static TextIndex open(Path dbDir, DatasetGraph data) throws IOException {
        Path folder = dbDir.resolve(FOLDER);
        boolean trusted = Files.isDirectory(folder) && stampMatches(dbDir);
        if (Files.isDirectory(folder) && !trusted && !inStep(folder, data)) deleteTree(folder);
        if (!Files.isDirectory(folder)) {
            Path scratch = dbDir.resolve(FOLDER + ".building");
            deleteTree(scratch);
            TextIndex building = open(FSDirectory.open(scratch));
            try {
                build(building, data);
            } finally {
                building.close();
            }
            Files.move(scratch, folder, StandardCopyOption.ATOMIC_MOVE);
        }
        DatabaseIndex index = new DatabaseIndex(FSDirectory.open(folder), config(), dbDir);
        try {
            if (!trusted) stamp(dbDir);
            index.restampAfterEachCommit(data);
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
        return index;
    }

    /** @return whether the index in {@code folder} has one document per indexed triple of {@code data} */
    private static boolean inStep(Path folder, DatasetGraph data) throws IOException {
        int docs;
        try (Directory d = FSDirectory.open(folder)) {
            if (!DirectoryReader.indexExists(d)) return false;
            try (DirectoryReader r = DirectoryReader.open(d)) { docs = r.numDocs(); }
        }
        long triples = Txn.calculateRead(data, () -> FIELDS.keySet().stream().mapToLong(p -> {
            long[] n = {0};
            data.find(Node.ANY, Node.ANY, p.asNode(), Node.ANY).forEachRemaining(q -> { if (q.getObject().isLiteral()) n[0]++; });
            return n[0];
        }).sum());
        return docs == triples;
    }

    /**
     * @param dbDir a database directory (open or closed)
     * @return whether its stamp names the index's latest commit and the data as they are now, so
     *         that the two are known to be in step without counting
     */
    static boolean stampMatches(Path dbDir) {
        try {
            Path stamp = dbDir.resolve(STAMP);
            return Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).equals(currentStamp(dbDir));
        } catch (IOException | RuntimeException e) {
            return false;   // unreadable: count, as without a stamp
        }
    }

    /** Records that the index and the data, as they are now on disk, are in step. */
    private static void stamp(Path dbDir) throws IOException {
        Path tmp = dbDir.resolve(STAMP + ".tmp");
        Files.writeString(tmp, currentStamp(dbDir), StandardCharsets.UTF_8);
        Files.move(tmp, dbDir.resolve(STAMP), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** @return the stamp's text for the index and data as they are now on disk */
    private static String currentStamp(Path dbDir) throws IOException {
        return "# The text index and the TDB2 data were in step when they were as below (see SearchIndex).\n"
                + "lucene=" + latestCommit(dbDir.resolve(FOLDER)) + "\n"
                + "tdb2=" + tdbState(dbDir) + "\n";
    }

    /** @return the latest commit of the index in {@code folder}: its segments file and its unique id */
    private static String latestCommit(Path folder) throws IOException {
        try (Directory d = FSDirectory.open(folder)) {
            SegmentInfos commit = SegmentInfos.readLatestCommit(d);
            return commit.getSegmentsFileName() + " " + StringHelper.idToString(commit.getId());
        }
    }

    /**
     * @return a SHA-256 of the names of the TDB2 data folders ({@code Data-NNNN}; the newest is the
     *         live one) and the name and content of the newest one's state files: {@code *.bpt} (a
     *         B+tree's root and allocation limits) and {@code *.bdf} (the node file's length)
     */
    private static String tdbState(Path dbDir) throws IOException {
        MessageDigest sha = sha256();
        List<Path> generations;
        try (Stream<Path> s = Files.list(dbDir)) {
            generations = s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("Data-")).sorted().toList();
        }
        if (generations.isEmpty()) throw new IOException(dbDir + ": no TDB2 data folder");
        for (Path g : generations) sha.update((g.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
        List<Path> stateFiles;
        try (Stream<Path> s = Files.list(generations.get(generations.size() - 1))) {
            stateFiles = s.filter(p -> p.toString().endsWith(".bpt") || p.toString().endsWith(".bdf")).sorted().toList();
        }
        if (stateFiles.isEmpty()) throw new IOException(dbDir + ": no TDB2 state files");
        for (Path f : stateFiles) {
            sha.update((f.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The index of a database directory. Once registered with TDB2's transaction coordinator
     * ({@link #restampAfterEachCommit}) it re-stamps the directory after every write transaction
     * that committed both sides; after any failed commit or rollback of the index it removes the
     * stamp and stamps no more, so the next open counts.
     */
    private static final class DatabaseIndex extends TextIndexLucene {
        private final Path dbDir;
        private volatile boolean failed;

        DatabaseIndex(Directory directory, TextIndexConfig config, Path dbDir) {
            super(directory, config);
            this.dbDir = dbDir;
        }

        @Override public void prepareCommit() { watch(super::prepareCommit); }
        @Override public void commit() { watch(super::commit); }
        @Override public void rollback() { watch(super::rollback); }

        /**
         * Closes the writer without committing (Lucene's own close commits what the writer holds):
         * what a writer can hold past the last commit is either segments merged in the background
         * since then, the same documents rearranged, or the documents of a write transaction the stop
         * cut short, which the data never committed. Committing either made a new Lucene commit
         * that the stamp does not name, so the next open counted every indexed triple: about 75 s at
         * 50,000 reports after a server that had written its derived graphs. Left at its last
         * commit, the index stays the one the stamp names, in step with the data.
         */
        @Override public void close() {
            org.apache.lucene.index.IndexWriter writer = getIndexWriter();
            if (writer == null) return;
            try {
                writer.rollback();
            } catch (IOException e) {
                throw new UncheckedIOException(dbDir.resolve(FOLDER) + ": cannot close the text index", e);
            }
        }

        private void watch(Runnable step) {
            try {
                step.run();
            } catch (RuntimeException | Error e) {
                failed = true;
                forgetStamp();
                throw e;
            }
        }

        /**
         * TDB2 tells its listeners a write transaction has finished committing after its commit
         * point, after every component (this index included) committed and the journal was
         * emptied, and before the next writer may start: both sides are then on disk and in step.
         */
        void restampAfterEachCommit(DatasetGraph data) {
            TransactionCoordinator coordinator = TDBInternal.getTransactionCoordinator(data);
            TransactionListener listener = new TransactionListener() {
                @Override public void notifyCommitFinish(Transaction txn) {
                    if (txn.getMode() == ReadWrite.WRITE) restamp();
                }
            };
            coordinator.modifyConfig(() -> coordinator.addListener(listener));
        }

        private void restamp() {
            if (failed) return;
            try {
                stamp(dbDir);
            } catch (IOException | RuntimeException e) {
                // never fail a transaction that has committed: without a stamp the next open counts
                forgetStamp();
            }
        }

        private void forgetStamp() {
            try {
                Files.deleteIfExists(dbDir.resolve(STAMP));
            } catch (IOException e) {
                // left as it is, it names the state before the failure, which the data no longer has
            }
        }
    }

    /** Adds a document for every indexed triple of {@code data} (read in one transaction), then commits. */
    static void build(TextIndex index, DatasetGraph data) {
        Txn.executeRead(data, () -> {
            for (Resource p : FIELDS.keySet())
                data.find(Node.ANY, Node.ANY, p.asNode(), Node.ANY).forEachRemaining(q -> add(index, q));
        });
        index.commit();
    }

    /** Adds the document of one quad when it is an indexed triple (a text predicate, a literal); ignores any other. */
    static void add(TextIndex index, org.apache.jena.sparql.core.Quad q) {
        Entity e = TextQueryFuncs.entityFromQuad(index.getDocDef(), q);
        if (e != null) index.addEntity(e);
    }

    /**
     * Parses a user's query as {@link Store#search} will run it.
     *
     * @param query Lucene query syntax
     * @throws IllegalArgumentException when it is blank, does not parse, or names a field that is not a text field
     */
    static void check(String query) {
        if (query.isBlank()) throw new IllegalArgumentException("search query is empty");
        Query parsed;
        try {
            QueryParser parser = new QueryParser("quote", analyzer());
            parser.setAllowLeadingWildcard(true);
            parsed = parser.parse(query);
        } catch (ParseException | RuntimeException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("").replaceFirst("^Cannot parse '.*?': ", "");
            throw new IllegalArgumentException("cannot read search query '" + query + "': " + why + HINT, e);
        }
        Set<String> fields = new HashSet<>();
        parsed.visit(new QueryVisitor() {
            @Override public boolean acceptField(String field) { fields.add(field); return true; }
            @Override public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) { return this; }
        });
        fields.removeAll(FIELDS.values());
        if (!fields.isEmpty())
            throw new IllegalArgumentException("search query '" + query + "' names " + fields.iterator().next()
                    + ", which is not a searchable field (" + String.join(", ", FIELDS.values())
                    + "); put \\ before a colon that is part of the text" + HINT);
    }

    private static final String HINT = ". Lucene syntax: words, \"a phrase\", prefix*, AND, OR, NOT, field:word;"
            + " put \\ before + - ! ( ) { } [ ] ^ \" ~ * ? : / to search for the character itself";

    /** @return the fields of {@link #FIELDS}, in order */
    static List<String> fieldNames() { return List.copyOf(FIELDS.values()); }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try { Files.delete(p); } catch (IOException e) { throw new UncheckedIOException(e); }
            });
        }
    }
}
