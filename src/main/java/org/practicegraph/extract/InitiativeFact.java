package org.practicegraph.extract;

import java.util.List;
import java.util.Set;

/**
 * A practice, programme or service the report says the authority runs, pilots or plans.
 *
 * @param key         slug unique within the report
 * @param label       a short name for the initiative, as the report words it
 * @param type        skos:notation of its concept in {@code ontology/initiative-types.ttl}
 * @param status      established, pilot or planned
 * @param partnerKeys keys of {@link PartnerFact}s the text ties to this initiative
 * @param evidence    supporting sentences
 */
public record InitiativeFact(String key, String label, String type, Status status, Set<String> partnerKeys,
                             List<EvidenceSpan> evidence) implements Fact {
    public InitiativeFact {
        partnerKeys = Set.copyOf(partnerKeys);
        evidence = List.copyOf(evidence);
    }
}
