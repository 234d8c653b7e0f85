package org.practicegraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicegraph.rdf.PG;

/** The command-line side of issue 5: gzip dumps, compacted JSON-LD, and the data IRI base. */
class LinkedDataCliTest {
    @TempDir static Path shared;
    @TempDir Path dir;
    static String db;

    /** One database for the export tests, so the samples are read once. */
    @BeforeAll
    static void load() {
        db = shared.resolve("db").toString();
        CliRun r = CliRun.of("load", "--db", db, "corpus/sample");
        assertThat(r.code()).as(r.err()).isZero();
    }

    @Test
    void exportWritesGzippedNQuadsAndTrigWithOneGraphPerReport() throws Exception {
        Path nq = dir.resolve("practice-graph.nq.gz"), trig = dir.resolve("practice-graph.trig");
        CliRun a = CliRun.of("export", "--db", db, "--format", "nquads", "--output", nq.toString());
        assertThat(a.code()).as(a.err()).isZero();
        CliRun b = CliRun.of("export", "--db", db, "--format", "trig", "--gzip", "--output", trig.toString());
        assertThat(b.code()).as(b.err()).isZero();
        for (Path p : List.of(nq, trig)) {
            Dataset ds = DatasetFactory.create();
            try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                RDFParser.source(in).lang(p.equals(nq) ? Lang.NQUADS : Lang.TRIG).parse(ds);
            }
            List<String> reports = new ArrayList<>();
            ds.listModelNames().forEachRemaining(g -> { if (g.getURI().contains("/graph/report/")) reports.add(g.getURI()); });
            assertThat(reports).as(p.toString()).hasSize(5);
        }
    }

    @Test
    void jsonLdExportUsesTheContext() {
        CliRun r = CliRun.of("export", "--db", db, "--format", "jsonld", "--context", "http://localhost:3030/ns/context.jsonld");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"@context\": \"http://localhost:3030/ns/context.jsonld\"").contains("\"gssCode\": \"E09000017\"")
                .contains("\"servesArea\": \"http://statistics.data.gov.uk/id/statistical-geography/E09000017\"");
    }

    @Test
    void baseChangesTheDataIris() {
        CliRun r = CliRun.of("query", "--base", "http://localhost:3030/id/", "--format", "tsv", "-e",
                "PREFIX pg: <" + PG.NS + "> SELECT ?la WHERE { ?la pg:gssCode \"E09000017\" }");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("?la\n<http://localhost:3030/id/authority/hillingdon>\n");
        CliRun bad = CliRun.of("query", "--base", "file:///tmp/", "-e", "ASK {}");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("--base must be an http(s) IRI");
    }

    @Test
    void serveRefusesAnAllowlistEntryThatIsNotAnHttpEndpoint() {
        CliRun r = CliRun.of("serve", "--port", "0", "--service-allow", "file:///etc/passwd");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("--service-allow: not an http(s) SPARQL endpoint URL: file:///etc/passwd");
    }
}
