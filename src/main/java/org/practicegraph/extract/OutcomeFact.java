package org.practicegraph.extract;

import java.util.List;

/**
 * An effect the report says an initiative had ("This meant…", "which reduced…", "led to…").
 *
 * @param key           slug unique within the report
 * @param label         the stated effect, in the report's words
 * @param type          skos:notation of its concept in {@code ontology/outcome-types.ttl}
 * @param initiativeKey key of the {@link InitiativeFact} it is an outcome of
 * @param evidence      supporting sentences
 */
public record OutcomeFact(String key, String label, String type, String initiativeKey,
                          List<EvidenceSpan> evidence) implements Fact {
    public OutcomeFact {
        evidence = List.copyOf(evidence);
    }
}
