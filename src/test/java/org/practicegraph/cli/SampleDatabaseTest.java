package org.practicegraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicegraph.publish.PracticeStatistics;
import org.practicegraph.rdf.Iris;
import org.practicegraph.rdf.PG;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/** The prebuilt sample database: what it holds, and that it is used only while everything it was made from is unchanged. */
class SampleDatabaseTest {
    static final String DEPENDENCY = "META-INF/maven/org.example/lib/pom.properties";
    static final String REPORT = "corpus/sample/002_69a4ab76882569fd.txt";
    static final String CODE = "org/practicegraph/extract/Extractor.class";

    @TempDir static Path dir;
    static Path built;

    @BeforeAll
    static void build() throws IOException {
        built = dir.resolve("sample-db");
        TreeMap<String, byte[]> dependencies = new TreeMap<>();
        dependencies.put(DEPENDENCY, "version=1\n".getBytes(StandardCharsets.UTF_8));
        // target/classes: the compiled classes and resources these tests run with
        SampleDatabase.build(Path.of("target/classes"), built, dependencies);
    }

    /** The built database, the classpath for everything else, with some names answered differently. */
    static Function<String, InputStream> open(String name, String content) {
        return n -> {
            if (n.equals(name)) return content == null ? null : new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
            if (n.equals(DEPENDENCY)) return new ByteArrayInputStream("version=1\n".getBytes(StandardCharsets.UTF_8));
            if (n.startsWith(SampleDatabase.ROOT)) {
                try {
                    return Files.newInputStream(built.resolve(n.substring(SampleDatabase.ROOT.length())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return SampleDatabaseTest.class.getResourceAsStream("/" + n);
        };
    }

    static Optional<Path> unpack(Function<String, InputStream> open) throws IOException {
        return SampleDatabase.unpack(open, Files.createDirectories(dir.resolve("tmp")));
    }

    @Test
    void holdsWhatExtractingTheSamplesLoadsAndTheDerivedGraphs() throws IOException {
        Path unpacked = unpack(open("none", null)).orElseThrow();
        Store extracted = Store.inMemory();
        Loader.create().store(extracted).build().load(List.of(Path.of("corpus/sample")));
        PracticeStatistics.of(Iris.DEFAULT).refresh(extracted);
        try (Store store = Store.open(unpacked)) {
            for (String g : extracted.graphNames())
                assertThat(comparable(store.graph(g)).isIsomorphicWith(comparable(extracted.graph(g)))).as(g).isTrue();
            assertThat(store.graphNames()).containsAll(extracted.graphNames())
                    .contains(Iris.DEFAULT.cubeGraph(), Iris.DEFAULT.descriptionGraph(), Iris.DEFAULT.similarityGraph());
            assertThat(store.search("apprenticeships", 100)).hasSize(17);
        } finally {
            SampleDatabase.delete(unpacked);
        }
        assertThat(unpacked).doesNotExist();
    }

    /** Without what differs between two loads of the same files: when (prov:generatedAtTime), and so the statistics' digest. */
    private static Graph comparable(Graph g) {
        Node when = NodeFactory.createURI("http://www.w3.org/ns/prov#generatedAtTime");
        Graph copy = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(t -> { if (!t.getPredicate().equals(when) && !t.getPredicate().equals(PG.inputDigest.asNode())) copy.add(t); });
        return copy;
    }

    @Test
    void restoresTheFullLengthOfPreallocatedFiles() throws IOException {
        Path unpacked = unpack(open("none", null)).orElseThrow();
        try {
            List<String> manifest = Files.readAllLines(built.resolve(SampleDatabase.MANIFEST_NAME));
            String gspo = manifest.stream().filter(l -> l.endsWith(" Data-0001/GSPO.dat")).findFirst().orElseThrow();
            long length = Long.parseLong(gspo.split(" ")[1]);
            assertThat(Files.size(built.resolve("db/Data-0001/GSPO.dat"))).as("stored without its zeros").isLessThan(length);
            assertThat(Files.size(unpacked.resolve("Data-0001/GSPO.dat"))).isEqualTo(length);
            assertThat(unpacked.resolve("tdb.lock")).as("no lock of the build's process").doesNotExist();
        } finally {
            SampleDatabase.delete(unpacked);
        }
    }

    @Test
    void aChangedReportCodeOrDependencyMeansNoDatabase() throws IOException {
        assertThat(unpack(open(REPORT, "Not the sample report any more."))).isEmpty();
        assertThat(unpack(open(CODE, "other bytecode"))).isEmpty();
        assertThat(unpack(open(REPORT, null))).as("an input gone").isEmpty();
        assertThat(unpack(open(DEPENDENCY, "version=2\n"))).as("another version of a dependency").isEmpty();
        assertThat(unpack(open(SampleDatabase.ROOT + SampleDatabase.MANIFEST_NAME, null))).as("none built").isEmpty();
        try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
            assertThat(left).as("nothing unpacked for a stale database").isEmpty();
        }
    }

    @Test
    void notUsedWhenRunningFromClassesDirectories() {
        // these tests run from target/classes, where the dependencies are not known to be the ones it was made with
        assertThat(SampleDatabase.unpackIfCurrent()).isEmpty();
    }

    @AfterAll
    static void nothingLeftBehind() throws IOException {
        try (Stream<Path> left = Files.list(Files.createDirectories(dir.resolve("tmp")))) {
            assertThat(left).isEmpty();
        }
    }
}
