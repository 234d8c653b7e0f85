package org.practicegraph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.practicegraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        header = "Restore a gzip N-Quads backup into a new, empty database.",
        description = "Example: practice-graph restore --db db-restored practice-graph-backup.nq.gz")
final class RestoreCommand implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "DIR", description = "New TDB2 database directory (must not hold data).")
    Path db;
    @Parameters(index = "0", paramLabel = "BACKUP", description = "Backup file written by 'backup'.")
    Path backup;
    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        if (!Files.isRegularFile(backup)) throw new BadInputException(backup + ": no such backup file");
        try (Store store = Store.open(db); InputStream in = Files.newInputStream(backup)) {
            long quads = store.restore(in);
            spec.commandLine().getOut().println("restored " + quads + " quads into " + db);
        }
        return ExitCodes.OK;
    }
}
