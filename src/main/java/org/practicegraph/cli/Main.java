package org.practicegraph.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of {@code practice-graph}. */
@Command(name = "practice-graph", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        header = "Turn CQC assessment reports into a SPARQL-queryable graph.",
        description = "Run 'practice-graph serve' to load the bundled sample reports and serve them at http://localhost:3030/practice/sparql.",
        subcommands = {ServeCommand.class, LoadCommand.class, QueryCommand.class, ValidateCommand.class,
                ExportCommand.class, EvaluateCommand.class, BackupCommand.class, RestoreCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getErr()); }

    public static void main(String... args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the command line, with exit codes and error messages mapped; tests set their own writers */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(ExitCodes::of);
        cl.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            PrintWriter err = commandLine.getErr();
            int code = ExitCodes.of(e);
            if (code == ExitCodes.SOFTWARE) {
                err.println("error: " + e);
                e.printStackTrace(err);
            } else {
                err.println("error: " + e.getMessage());
            }
            err.flush();
            return code;
        });
        return cl;
    }
}
