package org.practicegraph.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Terms of {@code ontology/practice-graph.ttl}. Add a term there first; {@code PGTest} keeps both in step.
 * Built with {@link ResourceFactory} so it is safe whatever order classes initialise in.
 */
public final class PG {
    private PG() {}

    /** The namespace, {@value}. */
    public static final String NS = "https://w3id.org/practice-graph/def#";
    /** The preferred prefix, {@value}. */
    public static final String PREFIX = "pg";
    /** The ontology IRI, {@value}. */
    public static final String ONTOLOGY = "https://w3id.org/practice-graph/def";

    public static String getURI() { return NS; }

    private static Resource resource(String local) { return ResourceFactory.createResource(NS + local); }
    private static Property property(String local) { return ResourceFactory.createProperty(NS + local); }

    // Reports and assessments
    public static final Resource Report = resource("Report");
    public static final Property sha256 = property("sha256");
    public static final Property text = property("text");
    public static final Property hasAssessment = property("hasAssessment");
    public static final Resource Assessment = resource("Assessment");
    public static final Property assessedAuthority = property("assessedAuthority");
    public static final Property qualityStatement = property("qualityStatement");
    public static final Property score = property("score");
    public static final Property scoreLabel = property("scoreLabel");
    public static final Property scoreLevel = property("scoreLevel");
    public static final Property indicative = property("indicative");
    public static final Property previousAssessment = property("previousAssessment");
    public static final Property hasOverallAssessment = property("hasOverallAssessment");
    public static final Resource OverallAssessment = resource("OverallAssessment");
    public static final Property overallRating = property("overallRating");
    public static final Property overallPercentage = property("overallPercentage");
    public static final Resource AssessmentReport = resource("AssessmentReport");

    // Authorities
    public static final Resource LocalAuthority = resource("LocalAuthority");
    public static final Resource UnidentifiedAuthority = resource("UnidentifiedAuthority");
    public static final Property gssCode = property("gssCode");
    public static final Property servesArea = property("servesArea");

    // Initiatives
    public static final Resource Initiative = resource("Initiative");
    public static final Property initiativeType = property("initiativeType");
    public static final Property status = property("status");
    public static final Property deliveredBy = property("deliveredBy");
    public static final Property partner = property("partner");
    public static final Property hasOutcome = property("hasOutcome");
    public static final Resource InitiativeStatus = resource("InitiativeStatus");
    public static final Resource Established = resource("Established");
    public static final Resource Pilot = resource("Pilot");
    public static final Resource Planned = resource("Planned");

    // Partners
    public static final Resource Partner = resource("Partner");
    public static final Property partnerKind = property("partnerKind");

    // Metrics and outcomes
    public static final Resource Metric = resource("Metric");
    public static final Property value = property("value");
    public static final Property unit = property("unit");
    public static final Property unitConcept = property("unitConcept");
    public static final Property baseline = property("baseline");
    public static final Property comparator = property("comparator");
    public static final Property period = property("period");
    public static final Property about = property("about");
    public static final Resource Outcome = resource("Outcome");
    public static final Property outcomeType = property("outcomeType");

    // Concerns
    public static final Resource Concern = resource("Concern");
    public static final Property hasConcern = property("hasConcern");

    // Evidence
    public static final Resource Evidence = resource("Evidence");
    public static final Property evidence = property("evidence");
    public static final Property quote = property("quote");
    public static final Property startOffset = property("startOffset");
    public static final Property endOffset = property("endOffset");
    public static final Property section = property("section");
    public static final Property extractionRule = property("extractionRule");

    // Similar initiatives (derived)
    public static final Property similarTo = property("similarTo");
    public static final Property similarity = property("similarity");
    public static final Resource Similarity = resource("Similarity");
    public static final Property similarInitiative = property("similarInitiative");
    public static final Property similarityScore = property("similarityScore");
    public static final Property similarityMethod = property("similarityMethod");
    public static final Property inputDigest = property("inputDigest");
    public static final Property countsDigest = property("countsDigest");

    // Practice statistics (derived, RDF Data Cube dimensions, measures and attributes)
    public static final Property refInitiativeType = property("refInitiativeType");
    public static final Property refScore = property("refScore");
    public static final Property refAuthority = property("refAuthority");
    public static final Property refPartner = property("refPartner");
    public static final Property initiativeCount = property("initiativeCount");
    public static final Property authorityCount = property("authorityCount");
    public static final Property reportCount = property("reportCount");
    public static final Property authorityName = property("authorityName");
    public static final Property initiativeTypeName = property("initiativeTypeName");
    public static final Property partnerName = property("partnerName");
    public static final Property partnerKindName = property("partnerKindName");
}
