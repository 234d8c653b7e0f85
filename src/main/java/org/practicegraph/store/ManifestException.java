package org.practicegraph.store;

import java.nio.file.Path;

/** A manifest that cannot be used; the message names the file, the line and the problem, on one line. */
public class ManifestException extends RuntimeException {
    /**
     * @param problem what is wrong; line breaks in it (a quoted CSV field can hold them, and the CSV
     *                library's messages quote fields) are shown as {@code \n}, so the message stays one line
     */
    public ManifestException(Path file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem.replace("\r", "\\r").replace("\n", "\\n"));
    }
}
