package org.practicegraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.practicegraph.publish.PracticeStatistics;
import org.practicegraph.rdf.Iris;
import org.practicegraph.store.LoadResult;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Manifest;
import org.practicegraph.store.Store;

import picocli.CommandLine.Option;

/** Where a command's data comes from: a database, report files, or else the bundled sample reports. */
final class DataOptions {
    @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database directory (created when missing). Without it, an in-memory store.")
    Path db;

    @Option(names = "--data", paramLabel = "DIR|FILE", split = ",", arity = "1..*",
            description = "Report files or folders to load first (a folder's manifest.csv is used). Default: the bundled sample reports, when the store is empty.")
    List<Path> data;

    @Option(names = "--manifest", paramLabel = "CSV", description = "Manifest (file,authority,gss,published,url) for the reports.")
    Path manifest;

    @Option(names = "--base", paramLabel = "IRI", defaultValue = Iris.DEFAULT_BASE,
            description = "Base of the data IRIs minted when loading (and resolved under /id/ when serving). Default: ${DEFAULT-VALUE}.")
    String base;

    /** @return the data IRI scheme the options ask for @throws BadInputException when --base is not an http(s) IRI */
    Iris iris() { return iris(base); }

    /** @return the data IRI scheme for a --base value @throws BadInputException when it is not an http(s) IRI with a path */
    static Iris iris(String base) {
        if (!base.matches("https?://[^\\s/?#]+/[^\\s?]*")) throw new BadInputException("--base must be an http(s) IRI with a path, e.g. "
                + Iris.DEFAULT_BASE + " or http://localhost:3030/id/ (got '" + base + "')");
        return new Iris(base);
    }

    /** The unpacked sample database {@link #openForServing} opened, deleted by {@link #cleanUp}; else null. */
    private Path unpackedSamples;

    /**
     * Like {@link #open}, for serving: when the bundled samples are asked for (no {@code --db},
     * {@code --data} or {@code --manifest}, the default {@code --base}), they come ready-made from
     * the {@link SampleDatabase} when it is current, instead of being extracted at every start.
     *
     * @return the store; call {@link #cleanUp} after closing it
     */
    Store openForServing(PrintWriter err) {
        if (db == null && data == null && manifest == null && base.equals(Iris.DEFAULT_BASE)) {
            Optional<Path> unpacked = SampleDatabase.unpackIfCurrent();
            if (unpacked.isPresent()) {
                try {
                    Store store = Store.open(unpacked.get());
                    unpackedSamples = unpacked.get();
                    err.println("bundled sample reports: loaded by the build (its sample database matches this jar)");
                    err.flush();
                    return store;
                } catch (RuntimeException e) {
                    SampleDatabase.delete(unpacked.get());
                    err.println("warning: the bundled sample database could not be opened (" + e.getMessage() + "); extracting the samples instead");
                }
            }
        }
        return open(err);
    }

    /** Deletes the sample database {@link #openForServing} unpacked, if any; call after closing the store. */
    void cleanUp() {
        if (unpackedSamples != null) SampleDatabase.delete(unpackedSamples);
    }

    /** @return the store, loaded as the options ask; problems go to {@code err} */
    Store open(PrintWriter err) {
        Store store = db != null ? Store.open(db) : Store.inMemory();
        try {
            Manifest m = manifest != null ? Manifest.read(manifest) : null;
            List<Path> inputs = data != null ? data
                    : m != null ? m.entries().stream().map(Manifest.Entry::file).toList()
                    : store.anyGraphStartsWith(iris().reportGraphPrefix()) ? List.of()
                    : List.of(sampleCorpus());
            if (!inputs.isEmpty()) {
                LoadResult r = Loader.create().store(store).iris(iris()).manifest(m).onWarning(err::println).progress(ProgressBarProgress.forConsole()).build().load(inputs);
                r.problems().forEach(p -> err.println("error: " + p));
                err.println(r.summary());
                err.flush();
            }
            // the aggregate canned queries read the precomputed statistics: keep them in step with the reports
            PracticeStatistics stats = PracticeStatistics.of(iris());
            if (!inputs.isEmpty() || stats.missing(store)) stats.refreshIfChanged(store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /** @return the sample reports bundled in the jar (or in target/classes when run from the build) */
    static Path sampleCorpus() {
        var url = DataOptions.class.getResource("/corpus/sample/manifest.csv");
        if (url == null) throw new IllegalStateException("the bundled sample corpus is missing from the classpath");
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException ignored) {
                    // opened by an earlier call
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the bundled sample corpus: " + e.getMessage(), e);
        }
    }
}
