package org.practicegraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicegraph.rdf.PG;

/** Full-text search over the sample corpus: what it finds, how it analyses words, and that it stays in step with the data. */
class SearchTest {
    static final String REPORT = "https://w3id.org/practice-graph/id/graph/report/";
    static final String G002 = REPORT + "002_69a4ab76882569fd";
    static final String EVIDENCE_002 = "https://w3id.org/practice-graph/id/evidence/002_69a4ab76882569fd/8032-8089";
    static final String SENTENCE_002 = "There were apprenticeship opportunities in data analysis.";
    static final String QUOTE = PG.quote.getURI();

    static Store samples;

    @TempDir Path dir;

    @BeforeAll
    static void load() {
        samples = Store.inMemory();
        Loader.create().store(samples).build().load(List.of(Path.of("corpus/sample")));
    }

    static Store loaded(Path db, Path corpus) {
        Store store = Store.open(db);
        LoadResult r = Loader.create().store(store).build().load(List.of(corpus));
        assertThat(r.problems()).isEmpty();
        return store;
    }

    @Test
    void findsAnEvidenceSentenceOfTheSampleCorpus() {
        assertThat(samples.search("apprenticeship opportunities", 20)).first()
                .isEqualTo(samples.search("\"apprenticeship opportunities\"", 1).get(0))
                .extracting(SearchHit::subject, SearchHit::property, SearchHit::text, SearchHit::graph)
                .containsExactly(EVIDENCE_002, QUOTE, SENTENCE_002, G002);
    }

    @Test
    void findsLabelsOfAuthoritiesAndTaxonomyConcepts() {
        assertThat(samples.search("label:Hillingdon", 10))
                .extracting(SearchHit::subject, SearchHit::property, SearchHit::text, SearchHit::graph)
                .containsExactly(
                        // the shorter label scores higher
                        tuple("https://w3id.org/practice-graph/id/authority/hillingdon",
                                "http://www.w3.org/2000/01/rdf-schema#label", "Hillingdon", REPORT + "003_874a80aed6dcf2ea"),
                        tuple("https://w3id.org/practice-graph/id/initiative/003_874a80aed6dcf2ea/hillingdon-social-care-direct",
                                "http://www.w3.org/2000/01/rdf-schema#label", "Hillingdon Social Care Direct", REPORT + "003_874a80aed6dcf2ea"));
        assertThat(samples.search("prefLabel:apprenticeship", 10))
                .extracting(SearchHit::subject, SearchHit::property, SearchHit::text, SearchHit::graph)
                .containsExactly(tuple("https://w3id.org/practice-graph/def/initiative-type/apprenticeship",
                        "http://www.w3.org/2004/02/skos/core#prefLabel", "Apprenticeship",
                        "https://w3id.org/practice-graph/def/initiative-type"));
    }

    @Test
    void englishAnalysisIgnoresCaseAndStemsPlurals() {
        List<SearchHit> plural = samples.search("APPRENTICESHIPS", 100);
        List<SearchHit> singular = samples.search("apprenticeship", 100);
        assertThat(plural).hasSize(17).extracting(SearchHit::subject, SearchHit::property, SearchHit::graph)
                .containsExactlyInAnyOrderElementsOf(singular.stream().map(h -> tuple(h.subject(), h.property(), h.graph())).toList());
        assertThat(plural).extracting(SearchHit::text).contains(SENTENCE_002,
                "We heard the local authority had a culture of “growing their own” professionals through apprenticeships, although these were limited to social work roles.");
        // Porter stemming keeps "apprentice" and "apprenticeship" apart.
        assertThat(samples.search("apprentice", 100)).extracting(SearchHit::subject).doesNotContain(EVIDENCE_002);
        // Stop words alone match nothing.
        assertThat(samples.search("the", 10)).isEmpty();
    }

    @Test
    void reloadingAChangedReportLeavesNoStaleOrDuplicateHits() throws IOException {
        Path corpus = copySamples();
        try (Store store = loaded(dir.resolve("db"), corpus)) {
            List<SearchHit> before = store.search("apprenticeships", 100);
            assertThat(before).hasSize(17);
            // Reloading unchanged and then forced: the same hits, none twice.
            Loader.create().store(store).force(true).build().load(List.of(corpus));
            assertThat(store.search("apprenticeships", 100)).extracting(SearchHit::subject, SearchHit::property, SearchHit::graph)
                    .containsExactlyInAnyOrderElementsOf(before.stream().map(h -> tuple(h.subject(), h.property(), h.graph())).toList());

            Path file = corpus.resolve("002_69a4ab76882569fd.txt");
            Files.writeString(file, Files.readString(file).replace(SENTENCE_002, "There were apprenticeship opportunities in data science."));
            assertThat(Loader.create().store(store).build().load(List.of(corpus)).problems()).isEmpty();

            List<SearchHit> after = store.search("apprenticeships", 100);
            assertThat(after).hasSize(17).extracting(SearchHit::text).doesNotContain(SENTENCE_002);
            assertThat(store.search("\"data analysis\"", 100)).extracting(SearchHit::text).doesNotContain(SENTENCE_002);
            assertThat(store.search("quote:\"data science\"", 100)).extracting(SearchHit::text, SearchHit::graph)
                    .containsExactly(tuple("There were apprenticeship opportunities in data science.", G002));
        }
    }

