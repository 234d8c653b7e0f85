package org.practicegraph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.practicegraph.report.Report;
import org.practicegraph.report.Reports;

/** Hand-written sentences (not from the samples), one behaviour each. */
class ExtractorTest {
    private static final Extractor EXTRACTOR = Extractor.fromClasspath();

    private static List<Fact> extract(String body) {
        String text = "# Safeguarding\n\nScore: 2\n\n## The local authority commitment\n\n"
                + "We work with partners to launch a boilerplate hub.\n\n## Key findings\n\n" + body + "\n";
        Report r = Reports.parse("test.txt", text.getBytes(StandardCharsets.UTF_8));
        List<Fact> facts = new ArrayList<>();
        EXTRACTOR.extract(r, facts::add);
        for (Fact f : facts)
            for (EvidenceSpan e : f.evidence()) assertThat(r.text().substring(e.start(), e.end())).isEqualTo(e.quote());
        return facts;
    }

    private static <T> List<T> of(List<Fact> facts, Class<T> kind) {
        return facts.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Test
    void launchedHubWithACharityBranchIsAnInitiativeWithThatPartner() {
        List<Fact> facts = extract("The council launched a Carers' Digital Hub with Age UK Norfolk in 2023.");
        PartnerFact p = of(facts, PartnerFact.class).get(0);
        assertThat(p.label()).isEqualTo("Age UK Norfolk");
        assertThat(p.kind()).isEqualTo("VCSE");
        InitiativeFact i = of(facts, InitiativeFact.class).get(0);
        assertThat(i.label()).contains("Digital Hub");
        assertThat(i.partnerKeys()).containsExactly(p.key());
        assertThat(i.status()).isEqualTo(Status.ESTABLISHED);
        assertThat(of(facts, MetricFact.class)).as("a year is not a metric").isEmpty();
        assertThat(facts.indexOf(p)).isLessThan(facts.indexOf(i));
    }

    @Test
    void boilerplateCommitmentSectionIsSkipped() {
        List<Fact> facts = extract("Staff told us they felt supported.");
        assertThat(of(facts, InitiativeFact.class)).isEmpty();
    }

    @Test
    void fromToGivesValueAndBaseline() {
        MetricFact m = of(extract("Retention rose from 52% to 78%."), MetricFact.class).get(0);
        assertThat(m.value()).isEqualByComparingTo("78");
        assertThat(m.baseline()).isEqualByComparingTo("52");
        assertThat(m.unit()).isEqualTo("percent");
        assertThat(m.evidence().get(0).rule()).isEqualTo("metric.from-to");
    }

    @Test
    void comparedToAnAverageIsTheComparator() {
        List<MetricFact> ms = of(extract("Uptake of direct payments was 31%, compared to the England average of 26%."), MetricFact.class);
        assertThat(ms).hasSize(1);
        assertThat(ms.get(0).value()).isEqualByComparingTo("31");
        assertThat(ms.get(0).comparator()).isEqualByComparingTo("26");
    }

    @Test
    void respectivelyComparesTheFiguresOfThePreviousSentence() {
        List<MetricFact> ms = of(extract("There were 12 complaints to the Ombudsman, of which 75% were upheld. "
                + "This was above the average for similar councils, at 7 and 60% respectively."), MetricFact.class);
        assertThat(ms).extracting(MetricFact::value).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal(12), new BigDecimal(75));
        assertThat(ms).extracting(MetricFact::comparator).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal(7), new BigDecimal(60));
    }

    @Test
    void countsMoneyAndNumberWordsButNotSectionsYearsOrHyphenatedAdjectives() {
        List<MetricFact> ms = of(extract("Three carers joined the panel and £1.2 million was invested in 2024-27. "
                + "Section 42 enquiries were reviewed weekly through 7-minute briefings. There was 1 detailed investigation."),
                MetricFact.class);
        assertThat(ms).extracting(m -> m.value().stripTrailingZeros().toPlainString() + " " + m.unit())
                .containsExactly("3 count", "1200000 GBP", "1 count");
    }

    @Test
    void plannedAndPilotStatusComeFromTheWordsAroundTheMention() {
        List<InitiativeFact> is = of(extract("The council is planning to pilot a falls prevention service. "
                + "It was trialling a telecare hub. A new carers charter was in development."), InitiativeFact.class);
        assertThat(is).extracting(InitiativeFact::status)
                .containsExactly(Status.PLANNED, Status.PILOT, Status.PLANNED);
    }

    @Test
    void unseenUniversityGetsAStableKeyAndAPartnershipInitiative() {
        List<Fact> facts = extract("The local authority was working with Northgate University to evaluate its reablement offer.");
        PartnerFact p = of(facts, PartnerFact.class).get(0);
        assertThat(p.key()).isEqualTo("northgate-university");
        assertThat(p.kind()).isEqualTo("University");
        assertThat(of(facts, InitiativeFact.class)).anySatisfy(i -> {
            assertThat(i.label()).contains("Northgate University");
            assertThat(i.type()).isEqualTo("ResearchPartnership");
        });
    }

    @Test
    void acronymIntroducedAfterALongFormPointsAtTheSamePartner() {
        List<PartnerFact> ps = of(extract("Leaders met the British Association of Social Workers (BASW) monthly. "
                + "BASW also reviewed the supervision policy."), PartnerFact.class);
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).label()).isEqualTo("British Association of Social Workers");
        assertThat(ps.get(0).evidence()).hasSize(2);
    }

    @Test
    void outcomeAttachesToTheInitiativeOfThePreviousSentence() {
        List<Fact> facts = extract("The council introduced a hospital discharge hub. This meant fewer people waited in hospital.");
        InitiativeFact i = of(facts, InitiativeFact.class).get(0);
        OutcomeFact o = of(facts, OutcomeFact.class).get(0);
        assertThat(o.initiativeKey()).isEqualTo(i.key());
        assertThat(o.label()).startsWith("This meant fewer people");
        assertThat(o.type()).isEqualTo("HospitalAvoidance");
    }

    @Test
    void repeatedMentionsMergeIntoOneInitiativeWithMoreEvidence() {
        List<InitiativeFact> is = of(extract("Managers set up a reflective practice forum for occupational therapists. "
                + "The forum met monthly. Staff valued the reflective practice forum."), InitiativeFact.class);
        assertThat(is).hasSize(1);
        assertThat(is.get(0).evidence()).hasSize(2);
        assertThat(is.get(0).type()).isEqualTo("ReflectivePractice");
    }
}
