package org.practicegraph.ontology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.practicegraph.rdf.PG;

/**
 * Every SKOS file in {@code ontology/} conforms to {@code taxonomy-shapes.ttl}, has unique notations
 * and unambiguous labels; the initiative types cover the gold TYPES list; the quality statements
 * are CQC's four themes and nine statements.
 */
class TaxonomyTest {
    static final Path TAXONOMY_SHAPES = Path.of("ontology/taxonomy-shapes.ttl");
    static final String IT = PG.ONTOLOGY + "/initiative-type";
    static final String QS = PG.ONTOLOGY + "/quality-statement";

    /** The initiative-type keys of gold/SCHEMA.md: the contract with the gold annotations and the scorer. */
    static final List<String> TYPES = List.of(
            "Apprenticeship", "QualificationProgramme", "TrainingProgramme", "LeadershipProgramme",
            "MentoringCoaching", "ReflectivePractice", "Supervision", "StaffNetwork", "StaffRecognition",
            "PeerReview", "Audit", "SevenMinuteBriefing", "SafeguardingReview", "ComplaintsLearning",
            "FeedbackMechanism", "CoProduction", "LivedExperienceRole", "EngagementEvent", "AutomationAI",
            "AssistiveTechnology", "DigitalRecords", "DataAnalytics", "ServiceModel", "HousingProgramme",
            "ResearchPartnership", "SectorNetwork", "JointCommissioning", "PracticeFramework",
            "CommunicationImprovement");

    static Stream<Path> taxonomies() throws Exception {
        return OntologyTest.taxonomyFiles().stream();
    }