    @Test
    void replacingOrEmptyingOneGraphChangesExactlyItsHits() {
        Store store = Store.inMemory();
        Loader.create().store(store).build().load(List.of(Path.of("corpus/sample")));
        List<SearchHit> others = store.search("local authority", 1000).stream().filter(h -> !G002.equals(h.graph())).toList();
        assertThat(store.search("local authority", 1000)).extracting(SearchHit::graph).contains(G002);

        Graph changed = store.graph(G002);
        Node evidence = NodeFactory.createURI(EVIDENCE_002);
        changed.remove(evidence, PG.quote.asNode(), Node.ANY);
        changed.add(evidence, PG.quote.asNode(), NodeFactory.createLiteralString("There were traineeship opportunities in data analysis."));
        store.replaceGraph(G002, changed);
        assertThat(store.search("apprenticeship opportunities", 100)).extracting(SearchHit::text).doesNotContain(SENTENCE_002);
        assertThat(store.search("traineeship", 100)).extracting(SearchHit::subject, SearchHit::text)
                .containsExactly(tuple(EVIDENCE_002, "There were traineeship opportunities in data analysis."));

        store.replaceGraph(G002, org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph());
        assertThat(store.search("local authority", 1000)).extracting(SearchHit::graph).doesNotContain(G002);
        assertThat(store.search("local authority", 1000)).extracting(SearchHit::subject, SearchHit::graph)
                .containsExactlyInAnyOrderElementsOf(others.stream().map(h -> tuple(h.subject(), h.graph())).toList());
    }

    @Test
    void theIndexLivesInTheDatabaseFolderAndSurvivesReopening() {
        Path db = dir.resolve("db");
        try (Store store = loaded(db, Path.of("corpus/sample"))) {
            assertThat(store.search("apprenticeships", 100)).hasSize(17);
        }
        assertThat(db.resolve(SearchIndex.FOLDER)).isDirectory();
        try (Store store = Store.open(db)) {
            assertThat(store.search("apprenticeships", 100)).hasSize(17);
        }
    }

    @Test
    void aDatabaseMadeBeforeSearchGetsItsIndexBuiltOnOpen() {
        // A TDB2 database written without the text index, as earlier versions did.
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        samples.backup(backup);
        Path db = dir.resolve("old-db");
        DatasetGraph old = DatabaseMgr.connectDatasetGraph(Location.create(db));
        Txn.executeWrite(old, () -> RDFParser.source(gunzip(backup.toByteArray())).lang(Lang.NQUADS).parse(old));
        TDBInternal.expel(old);
        assertThat(db.resolve(SearchIndex.FOLDER)).doesNotExist();

        try (Store store = Store.open(db)) {
            assertThat(db.resolve(SearchIndex.FOLDER)).isDirectory();
            assertThat(db.resolve(SearchIndex.FOLDER + ".building")).doesNotExist();
            assertThat(store.search("apprenticeships", 100)).extracting(SearchHit::subject, SearchHit::property, SearchHit::graph)
                    .hasSize(17)
                    .containsExactlyInAnyOrderElementsOf(samples.search("apprenticeships", 100).stream()
                            .map(h -> tuple(h.subject(), h.property(), h.graph())).toList());
        }
    }

