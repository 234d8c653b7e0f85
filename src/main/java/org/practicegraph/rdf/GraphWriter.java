package org.practicegraph.rdf;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.HashSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.practicegraph.extract.ConcernFact;
import org.practicegraph.extract.EvidenceSpan;
import org.practicegraph.extract.Fact;
import org.practicegraph.extract.FactHandler;
import org.practicegraph.extract.InitiativeFact;
import org.practicegraph.extract.MetricFact;
import org.practicegraph.extract.OutcomeFact;
import org.practicegraph.extract.PartnerFact;
import org.practicegraph.extract.Status;
import org.practicegraph.report.Overview;
import org.practicegraph.report.Report;
import org.practicegraph.report.ReportException;

/**
 * A {@link FactHandler} that writes a report and its facts as RDF into one model: the report's graph.
 * <pre>
 *   GraphWriter w = new GraphWriter(Iris.DEFAULT, taxonomies, context);
 *   extractor.extract(report, w);
 *   Model graph = w.model();
 * </pre>
 */
public final class GraphWriter implements FactHandler {
    private static final String PROV = "http://www.w3.org/ns/prov#";
    private static final String ORG = "http://www.w3.org/ns/org#";
    static final org.apache.jena.rdf.model.Property wasDerivedFrom = ResourceFactory.createProperty(PROV, "wasDerivedFrom");

    private final Iris iris;
    private final Taxonomies taxonomies;
    private final ReportContext context;
    private final Model model = ModelFactory.createDefaultModel();
    private final Set<String> warnings = new java.util.LinkedHashSet<>();
    private Report report;
    private Resource reportNode;
    private Resource authority;
    private Resource assessment;
    private final Set<String> initiativeKeys = new HashSet<>();
    private java.time.LocalDate published;
    /** The scheme of {@code ontology/overall-ratings.ttl}. */
    static final String OVERALL_RATING = PG.ONTOLOGY + "/overall-rating";

    /**
     * @param iris       IRI scheme for the data
     * @param taxonomies concepts to type facts with
     * @param context    authority and publication metadata
     */
    public GraphWriter(Iris iris, Taxonomies taxonomies, ReportContext context) {
        this.iris = java.util.Objects.requireNonNull(iris, "iris");
        this.taxonomies = java.util.Objects.requireNonNull(taxonomies, "taxonomies");
        this.context = java.util.Objects.requireNonNull(context, "context");
        model.setNsPrefix(PG.PREFIX, PG.NS);
        model.setNsPrefix("dcterms", DCTerms.NS);
        model.setNsPrefix("prov", PROV);
        model.setNsPrefix("rdfs", RDFS.uri);
        model.setNsPrefix("xsd", XSD.NS);
    }

    /** @return the report's graph */
    public Model model() { return model; }

    /** @return what could not be mapped exactly (an unknown concept notation, an unidentified council) */
    public List<String> warnings() { return List.copyOf(warnings); }

    @Override public void startReport(Report r) {
        this.report = r;
        reportNode = model.createResource(iris.report(r.fileName()))
                .addProperty(RDF.type, PG.Report)
                .addProperty(DCTerms.identifier, r.fileName())
                .addProperty(PG.sha256, r.sha256())
                .addProperty(PG.text, r.text());
        if (r.qualityStatement() != null) reportNode.addProperty(DCTerms.title, r.qualityStatement());
        if (context.url() != null) reportNode.addProperty(DCTerms.source, model.createResource(context.url()));
        published = context.published() != null ? context.published()
                : r.overview() != null ? r.overview().published() : null;
        if (published != null) reportNode.addProperty(DCTerms.issued, date(published));
        authority = authorityNode(r);
        if (r.isSummary()) overall(r);
        else assessment = assessment(r, qualityStatement(r), r.score(), r.scoreLabel(), r.indicative());
        group();
    }

    private Literal date(java.time.LocalDate d) { return model.createTypedLiteral(d.toString(), XSDDatatype.XSDdate); }

    private Resource authorityNode(Report r) {
        if (!context.identified()) {
            warnings.add("the council could not be identified; loaded under an unidentified-authority node");
            return model.createResource(iris.unidentifiedAuthority(r.fileName()))
                    .addProperty(RDF.type, PG.LocalAuthority)
                    .addProperty(RDF.type, PG.UnidentifiedAuthority)
                    .addProperty(RDFS.label, "Unidentified authority (" + r.fileName() + ")");
        }
        Resource a = model.createResource(iris.authority(context.authorityName()))
                .addProperty(RDF.type, PG.LocalAuthority)
                .addProperty(RDF.type, model.createResource(ORG + "FormalOrganization"))
                .addProperty(RDFS.label, context.authorityName());
        if (context.gss() != null) {
            a.addProperty(PG.gssCode, context.gss());
            // The council serves the area; it is not the area, so no owl:sameAs.
            a.addProperty(PG.servesArea, model.createResource(Iris.statisticalGeography(context.gss())));
        }
        return a;
    }

