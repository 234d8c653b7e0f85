package org.practicegraph.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.practicegraph.publish.DatasetDescription;
import org.practicegraph.publish.PracticeStatistics;
import org.practicegraph.publish.ScoreCube;
import org.practicegraph.rdf.Iris;
import org.practicegraph.server.PracticeServer;
import org.practicegraph.similar.SimilarInitiatives;
import org.practicegraph.store.LoadResult;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/**
 * The bundled sample reports as a ready-made database, so that {@code serve} without {@code --db}
 * starts in seconds instead of parsing, extracting and validating them (and computing their derived
 * graphs) at every start.
 *
 * <p>The build makes it ({@link #main}, in {@code prepare-package}): it loads the samples into a
 * scratch TDB2 database exactly as {@code serve} would, writes the derived graphs, and stores the
 * database's files under {@value #ROOT} with a {@value #MANIFEST_NAME} listing what it was made
 * from: the SHA-256 of every file of the compiled classes and resources (the code, the rules, the
 * ontology, the samples themselves) and of every dependency's {@code pom.properties} (its version).
 *
 * <p>{@code serve} uses it ({@link #unpackIfCurrent}) only when running from a jar and only when
 * every one of those files is still as listed; anything changed, missing or unreadable and the
 * samples are extracted into memory as before. A current copy is unpacked into a fresh temporary
 * directory (trailing zeros of TDB2's pre-allocated files are left out of the jar and restored as
 * file length) and deleted when the server stops, so the samples, like an in-memory store, last as
 * long as the process.
 */
final class SampleDatabase {
    /** Where the database lives among the classes and resources, {@value}. */
    static final String ROOT = "corpus/sample-db/";
    static final String MANIFEST_NAME = "MANIFEST";
    private static final String FORMAT = "practice-graph sample database 1";
    private static final String TEMP_PREFIX = "practice-graph-samples-";
    /** Unpacked copies left by a process that died are removed once they are this old and their process is gone. */
    private static final Duration STALE = Duration.ofHours(1);

    private SampleDatabase() {}

