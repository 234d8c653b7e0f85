package org.practicegraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.practicegraph.rdf.Iris;
import org.practicegraph.report.Reports;

class LoaderTest {
    static final Path SAMPLE = Path.of("corpus/sample");
    static Loader.Components components;

    @BeforeAll
    static void components() { components = Loader.Components.bundled(); }

    static Stream<Path> samples() throws IOException {
        return Files.list(SAMPLE).filter(Reports::isReportFile).sorted();
    }

    private static Loader loader(Store store, List<String> warnings) {
        return Loader.create().store(store).components(components).onWarning(warnings::add).build();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleGraphConformsToTheShapes(Path file) {
        Graph g = loader(Store.inMemory(), new ArrayList<>()).toGraph(file, new ArrayList<>());
        assertThat(ShaclValidator.get().validate(Loader.bundledShapes(), g).conforms()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEvidenceQuoteIsTheTextAtItsOffsets(Path file) {
        Store store = Store.inMemory();
        loader(store, new ArrayList<>()).load(List.of(file));
        String text = Reports.parse(file).text();
        List<QuerySolution> rows = select(store, """
                PREFIX pg: <https://w3id.org/practice-graph/def#>
                SELECT ?q ?s ?e WHERE { ?ev a pg:Evidence ; pg:quote ?q ; pg:startOffset ?s ; pg:endOffset ?e }""");
        assertThat(rows).isNotEmpty();
        for (QuerySolution r : rows)
            assertThat(text.substring(r.getLiteral("s").getInt(), r.getLiteral("e").getInt())).isEqualTo(r.getLiteral("q").getString());
    }

    @Test
    void oneNamedGraphPerReportPlusOntologyAndTaxonomies() {
        Store store = Store.inMemory();
        LoadResult r = loader(store, new ArrayList<>()).load(List.of(SAMPLE));
        assertThat(r.ok()).isTrue();
        assertThat(r.loaded()).hasSize(5);
        assertThat(store.graphNames()).filteredOn(g -> g.startsWith(Iris.DEFAULT.reportGraphPrefix())).hasSize(5);
        assertThat(store.graphNames()).contains("https://w3id.org/practice-graph/def",
                "https://w3id.org/practice-graph/def/initiative-type", "https://w3id.org/practice-graph/def/quality-statement");
    }

    @Test
    void scoresAndAuthoritiesFromManifestOrText() throws IOException {
        Store store = Store.inMemory();
        List<String> warnings = new ArrayList<>();
        // No manifest: the loader finds Hillingdon and Hounslow in the text, and warns for the other three.
        loader(store, warnings).load(samples().toList());
        List<String> rows = select(store, """
                PREFIX pg: <https://w3id.org/practice-graph/def#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                SELECT ?f ?score ?label ?gss WHERE {
                  ?a a pg:Assessment ; pg:score ?score ; pg:assessedAuthority ?la ; prov:wasDerivedFrom/dcterms:identifier ?f .
                  ?la rdfs:label ?label . OPTIONAL { ?la pg:gssCode ?gss } } ORDER BY ?f""").stream()
                .map(s -> s.get("f").asLiteral().getString() + " " + s.get("score").asLiteral().getInt() + " " + s.get("label").asLiteral().getString()
                        + (s.contains("gss") ? " " + s.get("gss").asLiteral().getString() : "")).toList();
        assertThat(rows).containsExactly(
                "000_c7a78147fca09e56.txt 3 Unidentified authority (000_c7a78147fca09e56.txt)",
                "001_be58087aa61b4f94.txt 3 Unidentified authority (001_be58087aa61b4f94.txt)",
                "002_69a4ab76882569fd.txt 4 Unidentified authority (002_69a4ab76882569fd.txt)",
                "003_874a80aed6dcf2ea.txt 3 Hillingdon E09000017",
                "004_9ad3562cb36cee7d.txt 3 Hounslow E09000018");
        assertThat(warnings).filteredOn(w -> w.contains("could not be identified")).hasSize(3)
                .allSatisfy(w -> assertThat(w).startsWith("warning: 00"));
    }

    @Test
    void twoLoadsGiveIdenticalQuadsBesidesTheirLoadTimes() {
        // prov:generatedAtTime records when each report graph was written, so it differs by design
        assertThat(withoutLoadTimes(sortedNQuads(loadSamples()))).isEqualTo(withoutLoadTimes(sortedNQuads(loadSamples())));
    }

    @Test
    void extractingOnSeveralThreadsGivesWhatOneThreadGives(@TempDir Path dir) throws IOException {
        // samples, held-out reports, bad files and a duplicate, in one load
        Path copy = dir.resolve("copy-of-003.txt");
        Files.copy(SAMPLE.resolve("003_874a80aed6dcf2ea.txt"), copy);
        List<Path> inputs = List.of(SAMPLE, Path.of("src/test/resources/heldout"), Path.of("src/test/resources/bad/score-seven.txt"),
                Path.of("src/test/resources/bad/binary.txt"), copy, Path.of("src/test/resources/bad/unknown-statement.txt"));
        List<String> oneWarnings = new ArrayList<>(), fourWarnings = new ArrayList<>();
        try (Store one = Store.inMemory(); Store four = Store.inMemory()) {
            LoadResult r1 = Loader.create().store(one).threads(1).batchSize(3).onWarning(oneWarnings::add).build().load(inputs);
            LoadResult r4 = Loader.create().store(four).threads(4).batchSize(3).onWarning(fourWarnings::add).build().load(inputs);
            assertThat(r1.loaded()).hasSizeGreaterThan(8);
            assertThat(r1.problems()).hasSize(4);
            assertThat(r4).isEqualTo(r1);
            assertThat(fourWarnings).isEqualTo(oneWarnings);
            // the report graphs (the ontology's blank nodes are labelled afresh by each parse)
            assertThat(reportQuads(four)).isEqualTo(reportQuads(one)).contains("/graph/report/h02_assessing_needs_cheshire_east>");
        }
        assertThatThrownBy(() -> Loader.create().threads(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachReportRecordsWhenItWasLoaded() {
        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<java.time.Instant> times = select(loadSamples(), """
                PREFIX prov: <http://www.w3.org/ns/prov#>
                PREFIX pg: <https://w3id.org/practice-graph/def#>
                SELECT ?t WHERE { GRAPH ?g { ?r a pg:Report ; prov:generatedAtTime ?t } }""").stream()
                .map(s -> java.time.Instant.parse(s.get("t").asLiteral().getLexicalForm())).toList();
        assertThat(times).hasSize(5).allSatisfy(t -> assertThat(t).isBetween(before, java.time.Instant.now()));
    }

    private static String reportQuads(Store store) {
        return withoutLoadTimes(sortedNQuads(store)).lines().filter(l -> l.contains("/graph/report/"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    private static String withoutLoadTimes(String nquads) {
        return nquads.lines().filter(l -> !l.contains("<http://www.w3.org/ns/prov#generatedAtTime>"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void reloadingAReportReplacesItsGraph(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("report.txt");
        Files.copy(SAMPLE.resolve("004_9ad3562cb36cee7d.txt"), copy);
        try (Store store = Store.open(dir.resolve("db"))) {
            Loader loader = loader(store, new ArrayList<>());
            loader.load(List.of(copy));
            Files.writeString(copy, Files.readString(copy).replace("## Score 3", "## Score 2").replace("3 - Evidence shows a good standard", ""));
            loader.load(List.of(copy));
            List<QuerySolution> scores = select(store, "SELECT ?s WHERE { ?a <https://w3id.org/practice-graph/def#score> ?s }");
            assertThat(scores).extracting(s -> s.getLiteral("s").getInt()).containsExactly(2);
        }
    }

    @Test
    void aBadFileLeavesTheDatabaseAsItWas(@TempDir Path dir) {
        try (Store store = Store.open(dir.resolve("db"))) {
            Loader loader = loader(store, new ArrayList<>());
            loader.load(List.of(SAMPLE.resolve("003_874a80aed6dcf2ea.txt")));
            String before = sortedNQuads(store);
            LoadResult r = loader.load(List.of(Path.of("src/test/resources/bad/score-seven.txt"),
                    Path.of("src/test/resources/bad/binary.txt"), Path.of("src/test/resources/bad/unknown-statement.txt")));
            assertThat(r.loaded()).isEmpty();
            assertThat(r.problems()).containsExactly(
                    "score-seven.txt: score 7 is out of range (expected 1 to 4)",
                    "binary.txt: file is binary (contains NUL bytes), not a text report",
                    "unknown-statement.txt: no heading names a CQC quality statement (title: 'Things we liked')");
            assertThat(sortedNQuads(store)).isEqualTo(before);
        }
    }

    private static Store loadSamples() {
        Store store = Store.inMemory();
        loader(store, new ArrayList<>()).load(List.of(SAMPLE));
        return store;
    }

    static String sortedNQuads(Store store) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Txn.executeRead(store.dataset(), () -> RDFDataMgr.write(out, store.dataset(), RDFFormat.NQUADS));
        return out.toString().lines().sorted().reduce("", (a, b) -> a + b + "\n");
    }

    static List<QuerySolution> select(Store store, String sparql) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.create(sparql, DatasetFactory.wrap(store.dataset()))) {
                List<QuerySolution> rows = new ArrayList<>();
                // Copy inside the transaction: TDB2 bindings resolve their nodes lazily.
                org.apache.jena.query.ResultSetFactory.copyResults(qe.execSelect()).forEachRemaining(rows::add);
                return rows;
            }
        });
    }
}
