package org.practicegraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
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
 * (a process killed between the TDB2 commit and the Lucene commit, or an index copied from
 * elsewhere): the count is checked on every open.
 */
final class SearchIndex {
    /** The index folder's name inside the database directory, {@value}. */
    static final String FOLDER = "text-index";

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

    private static TextIndex open(Directory directory) {
        TextIndexConfig config = new TextIndexConfig(entityDefinition());
        config.setAnalyzer(analyzer());
        config.setValueStored(true);
        return TextDatasetFactory.createLuceneIndex(directory, config);
    }

    /** @return an index held in memory, for an in-memory store (empty, as the store is) */
    static TextIndex inMemory() { return open(new ByteBuffersDirectory()); }

    /**
     * Opens the index of a database directory, first building it from {@code data} when the
     * folder is missing.
     *
     * @param dbDir the database directory
     * @param data  the database, not yet text-indexed
     * @return the open index
     * @throws IOException when the folder cannot be made or read
     */
    static TextIndex open(Path dbDir, DatasetGraph data) throws IOException {
        Path folder = dbDir.resolve(FOLDER);
        if (Files.isDirectory(folder) && !inStep(folder, data)) deleteTree(folder);
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
        return open(FSDirectory.open(folder));
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

    /** Adds a document for every indexed triple of {@code data} (read in one transaction), then commits. */
    static void build(TextIndex index, DatasetGraph data) {
        EntityDefinition def = index.getDocDef();
        Txn.executeRead(data, () -> {
            for (Resource p : FIELDS.keySet())
                data.find(Node.ANY, Node.ANY, p.asNode(), Node.ANY).forEachRemaining(q -> {
                    Entity e = TextQueryFuncs.entityFromQuad(def, q);
                    if (e != null) index.addEntity(e);
                });
        });
        index.commit();
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
