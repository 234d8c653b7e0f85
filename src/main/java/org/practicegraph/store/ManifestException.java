package org.practicegraph.store;

import java.nio.file.Path;

/** A manifest that cannot be used; the message names the file, the line and the problem. */
public class ManifestException extends RuntimeException {
    public ManifestException(Path file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
