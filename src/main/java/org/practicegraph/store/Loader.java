package org.practicegraph.store;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.practicegraph.authority.Authority;
import org.practicegraph.authority.AuthorityRegister;
import org.practicegraph.extract.Extractor;
import org.practicegraph.rdf.GraphWriter;
import org.practicegraph.rdf.Iris;
import org.practicegraph.rdf.PG;
import org.practicegraph.rdf.ReportContext;
import org.practicegraph.rdf.Taxonomies;
import org.practicegraph.report.Report;
import org.practicegraph.report.ReportException;
import org.practicegraph.report.Reports;

/**
 * Loads report files into a {@link Store}: one named graph per report, each validated against the
 * SHACL shapes and committed in batches of reports, each batch one transaction. A file that fails leaves the store as it was and
 * never stops the batch; a file whose bytes and manifest row are what the store already holds is
 * skipped without being parsed, so re-running a batch is a no-op.
 * <pre>
 *   LoadResult r = Loader.create().store(store).onWarning(System.err::println).build()
 *                        .load(List.of(Path.of("corpus/sample")));
 * </pre>
 */
public final class Loader {
    private final Store store;
    private final Iris iris;
    private final Manifest manifest;
    private final Consumer<String> onWarning;
    private final Consumer<String> onLoaded;
    private final Progress progress;
    /** Reports committed per transaction unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 50;
    private static final org.apache.jena.graph.Node GENERATED_AT_TIME = NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime");
    private final boolean force;
    private final int batchSize;
    private final int threads;
    private final boolean bulkWhenEmpty;
    private final Components components;

    /** Follows a long load: told the number of files once, then each file as it is done. */
    public interface Progress {
        /** @param files how many report files the load will read */
        void start(int files);

        /** @param file a file just loaded or refused */
        void step(String file);

        /** Called once at the end. */
        default void finish() {}

        /** Reports nothing. */
        Progress NONE = new Progress() {
            @Override public void start(int files) {}
            @Override public void step(String file) {}
        };
    }

    /** What every load needs and is costly to build: build once, share between loads. */
    public record Components(Extractor extractor, Taxonomies taxonomies, AuthorityRegister register, Shapes shapes) {
        /** @return the components bundled with the application */
        public static Components bundled() {
            return new Components(Extractor.fromClasspath(), Taxonomies.load(), AuthorityRegister.load(), bundledShapes());
        }
    }

    private Loader(Builder b) {
        this.store = b.store;
        this.iris = b.iris;
        this.manifest = b.manifest;
        this.onWarning = b.onWarning;
        this.onLoaded = b.onLoaded;
        this.progress = b.progress;
        this.force = b.force;
        this.batchSize = b.batchSize;
        this.threads = b.threads;
        this.bulkWhenEmpty = b.bulkWhenEmpty;
        this.components = b.components != null ? b.components : Components.bundled();
    }

    /** @return a builder; {@code store} is required */
    public static Builder create() { return new Builder(); }

    /**
     * Loads report files, and the report files inside folders (recursively, symbolic links not
     * followed, sorted by path; {@code README} files skipped). A folder's {@code manifest.csv} is used when no manifest was given.
     * The ontology and taxonomies are (re)written first, in their own graphs.
     *
     * @param inputs files and folders
     * @return what was loaded and what failed
     */
    public LoadResult load(List<Path> inputs) {
        List<String> loaded = new ArrayList<>(), skipped = new ArrayList<>(), problems = new ArrayList<>(), warnings = new ArrayList<>();
        store.replaceGraphs(components.taxonomies().graphs());
        List<Input> files = expand(inputs, problems);
        progress.start(files.size());
        Batch batch = new Batch(bulkLoad(files));
        java.util.Map<String, String> firstWithHash = new java.util.HashMap<>();
        // Files are parsed, extracted and validated on the worker threads while this thread writes
        // the ones before them: results are taken back, and written, in file order, so the outcome
        // is the same as one at a time. At most two batches' worth are in flight, bounding memory.
        ExecutorService pool = threads > 1 && files.size() > 1 ? Executors.newFixedThreadPool(threads, Loader::worker) : null;
        java.util.ArrayDeque<Step> inFlight = new java.util.ArrayDeque<>();
        try {
            for (Input in : files) {
                String name = in.file().getFileName().toString();
                try {
                    byte[] bytes = Reports.read(in.file());
                    String sha256 = Reports.sha256(bytes);
                    String original = firstWithHash.putIfAbsent(sha256, name);
                    if (original != null)
                        throw new ReportException(name, "same bytes as " + original + " in this load: a duplicated report; not loaded twice");
                    if (!force && !batch.bulk() && unchanged(name, sha256, in.entry())) {
                        inFlight.add(Step.done(name, () -> skipped.add(name)));
                    } else {
                        Callable<Extracted> work = () -> {
                            List<String> w = new ArrayList<>();
                            return new Extracted(toGraph(in, Reports.parse(name, bytes), w), w);
                        };
                        inFlight.add(new Step(name, pool != null ? pool.submit(work) : completed(work), null));
                    }
                } catch (RuntimeException e) {
                    inFlight.add(Step.failed(name, e));
                }
                while (inFlight.size() > 2 * batchSize) take(inFlight.poll(), batch, loaded, problems, warnings);
            }
            while (!inFlight.isEmpty()) take(inFlight.poll(), batch, loaded, problems, warnings);
            batch.commit(loaded, warnings);
            batch.finish(loaded);
        } finally {
            if (pool != null) pool.shutdownNow();
            batch.close();
        }
        progress.finish();
        return new LoadResult(loaded, skipped, problems, warnings, batch.bulk());
    }

