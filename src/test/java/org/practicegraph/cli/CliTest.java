package org.practicegraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.practicegraph.rdf.Iris;
import org.practicegraph.rdf.PG;
import org.practicegraph.store.Store;


class CliTest {
    static final String STATS = Iris.DEFAULT.statsGraph();
    @TempDir Path dir;

    static CliRun run(String... args) { return CliRun.of(args); }

    @Test
    void everyCommandHasHelp() {
        for (String c : new String[] {"serve", "load", "query", "validate", "export", "evaluate", "backup", "restore"}) {
            CliRun r = run(c, "--help");
            assertThat(r.code()).as(c).isZero();
            assertThat(r.out()).as(c).contains("Usage: practice-graph " + c);
        }
    }

    @Test
    void loadThenQueryTheDatabase() {
        Path db = dir.resolve("db");
        CliRun load = run("load", "--db", db.toString(), "corpus/sample");
        assertThat(load.code()).isZero();
        assertThat(load.out()).contains("loaded 5 reports").contains("(bulk load into an empty database)");
        CliRun q = run("query", "--db", db.toString(), "--format", "csv", "-e",
                "PREFIX pg: <https://w3id.org/practice-graph/def#> SELECT ?s WHERE { ?a pg:score ?s } ORDER BY ?s");
        assertThat(q.code()).isZero();
        assertThat(q.out()).isEqualTo("s\r\n3\r\n3\r\n3\r\n3\r\n4\r\n");
        // a second load into the same database goes through transactions
        CliRun again = run("load", "--db", db.toString(), "--force", "corpus/sample/003_874a80aed6dcf2ea.txt");
        assertThat(again.out()).contains("loaded 1 report").doesNotContain("bulk");
    }

    @Test
    void aLoadThatChangesNothingLeavesTheStatisticsAlone() {
        Path db = dir.resolve("db");
        assertThat(run("load", "--db", db.toString(), "corpus/sample").code()).isZero();
        // a triple the statistics never hold: gone if the graph is written again
        Triple marker = Triple.create(NodeFactory.createURI(STATS), NodeFactory.createURI("urn:test:marker"), NodeFactory.createLiteralString("left alone"));
        String digest;
        try (Store store = Store.open(db)) {
            Graph stats = store.graph(STATS);
            digest = stats.find(NodeFactory.createURI(STATS), PG.inputDigest.asNode(), null).next().getObject().getLiteralLexicalForm();
            stats.add(marker);
            store.replaceGraph(STATS, stats);
        }

        CliRun again = run("load", "--db", db.toString(), "corpus/sample");
        assertThat(again.out()).contains("nothing to do");
        try (Store store = Store.open(db)) {
            Graph stats = store.graph(STATS);
            assertThat(stats.contains(marker)).as("not rewritten").isTrue();
            assertThat(stats.contains(NodeFactory.createURI(STATS), PG.inputDigest.asNode(), NodeFactory.createLiteralString(digest))).isTrue();
        }

        // a reloaded report is new input: the statistics are written again
        assertThat(run("load", "--db", db.toString(), "--force", "corpus/sample/003_874a80aed6dcf2ea.txt").out()).contains("loaded 1 report");
        try (Store store = Store.open(db)) {
            Graph stats = store.graph(STATS);
            assertThat(stats.contains(marker)).as("rewritten").isFalse();
            assertThat(stats.contains(NodeFactory.createURI(STATS), PG.inputDigest.asNode(), NodeFactory.createLiteralString(digest))).isFalse();
        }
    }

    @Test
    void noBulkLoadsAnEmptyDatabaseInTransactions() {
        CliRun load = run("load", "--db", dir.resolve("db").toString(), "--no-bulk", "corpus/sample");
        assertThat(load.code()).isZero();
        assertThat(load.out()).contains("loaded 5 reports").doesNotContain("bulk");
    }