    /**
     * Makes the sample database. Run by the build with the runtime classpath.
     *
     * @param args the compiled classes directory ({@code target/classes}); the database is written under its {@value #ROOT}
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: SampleDatabase CLASSES_DIR");
        Path classes = Path.of(args[0]);
        build(classes, classes.resolve(ROOT), dependencyVersions(System.getProperty("java.class.path")));
        System.out.println("sample database written to " + classes.resolve(ROOT));
    }

    /**
     * @param classes      the compiled classes and resources, the samples among them ({@code corpus/sample/})
     * @param out          where to write the database and its manifest (replaced)
     * @param dependencies resource name → content of each dependency's {@code pom.properties} to record
     */
    static void build(Path classes, Path out, TreeMap<String, byte[]> dependencies) throws IOException {
        TreeMap<String, String> inputs = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(f).toString().replace('\\', '/');
                if (!name.startsWith(ROOT)) inputs.put(name, sha256(Files.readAllBytes(f)));
            }
        }
        dependencies.forEach((name, bytes) -> inputs.put(name, sha256(bytes)));

        Path scratch = Files.createTempDirectory("practice-graph-sample-build-");
        try {
            Path db = scratch.resolve("db");
            try (Store store = Store.open(db)) {
                fill(store, classes.resolve("corpus/sample"));
            }
            deleteTree(out);
            Path files = out.resolve("db");
            Files.createDirectories(files);
            List<String> lines = new ArrayList<>();
            lines.add("# " + FORMAT + ": the bundled samples, loaded. Used only while every input below is unchanged (see SampleDatabase).");
            inputs.forEach((name, hash) -> lines.add("input " + hash + " " + name));
            try (Stream<Path> s = Files.walk(db)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    String name = db.relativize(f).toString().replace('\\', '/');
                    // locks belong to the process that holds them, not to the database
                    if (name.equals("tdb.lock") || name.endsWith("/tdb.lock") || name.endsWith("write.lock")) continue;
                    byte[] bytes = Files.readAllBytes(f);
                    int used = bytes.length;
                    while (used > 0 && bytes[used - 1] == 0) used--;
                    Path copy = files.resolve(name);
                    Files.createDirectories(copy.getParent());
                    try (OutputStream o = Files.newOutputStream(copy)) { o.write(bytes, 0, used); }
                    lines.add("file " + bytes.length + " " + name);
                }
            }
            Files.write(out.resolve(MANIFEST_NAME), lines, StandardCharsets.UTF_8);
        } finally {
            deleteTree(scratch);
        }
    }

    /** Loads the samples and writes the derived graphs, as {@code serve} on its default port would on its first start. */
    private static void fill(Store store, Path samples) {
        Iris iris = Iris.DEFAULT;
        LoadResult r = Loader.create().store(store).iris(iris).build().load(List.of(samples));
        if (!r.problems().isEmpty()) throw new IllegalStateException("the sample reports did not load: " + r.problems());
        PracticeStatistics.of(iris).refreshIfChanged(store);
        ScoreCube.of(iris).refreshIfChanged(store);
        DatasetDescription.create().iris(iris).publicUrl("http://localhost:" + PracticeServer.DEFAULT_PORT)
                .sparqlPath(PracticeServer.DATASET + "/sparql").build().refreshIfChanged(store);
        try {
            SimilarInitiatives.create().iris(iris).build().refresh(store);
        } catch (RuntimeException e) {
            // the server computes them after it starts instead, as it does when they are missing
            System.err.println("warning: similar initiatives not prebuilt: " + e.getMessage());
        }
    }

    /**
     * @param classpath a class path ({@code java.class.path})
     * @return resource name → content of every {@code META-INF/maven/.../pom.properties} in its jars
     */
    static TreeMap<String, byte[]> dependencyVersions(String classpath) throws IOException {
        TreeMap<String, byte[]> found = new TreeMap<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (!entry.endsWith(".jar") || !Files.isRegularFile(Path.of(entry))) continue;
            try (JarFile jar = new JarFile(entry)) {
                for (var e : java.util.Collections.list(jar.entries())) {
                    if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")) {
                        try (InputStream in = jar.getInputStream(e)) { found.put(e.getName(), in.readAllBytes()); }
                    }
                }
            }
        }
        return found;
    }

    /**
     * @return a fresh directory holding the sample database, when this process runs from a jar that
     *         carries one made from exactly the classes, resources and dependencies it runs with
     */
    static Optional<Path> unpackIfCurrent() {
        var source = SampleDatabase.class.getProtectionDomain().getCodeSource();
        // From classes directories (tests, an IDE) the dependencies are not known to be those the
        // database was made with: extract instead.
        if (source == null || !source.getLocation().getPath().endsWith(".jar")) return Optional.empty();
        return unpack(name -> SampleDatabase.class.getResourceAsStream("/" + name), Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @param open   resource name (relative, as in the manifest) → its content, or null when missing
     * @param parent where to make the directory
     * @return the directory holding the database, or empty when there is none or it is not current
     */
    static Optional<Path> unpack(Function<String, InputStream> open, Path parent) {
        List<String[]> files = new ArrayList<>();
        try (InputStream m = open.apply(ROOT + MANIFEST_NAME)) {
            if (m == null) return Optional.empty();
            BufferedReader r = new BufferedReader(new InputStreamReader(m, StandardCharsets.UTF_8));
            String first = r.readLine();
            if (first == null || !first.startsWith("# " + FORMAT + ":")) return Optional.empty();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(" ", 3);
                if (f.length != 3) return Optional.empty();
                if (f[0].equals("input")) {
                    if (!f[1].equals(hashOf(open, f[2]))) return Optional.empty();
                } else if (f[0].equals("file")) {
                    files.add(f);
                } else {
                    return Optional.empty();
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // unreadable: extract instead
        }
        removeStaleCopies(parent);
        Path dir = null;
        try {
            dir = Files.createTempDirectory(parent, TEMP_PREFIX);
            for (String[] f : files) {
                Path target = dir.resolve(f[2]).normalize();
                if (!target.startsWith(dir)) throw new IOException("bad entry " + f[2]);
                Files.createDirectories(target.getParent());
                try (InputStream in = open.apply(ROOT + "db/" + f[2])) {
                    if (in == null) throw new IOException("missing " + f[2]);
                    Files.copy(in, target);
                }
                // the zeros TDB2 pre-allocates were left out of the jar: restore the length, sparsely
                try (RandomAccessFile raf = new RandomAccessFile(target.toFile(), "rw")) { raf.setLength(Long.parseLong(f[1])); }
            }
            return Optional.of(dir);
        } catch (IOException | RuntimeException e) {
            if (dir != null) delete(dir);
            return Optional.empty();
        }
    }

    /** @return the SHA-256 of a resource, or null when it is missing */
    private static String hashOf(Function<String, InputStream> open, String name) throws IOException {
        try (InputStream in = open.apply(name)) {
            return in == null ? null : sha256(in.readAllBytes());
        }
    }

    /** Deletes an unpacked copy, quietly: a temporary directory left behind is not worth failing for. */
    static void delete(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException | UncheckedIOException e) {
            // left for the next start's clean-up of stale copies
        }
    }

    /** Removes copies left by processes that died without deleting theirs (TDB2's lock names the process). */
    private static void removeStaleCopies(Path parent) {
        try (Stream<Path> s = Files.list(parent)) {
            Instant cutoff = Instant.now().minus(STALE);
            for (Path d : s.filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX) && Files.isDirectory(p)).toList()) {
                if (Files.getLastModifiedTime(d).toInstant().isAfter(cutoff) || ownerAlive(d)) continue;
                delete(d);
            }
        } catch (IOException | RuntimeException e) {
            // best effort
        }
    }

    private static boolean ownerAlive(Path dir) {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve("tdb.lock")).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
