package org.practicegraph.extract;

import java.util.List;

/** Something an extractor found in a report, with the sentences that support it. */
public sealed interface Fact permits InitiativeFact, PartnerFact, MetricFact, OutcomeFact, ConcernFact {
    /** @return an identifier for the fact: unique within its report (partners: across reports, one per organisation) */
    String key();

    /** @return the sentences that support the fact; never empty */
    List<EvidenceSpan> evidence();
}
