package org.practicegraph.store;

import java.util.List;

/**
 * What a load did.
 *
 * @param loaded   file names of the reports now in the store
 * @param problems one line per file that was not loaded: "FILE: problem"
 * @param warnings one line per file that loaded with a caveat: "FILE: warning"
 */
public record LoadResult(List<String> loaded, List<String> problems, List<String> warnings) {
    public LoadResult {
        loaded = List.copyOf(loaded);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** @return whether every file loaded */
    public boolean ok() { return problems.isEmpty(); }

    /** @return one line: counts of loaded, failed and warned files */
    public String summary() {
        return "loaded " + loaded.size() + " report" + (loaded.size() == 1 ? "" : "s")
                + (problems.isEmpty() ? "" : ", " + problems.size() + " failed")
                + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warning" + (warnings.size() == 1 ? "" : "s"));
    }
}
