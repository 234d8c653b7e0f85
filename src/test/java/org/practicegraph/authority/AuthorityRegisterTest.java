package org.practicegraph.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorityRegisterTest {
    final AuthorityRegister register = AuthorityRegister.load();

    @Test
    void codesAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (Authority a : register.all()) {
            assertThat(a.gss()).as(a.name()).matches("E(06|08|09|10)\\d{6}");
            assertThat(seen.add(a.gss())).as("duplicate " + a.gss()).isTrue();
            for (String v : a.variants()) assertThat(register.byName(v)).as(v).contains(a);
        }
        assertThat(register.all()).extracting(Authority::gss).contains("E09000017", "E09000018");
    }

    /** Issue 5: the 153 councils with adult social care duties, as ONS codes them after the 2019-2023 reorganisations. */
    @Test
    void allEnglishCouncilsWithAdultSocialCareDuties() {
        Map<String, Integer> byPrefix = new TreeMap<>();
        for (Authority a : register.all()) byPrefix.merge(a.gss().substring(0, 3), 1, Integer::sum);
        assertThat(register.all()).hasSize(153);
        assertThat(byPrefix).containsExactly(Map.entry("E06", 63), Map.entry("E08", 36), Map.entry("E09", 33), Map.entry("E10", 21));
        Map<String, String> typeOfPrefix = Map.of("E06", "UnitaryAuthority", "E08", "MetropolitanDistrict",
                "E09", "LondonBorough", "E10", "CountyCouncil");
        for (Authority a : register.all()) assertThat(a.type()).as(a.name()).isEqualTo(typeOfPrefix.get(a.gss().substring(0, 3)));
        assertThat(register.all()).extracting(Authority::region).containsOnly("North East", "North West", "Yorkshire and The Humber",
                "East Midlands", "West Midlands", "East of England", "London", "South East", "South West");
        // Abolished codes are gone: Northumberland (old), Bournemouth, Poole, and the pre-2019/2023 counties.
        assertThat(register.all()).extracting(Authority::gss).doesNotContain("E06000048", "E06000028", "E06000029",
                "E10000002", "E10000006", "E10000009", "E10000021", "E10000023", "E10000027", "E08000020");
    }

    @ParameterizedTest
    @CsvSource({"North Yorkshire Council, E06000065", "Cumberland Council, E06000063", "Westmorland and Furness Council, E06000064",
            "Somerset Council, E06000066", "Buckinghamshire Council, E06000060", "North Northamptonshire Council, E06000061",
            "West Northamptonshire Council, E06000062", "Dorset Council, E06000059", "BCP Council, E06000058",
            "'Bournemouth, Christchurch and Poole Council', E06000058", "Northumberland County Council, E06000057",
            "City of London Corporation, E09000001", "Council of the Isles of Scilly, E06000053", "Gateshead Council, E08000037",
            "Sunderland City Council: local authority assessment, E08000024", "Darlington Borough Council, E06000005",
            "Durham, E06000047", "Durham County Council, E06000047", "Bristol, E06000023", "'Bristol, City of', E06000023",
            "Hull, E06000010", "Hull City Council, E06000010", "Kingston upon Hull City Council, E06000010",
            "Kingston, E09000021", "Royal Borough of Kingston upon Thames, E09000021", "Newcastle, E08000021",
            "Richmond, E09000027", "St. Helens, E08000013", "City of Wolverhampton Council, E08000031", "York, E06000014",
            "City of York Council, E06000014", "'Herefordshire, County of', E06000019", "Telford & Wrekin Council, E06000020"})
    void namesReportsUseResolveToOneCouncil(String name, String gss) {
        assertThat(register.byName(name)).map(Authority::gss).contains(gss);
    }

    @Test
    void ambiguousPlaceNamesInTextPickTheRightCouncil() {
        assertThat(register.findInText("Kingston upon Hull City Council worked with Hull carers.")).map(Authority::gss).contains("E06000010");
        assertThat(register.findInText("Leaders across Yorkshire and in North Yorkshire described their hub.")).map(Authority::gss).contains("E06000065");
        assertThat(register.findInText("Staff from Newcastle-under-Lyme attended.")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hillingdon", "London Borough of Hillingdon", "Hillingdon Council", "hillingdon london borough council",
            "Hillingdon: local authority assessment"})
    void everyFormNamesOneCouncil(String name) {
        assertThat(register.byName(name)).map(Authority::gss).contains("E09000017");
    }

    @Test
    void findsTheCouncilTheTextIsAbout() {
        assertThat(register.findInText("Social work staff reported Hounslow was a good place to work. Hounslow had 5 investigations."))
                .map(Authority::name).contains("Hounslow");
    }

    @Test
    void aTextNamingTwoCouncilsEquallyIdentifiesNeither() {
        assertThat(register.findInText("Hillingdon and Hounslow ran a joint carers' service.")).isEmpty();
        assertThat(register.findInText("Hillingdon worked with Hounslow. Hillingdon led it.")).map(Authority::name).contains("Hillingdon");
    }

    @Test
    void aPlaceInsideAnotherOrganisationsNameIsNotTheCouncil() {
        assertThat(register.findInText("Staff took modules at Kingston University and the University of Birmingham.")).isEmpty();
        assertThat(register.findInText("The council worked with 14 London councils.")).isEmpty();
    }
}
