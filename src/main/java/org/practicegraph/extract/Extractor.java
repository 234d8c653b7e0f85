package org.practicegraph.extract;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.practicegraph.report.Report;

/**
 * Turns a {@link Report} into facts for a {@link FactHandler}:
 * <pre>
 *   Extractor extractor = Extractor.fromClasspath();
 *   extractor.extract(Reports.parse(path), fact -&gt; System.out.println(fact));
 * </pre>
 * Facts arrive as {@code startReport}, partners, initiatives (which may name those partners), metrics,
 * outcomes and concerns (which may name those initiatives), {@code endReport}. An Extractor holds only the
 * vocabulary and rules it read at construction, so one instance may serve many reports and threads.
 */
public final class Extractor {
    /** The SKOS taxonomies the vocabulary is read from: every label lives there (style guide §6). */
    static final List<String> TAXONOMIES = List.of("/ontology/initiative-types.ttl", "/ontology/partner-kinds.ttl",
            "/ontology/outcome-types.ttl");

    private final Set<String> skippedSections = new HashSet<>();
    private final PartnerExtractor partners;
    private final InitiativeExtractor initiatives;
    private final MetricExtractor metrics = new MetricExtractor();
    private final OutcomeExtractor outcomes;
    private final ConcernExtractor concerns = new ConcernExtractor();

    private Extractor(Lexicon lexicon) {
        for (RuleFile.Row r : RuleFile.read("/extract/skip-sections.tsv", 1))
            skippedSections.add(r.col(0).toLowerCase(Locale.ROOT));
        this.partners = new PartnerExtractor(lexicon);
        this.initiatives = new InitiativeExtractor(lexicon, Heads.load(), new StatusCues());
        this.outcomes = new OutcomeExtractor(lexicon, Heads.load());
    }

    /**
     * @return an extractor reading the SKOS taxonomies under {@code /ontology/} and the rule files
     *         under {@code /extract/} from the classpath
     * @throws IllegalStateException naming the file when a rule file is missing or malformed
     */
    public static Extractor fromClasspath() {
        return new Extractor(Lexicon.fromClasspath(TAXONOMIES));
    }

    /**
     * @param taxonomies SKOS concepts to read the vocabulary from instead of {@link #TAXONOMIES}
     *                   (tests: a taxonomy with one more concept); rule files still come from the classpath
     */
    static Extractor fromTaxonomies(org.apache.jena.rdf.model.Model taxonomies) {
        return new Extractor(Lexicon.fromModel(taxonomies));
    }

    /**
     * @param report  a parsed report
     * @param handler receives the facts, in the order described above
     */
    public void extract(Report report, FactHandler handler) {
        requireNonNull(report, "report");
        requireNonNull(handler, "handler");
        Doc doc = new Doc(report, skippedSections);
        handler.startReport(report);
        PartnerExtractor.Found p = partners.extract(doc);
        p.facts().forEach(handler::handle);
        InitiativeExtractor.Found i = initiatives.extract(doc, p);
        i.facts().forEach(handler::handle);
        metrics.extract(doc, i).forEach(handler::handle);
        outcomes.extract(doc, i, i.facts()).forEach(handler::handle);
        concerns.extract(doc, i).forEach(handler::handle);
        handler.endReport(report);
    }
}
