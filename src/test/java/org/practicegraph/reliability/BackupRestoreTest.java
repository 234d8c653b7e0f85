package org.practicegraph.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicegraph.cli.CliRun;
import org.practicegraph.store.Store;

/** backup then restore gives back the same dataset; a broken backup leaves the new database empty. */
class BackupRestoreTest {
    @TempDir Path dir;

    /** Runs a command; its standard error is appended to {@code err}. */
    private int run(StringWriter err, String... args) {
        CliRun r = CliRun.of(args);
        err.write(r.err());
        return r.code();
    }

    @Test
    void roundTripGivesAnIsomorphicDataset() {
        Path db = dir.resolve("db"), copy = dir.resolve("restored"), backup = dir.resolve("backup.nq.gz");
        StringWriter err = new StringWriter();
        assertThat(run(err, "load", "--db", db.toString(), "corpus/sample")).isZero();
        assertThat(run(err, "backup", "--db", db.toString(), "--output", backup.toString())).isZero();
        assertThat(run(err, "restore", "--db", copy.toString(), backup.toString())).as(err.toString()).isZero();
        try (Store a = Store.open(db); Store b = Store.open(copy)) {
            long quads = Txn.calculateRead(a.dataset(), () -> a.dataset().stream().count());
            assertThat(quads).isGreaterThan(1000);
            assertThat(Txn.calculateRead(a.dataset(), () -> Txn.calculateRead(b.dataset(),
                    () -> IsoMatcher.isomorphic(a.dataset(), b.dataset())))).isTrue();
        }
    }

    @Test
    void restoreRefusesADatabaseWithData() {
        Path db = dir.resolve("db"), backup = dir.resolve("backup.nq.gz");
        StringWriter err = new StringWriter();
        run(err, "load", "--db", db.toString(), "corpus/sample/004_9ad3562cb36cee7d.txt");
        run(err, "backup", "--db", db.toString(), "--output", backup.toString());
        assertThat(run(err, "restore", "--db", db.toString(), backup.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("error: " + db + ": restore needs an empty database");
    }

    @Test
    void aTruncatedBackupLeavesTheNewDatabaseEmpty() throws IOException {
        Path db = dir.resolve("db"), copy = dir.resolve("restored"), backup = dir.resolve("backup.nq.gz");
        StringWriter err = new StringWriter();
        run(err, "load", "--db", db.toString(), "corpus/sample");
        run(err, "backup", "--db", db.toString(), "--output", backup.toString());
        byte[] bytes = Files.readAllBytes(backup);
        Files.write(backup, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(run(err, "restore", "--db", copy.toString(), backup.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("cannot restore, the backup is not gzip N-Quads or is truncated");
        try (Store b = Store.open(copy)) {
            assertThat(Txn.calculateRead(b.dataset(), () -> b.dataset().isEmpty())).isTrue();
        }
    }
}
