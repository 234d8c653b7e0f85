package org.practicegraph.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/**
 * One run of {@code practice-graph} in-process, as tests see it: exit code, standard output and
 * standard error.
 */
public record CliRun(int code, String out, String err) {
    /** @return the outcome of running the command line with these arguments */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
