package org.practicegraph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.practicegraph.report.Report;
import org.practicegraph.report.Reports;

/**
 * A new initiative type is a Turtle edit only: the snippet of docs/extraction.md, added to a copy of
 * the taxonomy, makes the extractor find and type an initiative it did not know, with no code change.
 */
class NewInitiativeTypeTest {
    /** The snippet shown in docs/extraction.md ("How to add an initiative type"). */
    static final String SNIPPET = """
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix it:   <https://w3id.org/practice-graph/def/initiative-type/> .

            it:time-banking a skos:Concept ;
              skos:inScheme <https://w3id.org/practice-graph/def/initiative-type> ;
              skos:broader it:service-innovation ;
              skos:notation "TimeBanking" ;
              skos:prefLabel "Time banking"@en ;
              skos:altLabel "time bank"@en , "timebank"@en , "time credits"@en ;
              skos:definition "A scheme in which residents give and receive help in hours rather than money."@en .
            """;

    private static final String SENTENCE = "The council launched a time bank in two wards with local faith groups.";

    private static List<InitiativeFact> initiatives(Extractor x) {
        String text = "# Partnerships and communities\n\nScore: 3\n\n## Key findings\n\n" + SENTENCE + "\n";
        Report r = Reports.parse("new-type.txt", text.getBytes(StandardCharsets.UTF_8));
        List<Fact> facts = new ArrayList<>();
        x.extract(r, facts::add);
        return facts.stream().filter(f -> f instanceof InitiativeFact).map(f -> (InitiativeFact) f).toList();
    }

    private static Model taxonomies() {
        Model m = ModelFactory.createDefaultModel();
        for (String f : List.of("ontology/initiative-types.ttl", "ontology/partner-kinds.ttl", "ontology/outcome-types.ttl"))
            RDFDataMgr.read(m, f);
        return m;
    }

    @Test
    void aConceptAddedInTurtleTypesANewInitiative() {
        assertThat(initiatives(Extractor.fromTaxonomies(taxonomies())))
                .noneSatisfy(i -> assertThat(i.type()).isEqualTo("TimeBanking"));
        Model extended = taxonomies();
        extended.read(new StringReader(SNIPPET), null, "TURTLE");
        assertThat(initiatives(Extractor.fromTaxonomies(extended))).anySatisfy(i -> {
            assertThat(i.label()).containsIgnoringCase("time bank");
            assertThat(i.type()).isEqualTo("TimeBanking");
            assertThat(i.evidence().get(0).rule()).isEqualTo("initiative.taxonomy-label");
        });
    }
}