    /**
     * @return a bulk load when this load may fill the store through TDB2's bulk loader: asked for,
     *         a database on disk holding no reports yet, and no two files meaning the same graph
     *         (where the later one would replace the earlier); otherwise null
     */
    private Store.BulkLoad bulkLoad(List<Input> files) {
        if (!bulkWhenEmpty || store.directory() == null) return null;
        if (store.anyGraphStartsWith(iris.reportGraphPrefix())) return null;
        Set<String> graphs = new java.util.HashSet<>();
        for (Input in : files) if (!graphs.add(iris.reportGraph(in.file().getFileName().toString()))) return null;
        return store.bulkLoad();
    }

    /** One file's way through a load: its extraction (running or done), or what to do instead. */
    private record Step(String name, Future<Extracted> extraction, Runnable instead) {
        static Step done(String name, Runnable instead) { return new Step(name, null, instead); }
        static Step failed(String name, RuntimeException e) {
            java.util.concurrent.CompletableFuture<Extracted> f = new java.util.concurrent.CompletableFuture<>();
            f.completeExceptionally(e);
            return new Step(name, f, null);
        }
    }

    /** A report's validated graph and the caveats found on the way. */
    private record Extracted(Graph graph, List<String> warnings) {}

    /** Takes one file's result into the batch (files are taken in file order), committing the batch whenever it is full. */
    private void take(Step step, Batch batch, List<String> loaded, List<String> problems, List<String> warnings) {
        if (step.instead() != null) {
            step.instead().run();
        } else {
            try {
                Extracted x = result(step.extraction());
                batch.add(step.name(), iris.reportGraph(step.name()), x.graph(), x.warnings());
                if (batch.size() >= batchSize) batch.commit(loaded, warnings);
            } catch (ReportException | InvalidGraphException e) {
                problems.add(e.getMessage());
            } catch (RuntimeException e) {
                // a bug or a library failure on one odd file must not stop the batch
                problems.add(step.name() + ": could not be loaded (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
        }
        progress.step(step.name());
    }

    /** @return the extraction's result, its own exception rethrown as it was */
    private static Extracted result(Future<Extracted> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("load interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Runs the work now, on this thread (a load with one thread). */
    private static Future<Extracted> completed(Callable<Extracted> work) {
        java.util.concurrent.CompletableFuture<Extracted> f = new java.util.concurrent.CompletableFuture<>();
        try {
            f.complete(work.call());
        } catch (Exception e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    private static Thread worker(Runnable r) {
        Thread t = new Thread(r, "loader-extraction");
        t.setDaemon(true);
        return t;
    }

    /**
     * Validated report graphs waiting to be written together. One transaction per report would
     * be simplest, but TDB2 writes fresh index blocks at every commit: committing reports in
     * batches keeps the database several times smaller and the load faster, and a crash still
     * loses only whole, uncommitted batches. In a bulk load the batches go to TDB2's bulk loader
     * instead, and are all committed at {@link #finish}.
     */
    private final class Batch implements AutoCloseable {
        private final java.util.LinkedHashMap<String, Graph> graphs = new java.util.LinkedHashMap<>();
        private final java.util.LinkedHashMap<String, List<String>> warningsByFile = new java.util.LinkedHashMap<>();
        private final Store.BulkLoad bulk;
        /** files written to the bulk load, to be reported as loaded once it is finished */
        private final List<String> pending = new ArrayList<>();

        Batch(Store.BulkLoad bulk) { this.bulk = bulk; }

        boolean bulk() { return bulk != null; }

        void add(String file, String graphName, Graph graph, List<String> fileWarnings) {
            graphs.put(graphName, graph);
            warningsByFile.put(file, fileWarnings);
        }

        int size() { return graphs.size(); }

        /** Writes the batch in one transaction (or into the bulk load), then reports each file. */
        void commit(List<String> loaded, List<String> warnings) {
            if (graphs.isEmpty()) return;
            // when each report graph was written (PROV); the explorer's "recent loads" reads it
            org.apache.jena.graph.Node now = NodeFactory.createLiteralDT(
                    java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), XSDDatatype.XSDdateTime);
            warningsByFile.keySet().forEach(file -> graphs.get(iris.reportGraph(file)).add(
                    NodeFactory.createURI(iris.report(file)), GENERATED_AT_TIME, now));
            if (bulk != null) graphs.forEach(bulk::add);
            else store.replaceGraphsAtomically(graphs);
            warningsByFile.forEach((file, fileWarnings) -> {
                for (String w : fileWarnings) {
                    warnings.add(file + ": " + w);
                    onWarning.accept("warning: " + file + ": " + w);
                }
                if (bulk != null) pending.add(file);
                else loaded(file, loaded);
            });
            graphs.clear();
            warningsByFile.clear();
        }

        /** Finishes a bulk load: its files are loaded only now. */
        void finish(List<String> loaded) {
            if (bulk == null) return;
            bulk.finish();
            pending.forEach(file -> loaded(file, loaded));
            pending.clear();
        }

        private void loaded(String file, List<String> loaded) {
            loaded.add(file);
            onLoaded.accept(file);
        }

        /** Abandons a bulk load that did not finish (its database then refuses to open: see {@link Store#bulkLoad}). */
        @Override public void close() {
            if (bulk != null) bulk.close();
        }
    }

    /**
     * Whether the store already holds this file as it is now: same bytes (SHA-256) and the same
     * manifest facts (publication date, URL, council, report group). Checked before parsing, so an
     * unchanged batch costs one hash per file.
     */
    private boolean unchanged(String name, String sha256, Manifest.Entry entry) {
        Graph g = store.graph(iris.reportGraph(name));
        Node report = NodeFactory.createURI(iris.report(name));
        if (!g.contains(report, PG.sha256.asNode(), NodeFactory.createLiteralString(sha256))) return false;
        if (entry == null) return true;
        if (entry.published() != null && !g.contains(report, DCTerms.issued.asNode(), NodeFactory.createLiteralDT(entry.published().toString(), XSDDatatype.XSDdate))) return false;
        if (entry.url() != null && !g.contains(report, DCTerms.source.asNode(), NodeFactory.createURI(entry.url()))) return false;
        if (entry.authority() != null) {
            String known = components.register().byName(entry.authority()).map(Authority::name).orElse(entry.authority());
            if (!g.contains(null, RDFS.label.asNode(), NodeFactory.createLiteralString(known))) return false;
        }
        if (entry.group() != null && !g.contains(NodeFactory.createURI(iris.reportGroup(entry.group())), DCTerms.hasPart.asNode(), report)) return false;
        return true;
    }

    /**
     * Reads one report into its graph, validated, without touching the store.
     *
     * @param file     the report file
     * @param warnings receives caveats (unidentified council, unknown concept)
     * @return the report's graph
     * @throws ReportException when the file is not a report
     * @throws InvalidGraphException when the graph does not conform to the shapes
     */
    public Graph toGraph(Path file, List<String> warnings) {
        return toGraph(new Input(file, manifest == null ? null : manifest.entry(file).orElse(null)), warnings);
    }

    private Graph toGraph(Input in, List<String> warnings) {
        return toGraph(in, Reports.parse(in.file()), warnings);
    }

    private Graph toGraph(Input in, Report report, List<String> warnings) {
        GraphWriter writer = new GraphWriter(iris, components.taxonomies(), context(in.entry(), report));
        components.extractor().extract(report, writer);
        warnings.addAll(writer.warnings());
        Graph g = writer.model().getGraph();
        ValidationReport v = ShaclValidator.get().validate(components.shapes(), g);
        if (!v.conforms()) {
            var first = v.getEntries().iterator().next();
            throw new InvalidGraphException(report.fileName() + ": extracted graph does not conform to ontology/shapes.ttl ("
                    + v.getEntries().size() + " violations; first: " + first.message() + " at " + first.focusNode() + ")");
        }
        return g;
    }

    private ReportContext context(Manifest.Entry entry, Report report) {
        AuthorityRegister register = components.register();
        if (entry != null && entry.authority() != null) {
            Authority known = register.byName(entry.authority()).orElse(null);
            String name = known != null ? known.name() : entry.authority();
            String gss = entry.gss() != null ? entry.gss() : known != null ? known.gss() : null;
            return new ReportContext(name, gss, entry.published(), entry.url(), entry.group());
        }
        Authority found = register.findInText(report.text()).orElse(null);
        return new ReportContext(found == null ? null : found.name(), found == null ? null : found.gss(),
                entry == null ? null : entry.published(), entry == null ? null : entry.url(), entry == null ? null : entry.group());
    }

    private record Input(Path file, Manifest.Entry entry) {}

    private List<Input> expand(List<Path> inputs, List<String> problems) {
        Set<Path> seen = new LinkedHashSet<>();
        List<Input> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                Manifest m = manifest;
                Path local = p.resolve(Manifest.DEFAULT_NAME);
                if (m == null && Files.isRegularFile(local)) {
                    try { m = Manifest.read(local); }
                    catch (ManifestException e) { problems.add(e.getMessage()); continue; }
                }
                try (Stream<Path> files = Files.walk(p)) {
                    for (Path f : files.filter(Files::isRegularFile).filter(Reports::isReportFile).filter(f -> !isReadme(f)).sorted().toList())
                        if (seen.add(f.toAbsolutePath().normalize())) out.add(new Input(f, m == null ? null : m.entry(f).orElse(null)));
                } catch (IOException | java.io.UncheckedIOException e) {
                    problems.add(p + ": cannot list folder (" + e.getMessage() + ")");
                }
            } else if (Files.isRegularFile(p)) {
                if (seen.add(p.toAbsolutePath().normalize())) out.add(new Input(p, manifest == null ? null : manifest.entry(p).orElse(null)));
            } else {
                problems.add(p + ": no such file or folder");
            }
        }
        return out;
    }

    /** A folder's README describes the reports; it is not one (named explicitly, it is read like any file). */
    private static boolean isReadme(Path f) {
        return f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches("readme(\\.[a-z]+)?");
    }

    /** @return the shapes every report graph must conform to ({@code /ontology/shapes.ttl}) */
    public static Shapes bundledShapes() {
        Graph g = GraphFactory.createDefaultGraph();
        try (InputStream in = Loader.class.getResourceAsStream("/ontology/shapes.ttl")) {
            if (in == null) throw new IllegalStateException("missing resource /ontology/shapes.ttl");
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Shapes.parse(g);
    }

    /** Configures a {@link Loader}. */
    public static final class Builder {
        private Store store;
        private Iris iris = Iris.DEFAULT;
        private Manifest manifest;
        private Consumer<String> onWarning = w -> {};
        private Consumer<String> onLoaded = f -> {};
        private Components components;
        private Progress progress = Progress.NONE;
        private boolean force;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean bulkWhenEmpty;

        private Builder() {}

        /** @return this builder, for chaining */
        public Builder store(Store store) { this.store = requireNonNull(store, "store"); return this; }
        /** @return this builder, for chaining */
        public Builder iris(Iris iris) { this.iris = requireNonNull(iris, "iris"); return this; }
        /** @param manifest report metadata, or null for none. @return this builder, for chaining */
        public Builder manifest(Manifest manifest) { this.manifest = manifest; return this; }
        /** @param onWarning receives one line per warning. @return this builder, for chaining */
        public Builder onWarning(Consumer<String> onWarning) { this.onWarning = requireNonNull(onWarning, "onWarning"); return this; }
        /** @param onLoaded receives each file name once its graph is committed. @return this builder, for chaining */
        public Builder onLoaded(Consumer<String> onLoaded) { this.onLoaded = requireNonNull(onLoaded, "onLoaded"); return this; }
        /** @param progress follows the load file by file. @return this builder, for chaining */
        public Builder progress(Progress progress) { this.progress = requireNonNull(progress, "progress"); return this; }
        /**
         * @param force reload every file, even one the store holds unchanged (after an upgrade changed extraction)
         * @return this builder, for chaining
         */
        public Builder force(boolean force) { this.force = force; return this; }

        /**
         * @param batchSize how many reports to commit in one transaction (1: each report alone)
         * @return this builder, for chaining
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
            this.batchSize = batchSize;
            return this;
        }
        /**
         * @param threads how many files to parse, extract and validate at once (default: one per
         *                processor); writing stays on the calling thread, in file order
         * @return this builder, for chaining
         */
        public Builder threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            this.threads = threads;
            return this;
        }
        /**
         * @param bulkWhenEmpty fill a database on disk that holds no reports yet through TDB2's bulk
         *        loader ({@link Store#bulkLoad}): several times cheaper, but the database is the
         *        load's alone until it ends, and a load that does not finish leaves a database that
         *        must be deleted. Off by default; {@code practice-graph load} turns it on.
         * @return this builder, for chaining
         */
        public Builder bulkWhenEmpty(boolean bulkWhenEmpty) { this.bulkWhenEmpty = bulkWhenEmpty; return this; }
        /** @param components shared extractor, taxonomies, register and shapes. @return this builder, for chaining */
        public Builder components(Components components) { this.components = requireNonNull(components, "components"); return this; }

        /** @return the loader @throws IllegalStateException when no store was given */
        public Loader build() {
            if (store == null) throw new IllegalStateException("a Loader needs a store");
            return new Loader(this);
        }
    }
}
