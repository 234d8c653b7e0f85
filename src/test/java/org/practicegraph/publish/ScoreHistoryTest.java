package org.practicegraph.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.practicegraph.rdf.Iris;
import org.practicegraph.store.Store;

/**
 * The score history ({@code pg:previousAssessment}, written with the practice statistics) gives
 * {@code queries/scores-over-time.rq} the rows its former all-pairs form gave: that form is kept
 * here as the definition the links must agree with.
 */
class ScoreHistoryTest {
    static final String PREFIXES = """
            PREFIX pg: <https://w3id.org/practice-graph/def#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            """;

    /** scores-over-time before the links: the latest earlier date by comparing every pair, then the assessments on it. */
    static final String ALL_PAIRS = PREFIXES + """
            SELECT DISTINCT ?authority ?statement ?published ?score ?indicative ?previousPublished ?previousScore
            WHERE {
              ?a a pg:Assessment ; pg:assessedAuthority ?la ; pg:qualityStatement ?qs ; pg:score ?score ; dcterms:issued ?published .
              ?la rdfs:label ?authority .
              ?qs skos:prefLabel ?statement .
              BIND (EXISTS { ?a pg:indicative true } AS ?indicative)
              OPTIONAL {
                { SELECT ?a (MAX(?earlier) AS ?previousPublished)
                  WHERE {
                    ?a a pg:Assessment ; pg:assessedAuthority ?la ; pg:qualityStatement ?qs ; dcterms:issued ?published .
                    ?p a pg:Assessment ; pg:assessedAuthority ?la ; pg:qualityStatement ?qs ; pg:score ?s ; dcterms:issued ?earlier .
                    FILTER (?earlier < ?published)
                  }
                  GROUP BY ?a }
                ?p a pg:Assessment ; pg:assessedAuthority ?la ; pg:qualityStatement ?qs ; pg:score ?previousScore ;
                   dcterms:issued ?previousPublished .
              }
            }
            ORDER BY ?authority ?statement ?published
            """;

    static String assessment(int n, String council, String statement, String date, int score) {
        return "<urn:a:" + n + "> a pg:Assessment ; pg:assessedAuthority <urn:la:" + council + "> ; pg:qualityStatement <urn:qs:"
                + statement + "> ; pg:score " + score + (date == null ? "" : " ; dcterms:issued \"" + date + "\"^^xsd:date") + " .\n";
    }

    static Store store(String assessments) {
        String ttl = PREFIXES.replace("PREFIX ", "@prefix ").replaceAll(">\n", "> .\n") + """
                <urn:la:dorset> rdfs:label "Dorset" . <urn:la:kent> rdfs:label "Kent" .
                <urn:qs:safe> skos:prefLabel "Safeguarding" . <urn:qs:learn> skos:prefLabel "Learning" .
                """ + assessments;
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(ttl, Lang.TURTLE).parse(g);
        Store store = Store.inMemory();
        store.replaceGraph(Iris.DEFAULT.reportGraph("assessments.txt"), g);
        PracticeStatistics.of(Iris.DEFAULT).refresh(store);
        return store;
    }

    static List<String> rows(Store store, String sparql) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = QueryExecution.create(sparql, DatasetFactory.wrap(store.dataset()))) {
                List<String> out = new ArrayList<>();
                var vars = qe.getQuery().getResultVars();
                qe.execSelect().forEachRemaining(s -> {
                    StringBuilder row = new StringBuilder();
                    for (String v : vars) row.append(s.contains(v) ? s.get(v).asNode().getLiteralLexicalForm() : "-").append(' ');
                    out.add(row.toString().strip());
                });
                return out;
            }
        });
    }

    static String scoresOverTime() throws IOException {
        return Files.readString(Path.of("queries/scores-over-time.rq"));
    }

    @Test
    void eachScoreIsPairedWithTheOneBeforeIt() throws IOException {
        Store store = store(assessment(1, "dorset", "safe", "2023-10-06", 2)
                + assessment(2, "dorset", "safe", "2025-03-14", 3)
                + assessment(3, "dorset", "safe", "2025-03-14", 4)      // the same day: both follow the 2023 one
                + assessment(4, "dorset", "safe", "2026-01-09", 3)      // follows both of 2025
                + assessment(5, "dorset", "learn", "2024-05-01", 1)     // another statement: a series of its own
                + assessment(6, "kent", "safe", "2024-02-01", 4)        // another council: likewise
                + assessment(7, "dorset", "safe", null, 1));            // undated: no row, never a previous one
        // in any order: ORDER BY leaves rows of one council, statement and date unordered
        assertThat(rows(store, scoresOverTime())).containsExactlyInAnyOrder(
                "Dorset Learning 2024-05-01 1 false - -",
                "Dorset Safeguarding 2023-10-06 2 false - -",
                "Dorset Safeguarding 2025-03-14 3 false 2023-10-06 2",
                "Dorset Safeguarding 2025-03-14 4 false 2023-10-06 2",
                "Dorset Safeguarding 2026-01-09 3 false 2025-03-14 3",
                "Dorset Safeguarding 2026-01-09 3 false 2025-03-14 4",
                "Kent Safeguarding 2024-02-01 4 false - -");
    }

    @Test
    void theLinksGiveWhatComparingEveryPairGave() throws IOException {
        Random random = new Random(8);
        StringBuilder ttl = new StringBuilder();
        String[] councils = {"dorset", "kent"}, statements = {"safe", "learn"};
        for (int n = 0; n < 60; n++) {
            // few distinct dates, so that ties are common
            String date = random.nextInt(10) == 0 ? null : "202" + random.nextInt(4) + "-0" + (1 + random.nextInt(3)) + "-15";
            ttl.append(assessment(n, councils[random.nextInt(2)], statements[random.nextInt(2)], date, 1 + random.nextInt(4)));
        }
        Store store = store(ttl.toString());
        List<String> expected = rows(store, ALL_PAIRS);
        assertThat(expected).hasSizeGreaterThan(40);
        assertThat(expected).anyMatch(r -> !r.endsWith("- -"));
        assertThat(rows(store, scoresOverTime())).containsExactlyInAnyOrderElementsOf(expected);
    }
}
