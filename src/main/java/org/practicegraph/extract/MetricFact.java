package org.practicegraph.extract;

import java.math.BigDecimal;
import java.util.List;

/**
 * A figure the report states ("89% were upheld", "from 40% to 89%", "£1,000,000").
 *
 * @param key           slug unique within the report
 * @param label         what the figure measures, in the report's words
 * @param value         the figure
 * @param unit          skos:notation of its unit in {@code ontology/units.ttl} (percent, count, GBP, years, …)
 * @param baseline      the earlier value in "from X to Y", or null
 * @param comparator    the value it is compared with ("compared to 12%", "expected 80%"), or null
 * @param period        the period it covers ("2023/24", "the last 12 months"), or null
 * @param initiativeKey key of the {@link InitiativeFact} the text ties it to, or null
 * @param evidence      supporting sentences
 */
public record MetricFact(String key, String label, BigDecimal value, String unit, BigDecimal baseline,
                         BigDecimal comparator, String period, String initiativeKey,
                         List<EvidenceSpan> evidence) implements Fact {
    public MetricFact {
        evidence = List.copyOf(evidence);
    }
}