    @Test
    void theSampleManifestNamesTheCouncils() {
        CliRun q = run("query", "--data", "corpus/sample", "--format", "tsv", "-e", """
                PREFIX pg: <https://w3id.org/practice-graph/def#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?gss WHERE { ?la a pg:LocalAuthority ; pg:gssCode ?gss } ORDER BY ?gss""");
        assertThat(q.out()).isEqualTo("?gss\n\"E09000017\"\n\"E09000018\"\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty.txt|empty.txt: file is empty",
            "binary.txt|binary.txt: file is binary (contains NUL bytes), not a text report",
            "invalid-utf8.txt|invalid-utf8.txt: file is not valid UTF-8 text",
            "no-score.txt|no-score.txt: no score line",
            "score-seven.txt|score-seven.txt: score 7 is out of range (expected 1 to 4)"})
    void badReportsFailTheLoadAndLeaveTheDatabaseAsItWas(String file, String message) throws IOException {
        Path db = dir.resolve("db");
        assertThat(run("load", "--db", db.toString(), "corpus/sample/003_874a80aed6dcf2ea.txt").code()).isZero();
        String before = run("export", "--db", db.toString(), "--format", "nquads").out();
        CliRun r = run("load", "--db", db.toString(), "src/test/resources/bad/" + file);
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().lines().filter(l -> l.startsWith("error: "))).containsExactly("error: " + message + lineRest(r.err(), message));
        assertThat(sorted(run("export", "--db", db.toString(), "--format", "nquads").out())).isEqualTo(sorted(before));
    }

    /** The rest of the error line after the expected prefix (a decoder detail, for instance). */
    private static String lineRest(String err, String prefix) {
        return err.lines().filter(l -> l.startsWith("error: " + prefix)).findFirst()
                .map(l -> l.substring(("error: " + prefix).length())).orElse("<missing>");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "a.txt,Hillingdon|expected 5 columns, found 2",
            "missing.txt,,,,|file missing.txt does not exist"})
    void badManifestRowsFailTheLoad(String row, String problem) throws IOException {
        Path db = dir.resolve("db");
        assertThat(run("load", "--db", db.toString(), "corpus/sample/004_9ad3562cb36cee7d.txt").code()).isZero();
        String before = run("export", "--db", db.toString(), "--format", "nquads").out();
        Files.writeString(dir.resolve("a.txt"), "# Safeguarding\n\nScore: 3\n\nStaff knew how to raise a concern.\n");
        Path csv = dir.resolve("manifest.csv");
        Files.writeString(csv, "file,authority,gss,published,url\n" + row + "\n");
        CliRun r = run("load", "--db", db.toString(), "--manifest", csv.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: " + csv + ":2: " + problem);
        assertThat(sorted(run("export", "--db", db.toString(), "--format", "nquads").out())).isEqualTo(sorted(before));
    }

    @Test
    void aReportNamingNoCouncilLoadsWithAWarning() {
        CliRun r = run("load", "--db", dir.resolve("db").toString(), "src/test/resources/reports/plain-headings.txt");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("warning: plain-headings.txt: the council could not be identified");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"nquads,NQUADS", "trig,TRIG", "jsonld,JSONLD", "turtle,TURTLE"})
    void everyExportFormatReparsesWithRio(String format, String rioFormat) throws IOException {
        Path db = dir.resolve("db");
        run("load", "--db", db.toString(), "corpus/sample");
        Path file = dir.resolve("export." + format);
        CliRun r = run("export", "--db", db.toString(), "--format", format, "--output", file.toString());
        assertThat(r.code()).isZero();
        Path reference = dir.resolve("reference.nq");
        run("export", "--db", db.toString(), "--format", "nquads", "--output", reference.toString());
        Model exported = Rio.parse(Files.newInputStream(file), "", rio(rioFormat));
        Model expected = Rio.parse(Files.newInputStream(reference), "", RDFFormat.NQUADS);
        if (format.equals("turtle")) {
            // Turtle holds one graph: the union of all of them.
            expected = new org.eclipse.rdf4j.model.impl.LinkedHashModel(expected.stream()
                    .map(s -> org.eclipse.rdf4j.model.impl.SimpleValueFactory.getInstance()
                            .createStatement(s.getSubject(), s.getPredicate(), s.getObject())).toList());
        }
        assertThat(exported.size()).isGreaterThan(1000);
        assertThat(Models.isomorphic(exported, expected)).isTrue();
    }

    private static RDFFormat rio(String name) {
        return switch (name) {
            case "NQUADS" -> RDFFormat.NQUADS;
            case "TRIG" -> RDFFormat.TRIG;
            case "JSONLD" -> RDFFormat.JSONLD;
            default -> RDFFormat.TURTLE;
        };
    }

    @Test
    void validateReportsConformance() {
        CliRun r = run("validate", "--data", "corpus/sample");
        assertThat(r.code()).isZero();
        assertThat(r.out()).endsWith("5 report graphs, 0 not conforming\n");
    }

    @Test
    void badQueryIsAOneLineError() {
        CliRun r = run("query", "--data", "src/test/resources/reports/plain-headings.txt", "-e", "SELECT WHERE {");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("error: query: not valid SPARQL");
    }

    private static String sorted(String nquads) {
        String[] lines = nquads.split("\n");
        Arrays.sort(lines);
        return String.join("\n", lines);
    }

}
