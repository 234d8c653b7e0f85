package org.practicegraph.extract;

import java.util.List;

/**
 * An organisation the authority works with.
 *
 * @param key      slug of the organisation's canonical name: the same organisation gets the same key in every report
 * @param label    the organisation's name (long form where the report gives one)
 * @param kind     skos:notation of its concept in {@code ontology/partner-kinds.ttl}
 * @param evidence supporting sentences
 */
public record PartnerFact(String key, String label, String kind, List<EvidenceSpan> evidence) implements Fact {
    public PartnerFact {
        evidence = List.copyOf(evidence);
    }
}
