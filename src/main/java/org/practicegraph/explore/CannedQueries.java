package org.practicegraph.explore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The canned questions of {@code queries/} (shipped in the jar under {@code /queries/}), for the
 * workbench's example list: name, the question (the file's first comment line) and the text.
 */
public final class CannedQueries {
    private CannedQueries() {}

    /** One canned query: {@code name} is the file name without {@code .rq}. */
    public record Canned(String name, String question, String text) {}

    /** @return every {@code .rq} file under {@code /queries/} on the classpath, sub-folders included, by name */
    public static List<Canned> all() {
        URI root;
        try {
            var url = CannedQueries.class.getResource("/queries/");
            if (url == null) return List.of();
            root = url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (root.getScheme().equals("jar")) {
            try (FileSystem fs = FileSystems.newFileSystem(root, Map.of())) {
                return list(fs.provider().getPath(root));
            } catch (FileSystemAlreadyExistsException e) {
                return list(FileSystems.getFileSystem(root).provider().getPath(root));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return list(Path.of(root));
    }

    private static List<Canned> list(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Canned> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                String name = dir.relativize(f).toString().replace('\\', '/').replaceFirst("\\.rq$", "");
                out.add(new Canned(name, question(text), text));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the opening comment (up to its first sentence end or blank comment line), without {@code #} */
    static String question(String text) {
        StringBuilder q = new StringBuilder();
        for (String line : text.lines().toList()) {
            if (!line.startsWith("#")) break;
            String part = line.substring(1).strip();
            if (part.isEmpty()) break;
            q.append(q.isEmpty() ? "" : " ").append(part);
            if (part.endsWith("?") || part.endsWith(".")) break;
        }
        return q.toString();
    }
}
