package org.practicegraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.practicegraph.extract.Extractor;
import org.practicegraph.extract.Fact;
import org.practicegraph.extract.FactHandler;
import org.practicegraph.report.Report;
import org.practicegraph.report.Reports;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/**
 * Extraction throughput, one operation = one report: {@code parse} (text → sentences),
 * {@code extract} (parse + facts), {@code toGraph} (parse + facts + RDF + SHACL validation, what the
 * loader does before it writes). Reports/s is the score; MB/s = score × {@link #MEAN_BYTES} (printed
 * at set-up). Run with {@code -t 1} and {@code -t 2} for one thread and all cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ExtractionBenchmark {
    /** Printed at set-up so the MB/s figure can be derived from the score. */
    static final String MEAN_BYTES = "mean report bytes";

    /** How many distinct synthetic reports to cycle through. */
    @Param("200") public int reports;
    /** Sample reports and council register the synthetic ones are built from. */
    @Param("corpus/sample") public String samples;
    @Param("src/main/resources/authority/authorities.csv") public String authorities;

    private final List<byte[]> texts = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private Path dir;
    private Extractor extractor;
    private Loader loader;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        CorpusGenerator gen = CorpusGenerator.of(Path.of(samples), Path.of(authorities));
        dir = Files.createTempDirectory("pg-bench-extract");
        gen.write(dir, reports, 7);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("synthetic-")).sorted(Comparator.naturalOrder()).toList()) {
                files.add(p);
                texts.add(Files.readAllBytes(p));
            }
        }
        extractor = Extractor.fromClasspath();
        loader = Loader.create().store(Store.inMemory()).build();
        long total = texts.stream().mapToLong(b -> b.length).sum();
        System.out.printf("%n%s: %d%n", MEAN_BYTES, total / texts.size());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private int pick() { return Math.floorMod(next.getAndIncrement(), texts.size()); }

    @Benchmark
    public Report parse() {
        int i = pick();
        return Reports.parse(files.get(i).getFileName().toString(), texts.get(i));
    }

    @Benchmark
    public void extract(Blackhole bh) {
        int i = pick();
        Report r = Reports.parse(files.get(i).getFileName().toString(), texts.get(i));
        extractor.extract(r, new FactHandler() {
            @Override public void handle(Fact fact) { bh.consume(fact); }
        });
    }

    @Benchmark
    public Graph toGraph() {
        return loader.toGraph(files.get(pick()), new ArrayList<>());
    }

}
