package org.practicegraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.practicegraph.rdf.Iris;
import org.practicegraph.report.Reports;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Manifest;
import org.practicegraph.store.Store;

/**
 * The loading design proposed in docs/benchmarks.md, built from the main code's public API only, to
 * measure it next to {@code practice-graph load}: each report is still parsed, extracted and
 * SHACL-validated on its own ({@link Loader#toGraph}), on {@code --threads} threads, but
 * {@code --batch} reports are written per TDB2 write transaction instead of one.
 * <pre>
 *   BatchLoad --db DIR --batch 200 --threads 2 CORPUS_DIR
 * </pre>
 */
public final class BatchLoad {
    private BatchLoad() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> a = Args.parse(java.util.Arrays.copyOf(args, args.length - 1));
        Path corpus = Path.of(args[args.length - 1]);
        int batch = Integer.parseInt(a.getOrDefault("batch", "200"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "2"));
        long t0 = System.nanoTime();
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(Reports::isReportFile).sorted().toList();
        }
        Path mf = corpus.resolve(Manifest.DEFAULT_NAME);
        Manifest manifest = Files.exists(mf) ? Manifest.read(mf) : null;
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        try (Store store = Store.open(Path.of(a.get("db")))) {
            Loader.Components components = Loader.Components.bundled();
            Loader loader = Loader.create().store(store).manifest(manifest).components(components).build();
            store.replaceGraphs(components.taxonomies().graphs());
            DatasetGraph dsg = store.dataset();
            int failed = 0;
            for (int from = 0; from < files.size(); from += batch) {
                List<Path> chunk = files.subList(from, Math.min(files.size(), from + batch));
                List<Graph> graphs = pool.submit(() -> chunk.parallelStream().map(f -> {
                    try { return loader.toGraph(f, new ArrayList<>()); }
                    catch (RuntimeException e) { System.err.println("error: " + e.getMessage()); return null; }
                }).toList()).join();
                Txn.executeWrite(dsg, () -> {
                    for (int i = 0; i < chunk.size(); i++) {
                        Graph g = graphs.get(i);
                        if (g == null) continue;
                        Node name = NodeFactory.createURI(Iris.DEFAULT.reportGraph(chunk.get(i).getFileName().toString()));
                        dsg.removeGraph(name);
                        g.find().forEachRemaining(t -> dsg.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
                    }
                });
                failed += (int) graphs.stream().filter(g -> g == null).count();
            }
            System.out.printf(Locale.ROOT, "loaded %d reports (%d failed) in %.1f s, %d per transaction, %d threads%n",
                    files.size() - failed, failed, (System.nanoTime() - t0) / 1e9, batch, threads);
        } finally {
            pool.shutdown();
        }
    }
}