    /** One quality statement's score, dated by the report's publication date so assessments can be compared over time. */
    private Resource assessment(Report r, Resource statement, int score, String scoreLabel, boolean indicative) {
        String slug = statement.getURI().replaceFirst(".*/", "");
        Resource a = model.createResource(iris.assessment(r.fileName(), slug))
                .addProperty(RDF.type, PG.Assessment)
                .addProperty(PG.assessedAuthority, authority)
                .addLiteral(PG.score, model.createTypedLiteral(String.valueOf(score), XSDDatatype.XSDinteger))
                .addProperty(wasDerivedFrom, reportNode);
        a.addProperty(PG.qualityStatement, statement);
        taxonomies.byNotation(Taxonomies.SCORE_LEVEL, String.valueOf(score)).ifPresent(level -> {
            a.addProperty(PG.scoreLevel, level);
            a.addProperty(PG.scoreLabel, scoreLabel != null ? scoreLabel : taxonomies.prefLabel(level));
        });
        if (a.getProperty(PG.scoreLabel) == null && scoreLabel != null) a.addProperty(PG.scoreLabel, scoreLabel);
        if (indicative) a.addLiteral(PG.indicative, model.createTypedLiteral(true));
        if (published != null) a.addProperty(DCTerms.issued, date(published));
        reportNode.addProperty(PG.hasAssessment, a);
        return a;
    }

    /** A summary page: the overall rating and percentage, and one assessment per listed statement score. */
    private void overall(Report r) {
        Overview o = r.overview();
        Resource overall = model.createResource(iris.assessment(r.fileName(), "overall"))
                .addProperty(RDF.type, PG.OverallAssessment)
                .addProperty(wasDerivedFrom, reportNode);
        taxonomies.byLabel(OVERALL_RATING, o.rating()).ifPresentOrElse(c -> overall.addProperty(PG.overallRating, c),
                () -> warnings.add("no overall-rating concept for '" + o.rating() + "'"));
        if (o.percentage() != null) {
            overall.addLiteral(PG.overallPercentage, integer(o.percentage()));
            String band = Overview.ratingForPercentage(o.percentage());
            if (!o.rating().equals(band))
                warnings.add("overall rating " + o.rating() + " disagrees with CQC's bands: " + o.percentage() + "% is "
                        + (band == null ? "below the lowest band (25%)" : band));
        }
        if (o.indicative()) overall.addLiteral(PG.indicative, model.createTypedLiteral(true));
        if (published != null) overall.addProperty(DCTerms.issued, date(published));
        reportNode.addProperty(PG.hasOverallAssessment, overall);
        if (o.scores().isEmpty()) warnings.add("the summary lists no quality statement scores");
        Set<String> seen = new HashSet<>();
        for (Overview.StatementScore s : o.scores()) {
            Resource statement = taxonomies.byLabel(Taxonomies.QUALITY_STATEMENT, s.statement())
                    .orElseThrow(() -> new ReportException(r.fileName(), "'" + s.statement() + "' in the score list is not a CQC quality statement"));
            if (!seen.add(statement.getURI()))
                throw new ReportException(r.fileName(), "the score list gives '" + s.statement() + "' twice");
            overall.addProperty(DCTerms.hasPart, assessment(r, statement, s.score(), null, o.indicative()));
        }
    }

    /** A file that is one part of a published report links to the report-group node, which carries the date. */
    private void group() {
        if (context.group() == null) return;
        Resource g = model.createResource(iris.reportGroup(context.group()))
                .addProperty(RDF.type, PG.AssessmentReport)
                .addProperty(DCTerms.identifier, context.group())
                .addProperty(DCTerms.hasPart, reportNode);
        if (published != null) g.addProperty(DCTerms.issued, date(published));
    }