    @Test
    void anIndexOutOfStepWithTheDataIsRebuiltOnOpen() throws IOException {
        Path corpus = copySamples(), db = dir.resolve("db"), saved = dir.resolve("saved-index");
        try (Store store = loaded(db, corpus)) {
            assertThat(store.search("\"apprenticeship opportunities\"", 10)).extracting(SearchHit::subject).containsExactly(EVIDENCE_002);
        }
        copyTree(db.resolve(SearchIndex.FOLDER), saved);
        Files.copy(db.resolve(SearchIndex.STAMP), saved.resolve(SearchIndex.STAMP));
        Path report = corpus.resolve("002_69a4ab76882569fd.txt");
        Files.writeString(report, Files.readString(report).replace(SENTENCE_002, ""));
        List<SearchHit> now;
        try (Store store = loaded(db, corpus)) {
            assertThat(store.search("\"apprenticeship opportunities\"", 10)).isEmpty();
            now = store.search("apprenticeship OR local", 1000);
        }
        // As if the process had died after the TDB2 commit and before the Lucene commit: the index
        // and the stamp are those of before the change, the data is after it.
        deleteTree(db.resolve(SearchIndex.FOLDER));
        copyTree(saved, db.resolve(SearchIndex.FOLDER));
        Files.move(db.resolve(SearchIndex.FOLDER).resolve(SearchIndex.STAMP), db.resolve(SearchIndex.STAMP),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(SearchIndex.stampMatches(db)).isFalse();
        try (Store store = Store.open(db)) {
            assertThat(store.search("\"apprenticeship opportunities\"", 10)).isEmpty();
            assertThat(store.search("apprenticeship OR local", 1000)).extracting(SearchHit::subject, SearchHit::property, SearchHit::graph)
                    .containsExactlyInAnyOrderElementsOf(now.stream().map(h -> tuple(h.subject(), h.property(), h.graph())).toList());
        }
    }

    @Test
    void theStampFollowsEveryCommitSoAReopenDoesNotCount() {
        Path db = dir.resolve("db");
        try (Store store = loaded(db, Path.of("corpus/sample"))) {
            assertThat(SearchIndex.stampMatches(db)).as("stamped after the load's commits").isTrue();
            Loader.create().store(store).force(true).build().load(List.of(Path.of("corpus/sample/002_69a4ab76882569fd.txt")));
            assertThat(SearchIndex.stampMatches(db)).as("and after the next").isTrue();
        }
        assertThat(SearchIndex.stampMatches(db)).isTrue();
        try (Store store = Store.open(db)) {
            // opening (and reading) changes neither side, so the stamp still stands while open
            assertThat(store.search("apprenticeships", 100)).hasSize(17);
            assertThat(SearchIndex.stampMatches(db)).isTrue();
        }
        assertThat(SearchIndex.stampMatches(db)).isTrue();
    }

    @Test
    void dataWrittenWithoutTheIndexIsCaughtDespiteTheStamp() {
        Path db = dir.resolve("db");
        loaded(db, Path.of("corpus/sample")).close();
        assertThat(SearchIndex.stampMatches(db)).isTrue();
        // A tool that does not know the index (tdb2.tdbloader, an older version) adds a label.
        DatasetGraph raw = DatabaseMgr.connectDatasetGraph(Location.create(db));
        Txn.executeWrite(raw, () -> raw.add(NodeFactory.createURI(REPORT + "extra"), NodeFactory.createURI("https://example.org/x"),
                org.apache.jena.vocabulary.RDFS.label.asNode(), NodeFactory.createLiteralString("Zygomorphic widgets")));
        TDBInternal.expel(raw);

        assertThat(SearchIndex.stampMatches(db)).isFalse();
        try (Store store = Store.open(db)) {
            assertThat(store.search("zygomorphic", 10)).extracting(SearchHit::subject).containsExactly("https://example.org/x");
        }
    }

    @Test
    void anIndexCopiedFromAnotherDatabaseIsRebuilt() throws IOException {
        // a: all the samples; b: one report, without the sentence of report 002
        Path a = dir.resolve("a"), b = dir.resolve("b");
        loaded(a, Path.of("corpus/sample")).close();
        List<SearchHit> inB;
        try (Store store = loaded(b, Path.of("corpus/sample/003_874a80aed6dcf2ea.txt"))) {
            inB = store.search("apprenticeship OR local", 1000);
        }
        deleteTree(b.resolve(SearchIndex.FOLDER));
        copyTree(a.resolve(SearchIndex.FOLDER), b.resolve(SearchIndex.FOLDER));

        assertThat(SearchIndex.stampMatches(b)).isFalse();
        try (Store store = Store.open(b)) {
            assertThat(store.search("\"apprenticeship opportunities\"", 10)).isEmpty();
            assertThat(store.search("apprenticeship OR local", 1000)).extracting(SearchHit::subject, SearchHit::property, SearchHit::graph)
                    .containsExactlyInAnyOrderElementsOf(inB.stream().map(h -> tuple(h.subject(), h.property(), h.graph())).toList());
        }
    }

    @Test
    void anIndexClosedWithUncommittedDocumentsKeepsItsLastCommitAndItsStamp() throws IOException {
        Path db = dir.resolve("db");
        loaded(db, Path.of("corpus/sample")).close();
        DatasetGraph base = DatabaseMgr.connectDatasetGraph(Location.create(db));
        org.apache.jena.query.text.TextIndex index = SearchIndex.open(db, base);
        TDBInternal.expel(base);
        // A document of a transaction that never committed (a stop in the middle of a write).
        index.addEntity(org.apache.jena.query.text.TextQueryFuncs.entityFromQuad(index.getDocDef(), NodeFactory.createURI(REPORT + "extra"),
                NodeFactory.createURI("https://example.org/x"), org.apache.jena.vocabulary.RDFS.label.asNode(),
                NodeFactory.createLiteralString("Zygomorphic widgets")));
        index.close();

        assertThat(SearchIndex.stampMatches(db)).as("closing committed nothing").isTrue();
        try (Store store = Store.open(db)) {
            assertThat(store.search("zygomorphic", 10)).isEmpty();
            assertThat(store.search("apprenticeships", 100)).hasSize(17);
        }
    }

    @Test
    void segmentsMergedSinceTheLastCommitDoNotInvalidateTheStampOnClose() throws IOException {
        Path db = dir.resolve("db");
        try (Store store = loaded(db, Path.of("corpus/sample"))) {
            // more segments than one: each reload commits one
            for (String report : List.of("002_69a4ab76882569fd.txt", "003_874a80aed6dcf2ea.txt"))
                Loader.create().store(store).force(true).build().load(List.of(Path.of("corpus/sample", report)));
        }
        DatasetGraph base = DatabaseMgr.connectDatasetGraph(Location.create(db));
        org.apache.jena.query.text.TextIndex index = SearchIndex.open(db, base);
        TDBInternal.expel(base);
        assertThat(SearchIndex.stampMatches(db)).isTrue();
        // What a background merge leaves: the same documents in fewer segments, not yet committed.
        org.apache.lucene.index.IndexWriter writer = ((org.apache.jena.query.text.TextIndexLucene) index).getIndexWriter();
        int before = segments(writer);
        writer.forceMerge(1);
        assertThat(segments(writer)).as("merged, from %d segments", before).isEqualTo(1).isLessThan(before);
        index.close();

        assertThat(SearchIndex.stampMatches(db)).as("the merge was not committed by the close, so the next open need not count").isTrue();
        try (Store store = Store.open(db)) {
            assertThat(store.search("apprenticeships", 100)).hasSize(17);
        }
    }

    /** @return how many segments the writer's index has now, committed or not */
    private static int segments(org.apache.lucene.index.IndexWriter writer) throws IOException {
        try (org.apache.lucene.index.DirectoryReader r = org.apache.lucene.index.DirectoryReader.open(writer)) {
            return r.leaves().size();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) if (!f.getFileName().toString().equals("write.lock")) Files.copy(f, to.resolve(f.getFileName()));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Test
    void aRestoredBackupIsSearchable() {
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        samples.backup(backup);
        try (Store copy = Store.open(dir.resolve("restored"))) {
            copy.restore(new ByteArrayInputStream(backup.toByteArray()));
            assertThat(copy.search(SENTENCE_002.replace(".", ""), 1)).extracting(SearchHit::subject).containsExactly(EVIDENCE_002);
        }
    }

    @Test
    void badQueriesGiveAClearMessage() {
        assertThatThrownBy(() -> samples.search("\"apprenticeship opportunities", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read search query '\"apprenticeship opportunities': ")
                .hasMessageContaining("put \\ before");
        assertThatThrownBy(() -> samples.search("care AND", 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cannot read search query 'care AND': ");
        assertThatThrownBy(() -> samples.search("Score: 4", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("search query 'Score: 4' names Score, which is not a searchable field (quote, label, prefLabel, altLabel, title)");
        assertThatThrownBy(() -> samples.search("  ", 10)).isInstanceOf(IllegalArgumentException.class).hasMessage("search query is empty");
        assertThatThrownBy(() -> samples.search("care", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("search limit must be 1 to 10000 (got 0)");
        // Escaped, the same characters are searched as text.
        assertThat(samples.search("Score\\: 4 \\\"apprenticeship", 5)).isNotEmpty();
    }

    private Path copySamples() throws IOException {
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus);
        try (Stream<Path> files = Files.list(Path.of("corpus/sample"))) {
            for (Path f : files.toList()) Files.copy(f, corpus.resolve(f.getFileName()));
        }
        return corpus;
    }

    private static java.io.InputStream gunzip(byte[] bytes) {
        try {
            return new java.util.zip.GZIPInputStream(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
