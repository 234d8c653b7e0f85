package org.practicegraph.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
    void aPlaceInsideAnotherOrganisationsNameIsNotTheCouncil() {
        assertThat(register.findInText("Staff took modules at Kingston University and the University of Birmingham.")).isEmpty();
        assertThat(register.findInText("The council worked with 14 London councils.")).isEmpty();
    }
}
