package org.practicegraph.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the bundled files under {@code src/main/resources/publish/}. */
final class Resources {
    private Resources() {}

    /** @return the resource's bytes as a stream @throws IllegalStateException when it is missing */
    static InputStream stream(String path) {
        InputStream in = Resources.class.getResourceAsStream(path);
        if (in == null) throw new IllegalStateException("missing resource " + path);
        return in;
    }

    /** @return the resource as UTF-8 text */
    static String text(String path) {
        try (InputStream in = stream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }
}
