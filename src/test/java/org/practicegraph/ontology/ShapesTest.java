package org.practicegraph.ontology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ontology/shapes.ttl} accepts a well-formed report graph and names each fault in a broken one. */
class ShapesTest {
    static final Path SHAPES = Path.of("ontology/shapes.ttl");
    static final String ID = "https://w3id.org/practice-graph/id/";
    static final String SH = "https://w3id.org/practice-graph/def/shapes#";

    static Shapes shapes;

    @BeforeAll
    static void parseShapes() {
        shapes = Shapes.parse(RDFDataMgr.loadGraph(SHAPES.toString()));
    }

    @Test
    void shapesParseIntoTheExpectedTargets() {
        assertThat(shapes.numRootShapes()).isEqualTo(13);
        assertThat(shapes.getTargetShapes()).hasSize(13);
    }

    @Test
    void handWrittenReportGraphConforms() {
        ValidationReport report = validate("/shapes/valid-report.ttl");
        assertThat(report.conforms()).as(describe(report)).isTrue();
    }

    @Test
    void brokenReportGraphFailsOnceForEachFault() {
        ValidationReport report = validate("/shapes/invalid-report.ttl");
        assertThat(report.conforms()).isFalse();
        assertThat(report.getEntries())
                .as(describe(report))
                .extracting(e -> e.focusNode().getURI(), e -> e.source().getURI(), ReportEntry::message)
                .containsExactlyInAnyOrder(
                        tuple(ID + "assessment/000_c7a78147fca09e56/learning-improvement-and-innovation",
                                SH + "Assessment-score",
                                "An assessment has exactly one pg:score, an xsd:integer from 1 to 4."),
                        tuple(ID + "evidence/000_c7a78147fca09e56/100-160",
                                SH + "Evidence-quote",
                                "Evidence has exactly one pg:quote, a non-empty xsd:string."),
                        tuple(ID + "initiative/000_c7a78147fca09e56/robotic-process-automation",
                                SH + "Initiative-label",
                                "An initiative has exactly one rdfs:label."));
    }

    @Test
    void unidentifiedAuthorityIsCheckedWithoutTheSubclassAxiom() {
        // The invalid fixture's only authority is typed pg:UnidentifiedAuthority alone: it must still
        // satisfy pg:assessedAuthority (no result above), and a GSS code on it is a fault.
        Graph g = RDFDataMgr.loadGraph(resource("/shapes/invalid-report.ttl"));
        var ua = org.apache.jena.graph.NodeFactory.createURI(ID + "authority/unidentified/000_c7a78147fca09e56");
        g.add(ua, org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/practice-graph/def#gssCode"),
                org.apache.jena.graph.NodeFactory.createLiteralString("E09000017"));
        ValidationReport report = ShaclValidator.get().validate(shapes, g);
        assertThat(report.getEntries()).as(describe(report))
                .filteredOn(e -> e.focusNode().equals(ua))
                .extracting(e -> e.source().getURI())
                .containsExactly(SH + "UnidentifiedAuthority-gssCode");
    }

    private static ValidationReport validate(String resource) {
        return ShaclValidator.get().validate(shapes, RDFDataMgr.loadGraph(resource(resource)));
    }

    private static String resource(String name) {
        return Path.of("src/test/resources").resolve(name.substring(1)).toString();
    }

    static String describe(ValidationReport report) {
        return report.getEntries().stream().map(e -> e.focusNode() + " " + e.resultPath() + ": " + e.message())
                .collect(Collectors.joining("\n  ", "SHACL results:\n  ", ""));
    }
}
