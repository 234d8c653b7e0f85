package org.practicegraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/** Every query in queries/ on the sample corpus: it states its question and returns the rows it should. */
class CannedQueriesTest {
    static final Path QUERIES = Path.of("queries");
    static Store samples;

    @BeforeAll
    static void load() {
        samples = Store.inMemory();
        Loader.create().store(samples).build().load(List.of(Path.of("corpus/sample")));
    }

    static Stream<Path> queries() throws IOException {
        return Files.list(QUERIES).filter(p -> p.toString().endsWith(".rq")).sorted();
    }

    /** Rows as column → lexical form; unbound columns are absent. */
    static List<Map<String, String>> run(Store store, String file) {
        String sparql = read(QUERIES.resolve(file));
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.create(sparql, DatasetFactory.wrap(store.dataset()))) {
                List<Map<String, String>> rows = new ArrayList<>();
                qe.execSelect().forEachRemaining(s -> {
                    Map<String, String> row = new TreeMap<>();
                    s.varNames().forEachRemaining(v -> {
                        RDFNode n = s.get(v);
                        row.put(v, n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
                    });
                    rows.add(row);
                });
                return rows;
            }
        });
    }

    static String read(Path p) {
        try { return Files.readString(p); } catch (IOException e) { throw new java.io.UncheckedIOException(e); }
    }

    @ParameterizedTest
    @MethodSource("queries")
    void opensWithItsQuestionAndAnswersOnTheSamples(Path file) {
        String text = read(file);
        assertThat(text).as(file.toString()).startsWith("# ");
        assertThat(text.lines().takeWhile(l -> l.startsWith("#")).reduce("", String::concat)).as(file.toString()).contains("?");
        List<Map<String, String>> rows = run(samples, file.getFileName().toString());
        if (text.contains("# empty-on-sample:")) assertThat(rows).as(file.toString()).isEmpty();
        else assertThat(rows).as(file.toString()).isNotEmpty();
    }

    @Test
    void authoritiesByScore() {
        List<Map<String, String>> rows = run(samples, "authorities-by-score.rq");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).containsEntry("score", "4").containsEntry("report", "002_69a4ab76882569fd.txt")
                .containsEntry("scoreLabel", "Evidence shows an exceptional standard");
        assertThat(rows).filteredOn(r -> "Hillingdon".equals(r.get("authority"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("gss", "E09000017").containsEntry("score", "3")
                        .containsEntry("statement", "Learning, improvement and innovation"));
    }
}
