package org.practicegraph.store;

import java.util.List;

/**
 * What a load did.
 *
 * @param loaded   file names of the reports (re)written to the store
 * @param skipped  file names of the reports left alone because the store already holds them unchanged
 *                 (same SHA-256, same manifest row)
 * @param problems one line per file that was not loaded: "FILE: problem"
 * @param warnings one line per file that loaded with a caveat: "FILE: warning"
 * @param bulk     whether the reports went through TDB2's bulk loader (a first load into an empty database)
 */
public record LoadResult(List<String> loaded, List<String> skipped, List<String> problems, List<String> warnings, boolean bulk) {
    public LoadResult {
        loaded = List.copyOf(loaded);
        skipped = List.copyOf(skipped);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** A load in transactions. */
    public LoadResult(List<String> loaded, List<String> skipped, List<String> problems, List<String> warnings) {
        this(loaded, skipped, problems, warnings, false);
    }

    /** A load in transactions that skipped nothing. */
    public LoadResult(List<String> loaded, List<String> problems, List<String> warnings) {
        this(loaded, List.of(), problems, warnings);
    }

    /** @return whether every file loaded or was already loaded */
    public boolean ok() { return problems.isEmpty(); }

    /** @return whether the load changed nothing: every file was skipped as unchanged and none failed */
    public boolean noOp() { return loaded.isEmpty() && problems.isEmpty() && !skipped.isEmpty(); }

    /**
     * @return one line: counts of loaded, unchanged, failed and warned files, e.g.
     *         "loaded 3 reports, 2 unchanged (skipped), 1 failed, 2 warnings"; a re-run of the same batch adds
     *         "; nothing to do, the database already holds these reports"; a bulk load adds
     *         " (bulk load into an empty database)"
     */
    public String summary() {
        return "loaded " + loaded.size() + " report" + (loaded.size() == 1 ? "" : "s")
                + (skipped.isEmpty() ? "" : ", " + skipped.size() + " unchanged (skipped)")
                + (problems.isEmpty() ? "" : ", " + problems.size() + " failed")
                + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warning" + (warnings.size() == 1 ? "" : "s"))
                + (noOp() ? "; nothing to do, the database already holds these reports unchanged" : "")
                + (bulk ? " (bulk load into an empty database)" : "");
    }
}
