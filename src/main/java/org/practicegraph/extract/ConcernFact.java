package org.practicegraph.extract;

import java.util.List;

/**
 * A finding that records a weakness or shortfall ("There was a lack of evidence of learning from
 * audits"), so strengths and shortfalls can be queried apart.
 *
 * @param key           slug unique within the report
 * @param label         the finding, in the report's words
 * @param initiativeKey key of the {@link InitiativeFact} the finding is about, or null
 * @param evidence      supporting sentences
 */
public record ConcernFact(String key, String label, String initiativeKey, List<EvidenceSpan> evidence) implements Fact {
    public ConcernFact {
        evidence = List.copyOf(evidence);
    }
}
