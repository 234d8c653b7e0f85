package org.practicegraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.system.Txn;
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
import org.practicegraph.store.Store;

/**
 * In-process latency of one canned query over a TDB2 database (built beforehand with
 * {@code practice-graph load}), read in a read transaction to the last row. SampleTime mode gives
 * p50/p99. Pass {@code -p db=DIR -p query=a.rq,b.rq}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class QueryBenchmark {
    @Param("bench/work/db-1000") public String db;
    @Param("queries") public String queries;
    @Param({"authorities-by-score.rq", "authorities-sharing-practice-type.rq", "co-production-initiatives.rq",
            "digital-and-ai-initiatives.rq", "evidence-for-initiative.rq", "initiative-types-by-score.rq",
            "initiatives-in-score-4-authorities.rq", "initiatives-with-outcomes.rq", "metrics-by-authority.rq",
            "ombudsman-uphold-rates.rq", "partners-shared-by-authorities.rq", "planned-and-pilot-initiatives.rq"})
    public String query;

    private Store store;
    private Query q;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        if (!Files.isDirectory(Path.of(db))) throw new IllegalStateException(db + ": no database; run bench/run.sh first");
        store = Store.open(Path.of(db));
        q = QueryFactory.create(Files.readString(Path.of(queries, query)));
    }

    @TearDown(Level.Trial)
    public void tearDown() { store.close(); }

    /** @return the number of rows (or triples) */
    @Benchmark
    public long run() {
        return Txn.calculateRead(store.dataset(), () -> Queries.count(store.dataset(), q));
    }
}
