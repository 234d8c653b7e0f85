package org.practicegraph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.practicegraph.report.Report;
import org.practicegraph.report.Reports;

/**
 * Hand-written sentences in the style of quality statements the samples do not cover (Assessing
 * needs, Safeguarding, Partnerships and communities, Care provision, Safe pathways, Equity,
 * Governance), none taken from a sample report: each asserts what a careful reader would extract.
 */
class GeneralisationTest {
    private static final Extractor EXTRACTOR = Extractor.fromClasspath();

    private static List<Fact> extract(String heading, String body) {
        String text = "# " + heading + "\n\nScore: 2\n\n## Key findings\n\n" + body + "\n";
        Report r = Reports.parse("generalisation.txt", text.getBytes(StandardCharsets.UTF_8));
        List<Fact> facts = new ArrayList<>();
        EXTRACTOR.extract(r, facts::add);
        for (Fact f : facts)
            for (EvidenceSpan e : f.evidence()) assertThat(r.text().substring(e.start(), e.end())).isEqualTo(e.quote());
        return facts;
    }

    private static <T> List<T> of(List<Fact> facts, Class<T> kind) {
        return facts.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static InitiativeFact initiative(List<Fact> facts, String labelPart) {
        return of(facts, InitiativeFact.class).stream().filter(i -> i.label().toLowerCase().contains(labelPart.toLowerCase()))
                .findFirst().orElseThrow(() -> new AssertionError("no initiative with '" + labelPart + "' in " + of(facts, InitiativeFact.class)));
    }

    private static List<OutcomeFact> outcomesOf(List<Fact> facts, InitiativeFact i) {
        return of(facts, OutcomeFact.class).stream().filter(o -> o.initiativeKey().equals(i.key())).toList();
    }

    @Test
    void commissionedDischargeServiceWithTheIcbReducedDelays() {
        List<Fact> facts = extract("Care provision, integration and continuity",
                "The council commissioned a hospital discharge service with the ICB, which reduced delayed discharges from 45 to 12 a week.");
        PartnerFact icb = of(facts, PartnerFact.class).get(0);
        assertThat(icb.kind()).isEqualTo("IntegratedCareBoard");
        InitiativeFact i = initiative(facts, "discharge service");
        assertThat(i.type()).isEqualTo("ServiceModel");
        assertThat(i.partnerKeys()).contains(icb.key());
        MetricFact m = of(facts, MetricFact.class).get(0);
        assertThat(m.value()).isEqualByComparingTo("12");
        assertThat(m.baseline()).isEqualByComparingTo("45");
        assertThat(outcomesOf(facts, i)).singleElement().satisfies(o -> {
            assertThat(o.label()).startsWith("which reduced delayed discharges");
            assertThat(o.type()).isEqualTo("HospitalAvoidance");
        });
    }

    @Test
    void trustedAssessorPilotIsAPilotWithATimelinessOutcome() {
        List<Fact> facts = extract("Assessing needs",
                "The local authority was piloting a trusted assessor model in two hospitals. "
                        + "This meant people received their Care Act assessment sooner.");
        InitiativeFact i = initiative(facts, "trusted assessor");
        assertThat(i.status()).isEqualTo(Status.PILOT);
        assertThat(outcomesOf(facts, i)).singleElement().satisfies(o -> {
            assertThat(o.evidence().get(0).rule()).isEqualTo("outcome.this-meant");
            assertThat(o.type()).isEqualTo("Timeliness");
        });
    }

    @Test
    void safeguardingAdultsReviewLedToSevenMinuteBriefings() {
        List<Fact> facts = extract("Safeguarding",
                "Following a safeguarding adults review, the council produced 7-minute briefings for frontline teams, "
                        + "which improved how staff recognised self-neglect.");
        assertThat(initiative(facts, "safeguarding adults review").type()).isEqualTo("SafeguardingReview");
        InitiativeFact b = initiative(facts, "briefing");
        assertThat(b.type()).isEqualTo("SevenMinuteBriefing");
        assertThat(outcomesOf(facts, b)).isNotEmpty();
    }

    @Test
    void vcsePartnerAndCommunityConnectorsInPartnershipsAndCommunities() {
        List<Fact> facts = extract("Partnerships and communities",
                "The council funded Citizens Advice Westshire to run a community connectors scheme in rural villages. "
                        + "The scheme helped isolated older people to join local groups.");
        PartnerFact p = of(facts, PartnerFact.class).stream().filter(x -> x.label().contains("Citizens Advice")).findFirst().orElseThrow();
        assertThat(p.kind()).isEqualTo("VCSE");
        InitiativeFact i = initiative(facts, "community connectors scheme");
        assertThat(outcomesOf(facts, i)).as("'The scheme' refers back to it").isNotEmpty();
    }

    @Test
    void plannedDigitalRecordIsPlanned() {
        List<InitiativeFact> is = of(extract("Safe pathways, systems and transitions",
                "Leaders planned to introduce a shared care record with the NHS trust by 2026."), InitiativeFact.class);
        assertThat(is).anySatisfy(i -> {
            assertThat(i.label()).containsIgnoringCase("shared care record");
            assertThat(i.type()).isEqualTo("DigitalRecords");
            assertThat(i.status()).isEqualTo(Status.PLANNED);
        });
    }

    @Test
    void reablementOutcomeFromAPercentageAndAComparator() {
        List<Fact> facts = extract("Supporting people to live healthier lives",
                "The reablement service supported 82% of people to remain at home 91 days after discharge, compared to a national average of 77%.");
        InitiativeFact i = initiative(facts, "reablement");
        assertThat(i.type()).isEqualTo("ServiceModel");
        MetricFact m = of(facts, MetricFact.class).get(0);
        assertThat(m.value()).isEqualByComparingTo("82");
        assertThat(m.comparator()).isEqualByComparingTo("77");
    }

    @Test
    void interpretersAndEasyReadInEquityOfExperience() {
        List<Fact> facts = extract("Equity in experience and outcomes",
                "The council introduced easy read assessment letters and a British Sign Language video service, "
                        + "so that Deaf people could contact the front door without a relay.");
        InitiativeFact easyRead = initiative(facts, "easy read");
        assertThat(easyRead.type()).isEqualTo("CommunicationImprovement");
        assertThat(of(facts, OutcomeFact.class)).anySatisfy(o -> assertThat(o.evidence().get(0).rule()).isEqualTo("outcome.so-that"));
    }

    @Test
    void anaphorPicksTheInitiativeWhoseNameHoldsItsNoun() {
        List<Fact> facts = extract("Governance, management and sustainability",
                "The council ran a quarterly case file audit and set up a provider quality forum. "
                        + "These audits showed that reviews were completed late, and they informed a new recording policy.");
        InitiativeFact audit = initiative(facts, "case file audit");
        InitiativeFact forum = initiative(facts, "provider quality forum");
        assertThat(outcomesOf(facts, audit)).isNotEmpty();
        assertThat(outcomesOf(facts, forum)).as("'These audits' is not the forum").isEmpty();
    }

    @Test
    void passiveAgentTakesTheEffect() {
        List<Fact> facts = extract("Assessing needs",
                "The redesign of the occupational therapy waiting list had been informed by a carers' listening event.");
        InitiativeFact event = initiative(facts, "listening event");
        assertThat(outcomesOf(facts, event)).singleElement()
                .satisfies(o -> assertThat(o.evidence().get(0).rule()).isEqualTo("outcome.passive-agent"));
    }

    @Test
    void eachInitiativeTakesTheFirstEffectAfterIt() {
        List<Fact> facts = extract("Care provision, integration and continuity",
                "Partnership working enabled joint visits, and the council launched a falls response service, which avoided ambulance call-outs.");
        InitiativeFact falls = initiative(facts, "falls response service");
        assertThat(outcomesOf(facts, falls)).singleElement()
                .satisfies(o -> assertThat(o.label()).startsWith("avoided ambulance"));
    }

    @Test
    void meansAfterThroughTypesTheApproach() {
        List<InitiativeFact> is = of(extract("Learning, improvement and innovation",
                "The council was growing its own occupational therapists through degree apprenticeships."), InitiativeFact.class);
        assertThat(is).anySatisfy(i -> assertThat(i.type()).isEqualTo("Apprenticeship"));
    }

    @Test
    void leadingVerbIsNotPartOfTheName() {
        List<InitiativeFact> is = of(extract("Assessing needs",
                "Managers encouraged strengths-based practice training for all assessors."), InitiativeFact.class);
        assertThat(is).extracting(InitiativeFact::label).noneMatch(l -> l.toLowerCase().startsWith("encouraged"));
    }

    @Test
    void onlyAdjectivesBeforeAGenericHeadNamesNothing() {
        List<InitiativeFact> is = of(extract("Partnerships and communities",
                "Partners described a positive and constructive partnership with the council."), InitiativeFact.class);
        assertThat(is).isEmpty();
    }

    @Test
    void downFromGivesTheBaselineOfTheFigureBefore() {
        List<MetricFact> ms = of(extract("Safeguarding",
                "At the time of the assessment 35 safeguarding concerns were awaiting triage, down from 140 in January."), MetricFact.class);
        assertThat(ms).singleElement().satisfies(m -> {
            assertThat(m.value()).isEqualByComparingTo("35");
            assertThat(m.baseline()).isEqualByComparingTo("140");
        });
    }

    @Test
    void aStatutoryEnquiryIsNotAnInitiative() {
        List<InitiativeFact> is = of(extract("Safeguarding",
                "Most section 42 enquiries were completed within 28 days."), InitiativeFact.class);
        assertThat(is).isEmpty();
    }

    // --- concerns

    @Test
    void lackOfEvidenceIsAConcern() {
        List<ConcernFact> cs = of(extract("Safeguarding",
                "There was a lack of assurance that safeguarding enquiries were closed with the person's views recorded."), ConcernFact.class);
        assertThat(cs).singleElement().satisfies(c -> assertThat(c.evidence().get(0).rule()).isEqualTo("concern.lack-of"));
    }

    @Test
    void notAlwaysAndInconsistentAreConcernsTiedToTheNamedInitiative() {
        List<Fact> facts = extract("Assessing needs",
                "Carers' assessments were not always offered when the cared-for person was assessed. "
                        + "The new front door triage service was used inconsistently across locality teams.");
        List<ConcernFact> cs = of(facts, ConcernFact.class);
        assertThat(cs).hasSize(2);
        assertThat(cs.get(1).initiativeKey()).isEqualTo(initiative(facts, "triage service").key());
    }

    @Test
    void waitsAndAreasForImprovementAreConcerns() {
        List<ConcernFact> cs = of(extract("Assessing needs",
                "Some people experienced long waits for an occupational therapy assessment. "
                        + "Transition planning for young people was still an area for improvement. "
                        + "Partners described missed opportunities to share information at the point of discharge."), ConcernFact.class);
        assertThat(cs).extracting(c -> c.evidence().get(0).rule())
                .containsExactly("concern.waits", "concern.area-for-improvement", "concern.missed-opportunity");
    }

    @Test
    void unembeddedLearningAndPoorlyAttendedSessionsAreConcerns() {
        List<ConcernFact> cs = of(extract("Safeguarding",
                "A multi-agency audit found that the learning from the review had not been embedded in hospital discharge practice. "
                        + "Carers' drop-in sessions at the library were not well attended. "
                        + "Social workers said they did not have the time to complete reviews on schedule."), ConcernFact.class);
        assertThat(cs).extracting(c -> c.evidence().get(0).rule())
                .containsExactly("concern.not-yet", "concern.not-well", "concern.no-time");
    }

    @Test
    void strengthsAndAddressedConcernsAreNotConcerns() {
        List<ConcernFact> cs = of(extract("Safeguarding",
                "Staff told us the safeguarding team responded quickly and kept people informed. "
                        + "When staff raised concerns about caseloads, leaders added two social workers to the team."), ConcernFact.class);
        assertThat(cs).isEmpty();
    }
}
