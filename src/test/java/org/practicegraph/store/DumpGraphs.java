package org.practicegraph.store;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.out.NodeFmtLib;
import org.practicegraph.extract.Extractor;
import org.practicegraph.extract.Fact;
import org.practicegraph.extract.InitiativeFact;
import org.practicegraph.report.Reports;

/**
 * Test-scope tool, an oracle for changes that must not change what is extracted (issue 8): for every
 * report file under the folders or files named, writes the extractor's facts in document order to
 * {@code OUT/facts.txt} and the validated graph of {@code Loader.toGraph} as sorted N-Quads (graph =
 * file name) to {@code OUT/quads.nq}; a file that fails gives one line with its error. Compare two runs
 * with {@code cmp}.
 * <pre>
 *   java -cp target/test-classes:target/classes:$(cat cp.txt) org.practicegraph.store.DumpGraphs OUT FILE|DIR…
 * </pre>
 */
public final class DumpGraphs {
    private DumpGraphs() {}

    /** A fact's text with its partner keys sorted: {@code Set.copyOf} iterates in a different order in every JVM. */
    private static String stable(Fact fact) {
        if (!(fact instanceof InitiativeFact i)) return fact.toString();
        return fact.toString().replace("partnerKeys=" + i.partnerKeys(), "partnerKeys=" + new TreeSet<>(i.partnerKeys()));
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path p = Path.of(args[i]);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    files.addAll(s.filter(Files::isRegularFile).filter(Reports::isReportFile)
                            .filter(f -> !f.getFileName().toString().toLowerCase().startsWith("readme")).sorted().toList());
                }
            } else files.add(p);
        }
        Extractor extractor = Extractor.fromClasspath();
        Loader loader = Loader.create().store(Store.inMemory()).build();
        List<String> quads = new ArrayList<>();
        int reports = 0;
        try (PrintWriter facts = new PrintWriter(Files.newBufferedWriter(out.resolve("facts.txt"), StandardCharsets.UTF_8))) {
            for (Path f : files) {
                String g = "<urn:x-file:" + f.toString().replace(" ", "%20").replace(">", "%3E") + ">";
                facts.println("== " + f);
                try {
                    extractor.extract(Reports.parse(f), fact -> facts.println("  " + stable(fact)));
                    Graph graph = loader.toGraph(f, new ArrayList<>());
                    graph.find().forEachRemaining(t -> quads.add(NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate())
                            + " " + NodeFmtLib.strNT(t.getObject()) + " " + g + " ."));
                    reports++;
                } catch (RuntimeException e) {
                    facts.println("  ! " + e);
                    quads.add("# " + g + " ! " + e);
                }
            }
        }
        quads.sort(null);
        Files.write(out.resolve("quads.nq"), quads, StandardCharsets.UTF_8);
        System.out.println(files.size() + " files, " + reports + " graphs, " + quads.size() + " quad lines -> " + out);
    }
}