    @Test
    void everyTaxonomyFileIsFound() throws Exception {
        assertThat(taxonomies().map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                "initiative-types.ttl", "quality-statements.ttl", "score-levels.ttl",
                "partner-kinds.ttl", "outcome-types.ttl", "units.ttl", "overall-ratings.ttl");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taxonomies")
    void conformsToTheTaxonomyShapes(Path file) {
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(TAXONOMY_SHAPES.toString()));
        ValidationReport report = ShaclValidator.get().validate(shapes, RDFDataMgr.loadGraph(file.toString()));
        assertThat(report.conforms()).as("%s does not conform to %s:%s", file, TAXONOMY_SHAPES,
                report.getEntries().stream().map(e -> e.focusNode() + " " + e.resultPath() + ": " + e.message())
                        .collect(Collectors.joining("\n  ", "\n  ", ""))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taxonomies")
    void holdsOneSchemeWithItsConceptsUnderItsIri(Path file) {
        Model m = RDFDataMgr.loadModel(file.toString());
        List<Resource> schemes = m.listSubjectsWithProperty(RDF.type, SKOS.ConceptScheme).toList();
        assertThat(schemes).as(file.toString()).hasSize(1);
        String scheme = schemes.get(0).getURI();
        assertThat(scheme).startsWith(PG.ONTOLOGY + "/").doesNotEndWith("/");
        for (Resource c : m.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList())
            assertThat(c.getURI()).as(file.toString()).startsWith(scheme + "/");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("taxonomies")
    void notationsAreUniqueWithinTheScheme(Path file) {
        Model m = RDFDataMgr.loadModel(file.toString());
        Map<String, List<String>> byNotation = new TreeMap<>();
        for (Statement s : m.listStatements(null, SKOS.notation, (RDFNode) null).toList())
            byNotation.computeIfAbsent(s.getString(), k -> new ArrayList<>()).add(s.getSubject().getURI());
        assertThat(byNotation).as(file.toString()).isNotEmpty();
        assertThat(byNotation.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Object::toString))
                .as("notations used twice in %s", file).isEmpty();
    }

    /**
     * The extractor finds a concept by any of its labels, ignoring case, punctuation, spacing and
     * plurals. So no two concepts of a scheme may share a label on those terms, and no concept lists
     * the same label twice (a variant that differs only in case, spacing or punctuation is redundant).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("taxonomies")
    void labelsAreUnambiguousWithinTheScheme(Path file) {
        Model m = RDFDataMgr.loadModel(file.toString());
        Map<String, Set<String>> owners = new HashMap<>();
        List<String> redundant = new ArrayList<>();
        for (Resource c : m.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList()) {
            Map<String, String> own = new HashMap<>();
            for (Property p : List.of(SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel))
                for (Statement s : c.listProperties(p).toList()) {
                    String label = s.getString();
                    String previous = own.put(normalise(label), label);
                    if (previous != null) redundant.add(local(c) + ": '" + label + "' repeats '" + previous + "'");
                    owners.computeIfAbsent(singular(label), k -> new TreeSet<>()).add(local(c));
                }
        }
        assertThat(redundant).as("labels repeated within a concept in %s", file).isEmpty();
        assertThat(owners.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> "'" + e.getKey() + "' " + e.getValue()).sorted())
                .as("labels shared by several concepts in %s", file).isEmpty();
    }

    @Test
    void initiativeTypesHaveEveryGoldTypeKey() {
        Model m = RDFDataMgr.loadModel("ontology/initiative-types.ttl");
        Set<String> notations = m.listStatements(null, SKOS.notation, (RDFNode) null).toList().stream()
                .filter(s -> s.getSubject().hasProperty(SKOS.inScheme, m.getResource(IT)))
                .map(Statement::getString).collect(Collectors.toSet());
        assertThat(TYPES).hasSize(29).doesNotHaveDuplicates();
        assertThat(notations).containsAll(TYPES);
    }

    @Test
    void everyGoldTypeSitsUnderATopConceptAndHasAltLabels() {
        Model m = RDFDataMgr.loadModel("ontology/initiative-types.ttl");
        Resource scheme = m.getResource(IT);
        for (String key : TYPES) {
            Resource c = m.listSubjectsWithProperty(SKOS.notation, key).next();
            Resource broader = c.getPropertyResourceValue(SKOS.broader);
            assertThat(broader).as(key + " has a broader concept").isNotNull();
            assertThat(broader.hasProperty(SKOS.topConceptOf, scheme)).as(key + " sits under a top concept").isTrue();
            assertThat(c.listProperties(SKOS.altLabel).toList()).as(key + " altLabels").hasSizeGreaterThanOrEqualTo(4);
        }
        // Groups carry no altLabels, so report text is never typed as a group.
        for (Resource top : m.listSubjectsWithProperty(SKOS.topConceptOf, scheme).toList())
            assertThat(top.hasProperty(SKOS.altLabel)).as(local(top)).isFalse();
    }

    @Test
    void qualityStatementsAreTheFourThemesAndNineStatements() {
        Model m = RDFDataMgr.loadModel("ontology/quality-statements.ttl");
        Resource scheme = m.getResource(QS);
        Map<String, String> tops = new TreeMap<>();
        for (Resource t : m.listSubjectsWithProperty(SKOS.topConceptOf, scheme).toList())
            tops.put(local(t), t.getProperty(SKOS.prefLabel, "en").getString());
        assertThat(tops).containsExactlyInAnyOrderEntriesOf(Map.of(
                "working-with-people", "Working with people",
                "providing-support", "Providing support",
                "ensuring-safety", "How the local authority ensures safety within the system",
                "leadership", "Leadership"));

        Map<String, String> statements = new TreeMap<>();
        for (Statement s : m.listStatements(null, SKOS.broader, (RDFNode) null).toList())
            statements.put(local(s.getSubject()), local(s.getResource()) + " / "
                    + s.getSubject().getProperty(SKOS.prefLabel, "en").getString());
        assertThat(statements).containsExactlyInAnyOrderEntriesOf(Map.of(
                "assessing-needs", "working-with-people / Assessing needs",
                "supporting-healthier-lives", "working-with-people / Supporting people to live healthier lives",
                "equity-in-experience-and-outcomes", "working-with-people / Equity in experience and outcomes",
                "care-provision-integration-and-continuity", "providing-support / Care provision, integration and continuity",
                "partnerships-and-communities", "providing-support / Partnerships and communities",
                "safe-pathways-systems-and-transitions", "ensuring-safety / Safe pathways, systems and transitions",
                "safeguarding", "ensuring-safety / Safeguarding",
                "governance-management-and-sustainability", "leadership / Governance, management and sustainability",
                "learning-improvement-and-innovation", "leadership / Learning, improvement and innovation"));
    }

    @Test
    void scoreLevelNotationsAreTheScores() {
        Model m = RDFDataMgr.loadModel("ontology/score-levels.ttl");
        Map<String, String> levels = new TreeMap<>();
        for (Resource c : m.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList())
            levels.put(c.getProperty(SKOS.notation).getString(), c.getProperty(SKOS.prefLabel, "en").getString());
        assertThat(levels).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "1", "Evidence shows significant shortfalls",
                "2", "Evidence shows some shortfalls",
                "3", "Evidence shows a good standard",
                "4", "Evidence shows an exceptional standard")));
    }

    @Test
    void unitIrisAreStable() {
        Model m = RDFDataMgr.loadModel("ontology/units.ttl");
        Map<String, String> units = new TreeMap<>();
        for (Resource c : m.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList())
            units.put(c.getProperty(SKOS.notation).getString(), c.getURI());
        String u = PG.ONTOLOGY + "/unit/";
        assertThat(units).containsExactlyInAnyOrderEntriesOf(Map.of(
                "percent", u + "percent", "count", u + "count", "GBP", u + "gbp", "years", u + "years",
                "months", u + "months", "weeks", u + "weeks", "days", u + "days", "hours", u + "hours"));
    }

    // --- helpers

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}\\p{S}]+");

    /** Case, punctuation and spacing ignored; symbols such as % and £ kept. */
    static String normalise(String label) {
        String s = Normalizer.normalize(label, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace("&", " and ");
        return NON_WORD.matcher(s).replaceAll(" ").strip();
    }

    /**
     * Words as the extractor compares them (org.practicegraph.extract.Token#normalise): lower case,
     * hyphens and punctuation dropped, possessive dropped, a simple plural reduced to the singular.
     */
    static String singular(String label) {
        String s = Normalizer.normalize(label, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return Stream.of(s.split("[^\\p{L}\\p{N}'&+%\u00a3]+")).filter(w -> !w.isEmpty())
                .map(TaxonomyTest::singularWord).collect(Collectors.joining(" "));
    }

    private static String singularWord(String w) {
        if (w.endsWith("'s")) w = w.substring(0, w.length() - 2);
        if (w.endsWith("'")) w = w.substring(0, w.length() - 1);
        if (w.length() > 4 && w.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is"))
            return w.substring(0, w.length() - 1);
        return w;
    }

    private static String local(Resource r) {
        return r.getURI().substring(r.getURI().lastIndexOf('/') + 1);
    }
}
