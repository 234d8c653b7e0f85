package org.practicegraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import org.practicegraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        header = "Write a database to a gzip N-Quads backup, as one consistent snapshot.",
        description = "Example: practice-graph backup --db db --output practice-graph-backup.nq.gz")
final class BackupCommand implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "DIR", description = "TDB2 database directory.")
    Path db;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Backup file to write (gzip N-Quads).")
    Path output;
    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        if (!Files.isDirectory(db)) throw new BadInputException(db + ": no database here");
        // Write beside the target and move into place, so a failed backup never leaves half a file under its name.
        Path tmp = Files.createTempFile(output.toAbsolutePath().getParent(), ".backup-", ".part");
        try (Store store = Store.open(db); OutputStream out = Files.newOutputStream(tmp)) {
            long quads = store.backup(out);
            out.close();
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            spec.commandLine().getOut().println("backed up " + quads + " quads to " + output);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return ExitCodes.OK;
    }
}
