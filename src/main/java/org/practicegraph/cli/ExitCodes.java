package org.practicegraph.cli;

import org.practicegraph.report.ReportException;
import org.practicegraph.store.ManifestException;
import org.practicegraph.store.StoreException;

/** Exit codes, in one place. */
final class ExitCodes {
    private ExitCodes() {}

    static final int OK = 0;
    /** Something unexpected: a bug, or the machine (disk, memory). */
    static final int SOFTWARE = 1;
    /** The command line itself is wrong (picocli's own code). */
    static final int USAGE = 2;
    /** An input file, manifest or database could not be used. */
    static final int BAD_INPUT = 3;
    /** Data does not conform to the SHACL shapes. */
    static final int NOT_VALID = 4;
    /** A score is below the floor the user set ({@code evaluate --min-*}). */
    static final int BELOW_FLOOR = 5;

    /** Maps exceptions that escape a command. */
    static int of(Throwable e) {
        return e instanceof ReportException || e instanceof ManifestException || e instanceof StoreException
                || e instanceof BadInputException ? BAD_INPUT : SOFTWARE;
    }
}