    /** The first heading that names a quality statement (a concept with a broader theme), else one naming a theme. */
    private Resource qualityStatement(Report r) {
        List<Resource> named = java.util.stream.Stream.concat(
                        java.util.stream.Stream.ofNullable(r.qualityStatement()), r.sections().stream().map(s -> s.heading()))
                .map(h -> taxonomies.byLabel(Taxonomies.QUALITY_STATEMENT, h).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
        return named.stream().filter(c -> c.hasProperty(org.apache.jena.vocabulary.SKOS.broader)).findFirst()
                .or(() -> named.stream().findFirst())
                .orElseThrow(() -> new ReportException(r.fileName(), "no heading names a CQC quality statement (title: '"
                        + r.qualityStatement() + "')"));
    }

    @Override public void handle(Fact fact) {
        // Java 17 has no pattern switch; Fact is sealed, so this chain is exhaustive.
        if (fact instanceof InitiativeFact f) initiative(f);
        else if (fact instanceof PartnerFact f) partner(f);
        else if (fact instanceof MetricFact f) metric(f);
        else if (fact instanceof OutcomeFact f) outcome(f);
        else if (fact instanceof ConcernFact f) concern(f);
    }

    private void initiative(InitiativeFact f) {
        Resource i = model.createResource(iris.initiative(report.fileName(), f.key()))
                .addProperty(RDF.type, PG.Initiative)
                .addProperty(RDFS.label, f.label())
                .addProperty(PG.status, status(f.status()))
                .addProperty(PG.deliveredBy, authority);
        concept(Taxonomies.INITIATIVE_TYPE, f.type()).ifPresent(c -> i.addProperty(PG.initiativeType, c));
        for (String p : f.partnerKeys()) i.addProperty(PG.partner, model.createResource(iris.partner(p)));
        evidence(i, f.evidence());
        initiativeKeys.add(f.key());
    }

    private void partner(PartnerFact f) {
        Resource p = model.createResource(iris.partner(f.key()))
                .addProperty(RDF.type, PG.Partner)
                .addProperty(RDF.type, model.createResource(ORG + "Organization"))
                .addProperty(RDFS.label, f.label());
        concept(Taxonomies.PARTNER_KIND, f.kind()).ifPresent(c -> p.addProperty(PG.partnerKind, c));
        evidence(p, f.evidence());
    }

    private void metric(MetricFact f) {
        Resource m = model.createResource(iris.metric(report.fileName(), f.key()))
                .addProperty(RDF.type, PG.Metric)
                .addProperty(RDFS.label, f.label())
                .addLiteral(PG.value, decimal(f.value()));
        concept(Taxonomies.UNIT, f.unit()).ifPresent(c -> m.addProperty(PG.unit, f.unit()).addProperty(PG.unitConcept, c));
        if (f.baseline() != null) m.addLiteral(PG.baseline, decimal(f.baseline()));
        if (f.comparator() != null) m.addLiteral(PG.comparator, decimal(f.comparator()));
        if (f.period() != null) m.addProperty(PG.period, f.period());
        if (f.initiativeKey() != null && initiativeKeys.contains(f.initiativeKey()))
            m.addProperty(PG.about, model.createResource(iris.initiative(report.fileName(), f.initiativeKey())));
        evidence(m, f.evidence());
    }

    private void outcome(OutcomeFact f) {
        Resource o = model.createResource(iris.outcome(report.fileName(), f.key()))
                .addProperty(RDF.type, PG.Outcome)
                .addProperty(RDFS.label, f.label());
        concept(Taxonomies.OUTCOME_TYPE, f.type()).ifPresent(c -> o.addProperty(PG.outcomeType, c));
        if (f.initiativeKey() != null && initiativeKeys.contains(f.initiativeKey()))
            model.createResource(iris.initiative(report.fileName(), f.initiativeKey())).addProperty(PG.hasOutcome, o);
        evidence(o, f.evidence());
    }

    private void concern(ConcernFact f) {
        Resource c = model.createResource(iris.concern(report.fileName(), f.key()))
                .addProperty(RDF.type, PG.Concern)
                .addProperty(RDFS.label, f.label());
        if (f.initiativeKey() != null && initiativeKeys.contains(f.initiativeKey()))
            c.addProperty(PG.about, model.createResource(iris.initiative(report.fileName(), f.initiativeKey())));
        if (assessment != null) assessment.addProperty(PG.hasConcern, c);  // a summary page has no one statement to attach it to
        evidence(c, f.evidence());
    }

    private void evidence(Resource subject, List<EvidenceSpan> spans) {
        for (EvidenceSpan s : spans) {
            Resource e = model.createResource(iris.evidence(report.fileName(), s.start(), s.end()))
                    .addProperty(RDF.type, PG.Evidence)
                    .addProperty(PG.quote, s.quote())
                    .addLiteral(PG.startOffset, integer(s.start()))
                    .addLiteral(PG.endOffset, integer(s.end()))
                    .addProperty(wasDerivedFrom, reportNode);
            if (!e.hasProperty(PG.section) && s.section() != null && !s.section().isEmpty()) e.addProperty(PG.section, s.section());
            if (s.rule() != null) e.addProperty(PG.extractionRule, s.rule());
            subject.addProperty(PG.evidence, e);
        }
    }

    private java.util.Optional<Resource> concept(String scheme, String notation) {
        if (notation == null) return java.util.Optional.empty();
        var c = taxonomies.byNotation(scheme, notation);
        if (c.isEmpty()) warnings.add("no concept with notation '" + notation + "' in " + scheme);
        return c;
    }

    private static Resource status(Status s) {
        return switch (s) {
            case ESTABLISHED -> PG.Established;
            case PILOT -> PG.Pilot;
            case PLANNED -> PG.Planned;
        };
    }

    private Literal decimal(BigDecimal v) { return model.createTypedLiteral(v.stripTrailingZeros().toPlainString(), XSDDatatype.XSDdecimal); }

    private Literal integer(int v) { return model.createTypedLiteral(String.valueOf(v), XSDDatatype.XSDinteger); }
}
