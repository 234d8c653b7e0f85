package org.practicegraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's optional {@code report} column (issue 4). */
class ManifestGroupTest {
    @TempDir Path dir;

    private Path manifest(String body) throws IOException {
        for (String f : new String[] {"s.html", "p.pdf"}) Files.writeString(dir.resolve(f), "x");
        return Files.writeString(dir.resolve("manifest.csv"), body);
    }

    @Test
    void theReportColumnGroupsFiles() throws IOException {
        Manifest m = Manifest.read(manifest("""
                file,authority,gss,published,url,report
                s.html,Dorset,E06000059,2025-03-14,,dorset-2025
                p.pdf,Dorset,E06000059,2025-03-14,,dorset-2025
                """));
        assertThat(m.entries()).extracting(Manifest.Entry::group).containsExactly("dorset-2025", "dorset-2025");
    }

    @Test
    void theFiveColumnManifestStillReads() throws IOException {
        Manifest m = Manifest.read(manifest("file,authority,gss,published,url\ns.html,Dorset,,,\n"));
        assertThat(m.entries()).singleElement().extracting(Manifest.Entry::group).isNull();
    }

    @Test
    void oneReportHasOneCouncilAndOneDate() throws IOException {
        Path csv = manifest("""
                file,authority,gss,published,url,report
                s.html,Dorset,,2025-03-14,,r1
                p.pdf,Dorset,,2025-04-01,,r1
                """);
        assertThatThrownBy(() -> Manifest.read(csv)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("report r1 has two publication dates (2025-03-14, 2025-04-01); its files share one");
        Path csv2 = manifest("""
                file,authority,gss,published,url,report
                s.html,Dorset,,,,r1
                p.pdf,Wiltshire,,,,r1
                """);
        assertThatThrownBy(() -> Manifest.read(csv2)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("report r1 names two councils (Dorset, Wiltshire); a report is about one");
    }

    @Test
    void anUnknownSixthColumnIsRefused() throws IOException {
        Path csv = manifest("file,authority,gss,published,url,notes\ns.html,Dorset,,,,x\n");
        assertThatThrownBy(() -> Manifest.read(csv)).hasMessageContaining("header must be file,authority,gss,published,url (optionally ,report)");
    }
}
