package org.practicegraph.publish;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.practicegraph.rdf.Iris;
import org.practicegraph.rdf.PG;
import org.practicegraph.store.GraphCounts;
import org.practicegraph.store.Store;

/**
 * The dataset's VoID and DCAT description, counted from the live data: triples, entities per class,
 * vocabularies used, example resources, the licence of the CQC text (Open Government Licence v3.0),
 * the SPARQL endpoint and the dump distributions.
 * <pre>
 *   Model d = DatasetDescription.create().iris(iris).publicUrl("http://localhost:3030").build().describe(store);
 * </pre>
 * Counts cover every graph except the derived ones: the description's own, the score cube's and the similarity links'.
 * The stored description records what its counts were computed from ({@code pg:countsDigest}), so
 * that a server started under another public URL rewrites the links without counting again.
 */
public final class DatasetDescription {
    /** The VoID namespace, {@value}. */
    public static final String VOID = "http://rdfs.org/ns/void#";
    /** The Open Government Licence v3.0, under which CQC publishes its reports, {@value}. */
    public static final String OGL = "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
    /** Where the dumps are served, relative to the public URL. */
    public static final List<String> DUMPS = List.of(Dumps.NQUADS_GZ, Dumps.TRIG_GZ);
    /** The VoID properties of the data set that {@link #counts} computes from the data, the rest depending on configuration only. */
    static final List<String> COUNTED = List.of("triples", "distinctSubjects", "properties", "entities", "classes",
            "classPartition", "vocabulary", "exampleResource");
    private static final List<Resource> EXAMPLE_CLASSES = List.of(PG.LocalAuthority, PG.Assessment, PG.Initiative, PG.Partner, PG.Evidence);

    private final Iris iris;
    private final String publicUrl;
    private final String sparqlPath;
    private final AtomicInteger countsComputed = new AtomicInteger();

    private DatasetDescription(Builder b) {
        this.iris = b.iris;
        this.publicUrl = b.publicUrl.replaceFirst("/+$", "");
        this.sparqlPath = b.sparqlPath;
    }

    /** @return a builder; {@code publicUrl} is required */
    public static Builder create() { return new Builder(); }

    /** @return the SPARQL endpoint's URL as published */
    public String sparqlEndpoint() { return publicUrl + sparqlPath; }

    /**
     * Rewrites the description's graph ({@link Iris#descriptionGraph()}) unless it was written, the
     * same way and for the same public URL, from the store as it is now (see {@link DerivedGraphs}).
     * When only the public URL or the endpoint's path changed (a server started on another port),
     * the counts are copied from the stored graph instead of counted again: counting scans every quad.
     *
     * @param store the data to describe
     * @return the number of triples written, or empty when the graph was current and left alone
     */
    public OptionalLong refreshIfChanged(Store store) {
        // the digests are taken before the data is read: the content is never older than its digest
        // the counting is GraphCounts' code: a change there counts again too
        String method = DerivedGraphs.method(DatasetDescription.class, "/" + GraphCounts.class.getName().replace('.', '/') + ".class");
        String inputs = DerivedGraphs.inputs(store, iris);
        String countsDigest = DerivedGraphs.digest(method, iris.base(), inputs);
        String digest = DerivedGraphs.digest(method, iris.base(), publicUrl, sparqlPath, inputs);
        if (DerivedGraphs.current(store, iris.descriptionGraph(), digest)) return OptionalLong.empty();
        Model m = frame();
        m.add(storedCounts(store, countsDigest).orElseGet(() -> counts(store)));
        m.add(m.createResource(iris.descriptionGraph()), PG.countsDigest, countsDigest);
        return OptionalLong.of(DerivedGraphs.write(store, iris.descriptionGraph(), m.getGraph(), digest));
    }

    /**
     * @param store the data to describe (read in one read transaction)
     * @return the description, in a model of its own
     */
    public Model describe(Store store) {
        return frame().add(counts(store));
    }

    /** @return how many times this description has counted the data: tests see whether a refresh reused the stored counts */
    int countsComputed() { return countsComputed.get(); }

    /**
     * @return the part of the description that does not depend on the data: title, licence, and the
     *         endpoint and dump links, which depend on the public URL
     */
    private Model frame() {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("void", VOID);
        m.setNsPrefix("dcat", DCAT.NS);
        m.setNsPrefix("dcterms", DCTerms.NS);
        m.setNsPrefix(PG.PREFIX, PG.NS);
        Resource ds = m.createResource(iris.dataset())
                .addProperty(RDF.type, m.createResource(VOID + "Dataset"))
                .addProperty(RDF.type, DCAT.Dataset)
                .addProperty(DCTerms.title, m.createLiteral("Practice Graph", "en"))
                .addProperty(DCTerms.description, m.createLiteral("What CQC's assessments of English councils' adult social care say "
                        + "about learning, improvement and innovation: initiatives, partners, figures, outcomes and scores, each "
                        + "traced to the sentence it came from.", "en"))
                .addProperty(DCTerms.license, m.createResource(OGL))
                .addProperty(DCTerms.rights, m.createLiteral("Report text © Care Quality Commission, used under the Open "
                        + "Government Licence v3.0.", "en"))
                .addProperty(DCTerms.source, m.createResource("https://www.cqc.org.uk/guidance-regulation/local-authorities"))
                .addProperty(voidp(m, "sparqlEndpoint"), m.createResource(sparqlEndpoint()))
                .addProperty(voidp(m, "uriSpace"), iris.base())
                .addProperty(DCTerms.hasPart, m.createResource(ScoreCube.of(iris).dataSet()));
        for (String dump : DUMPS) {
            String url = publicUrl + dump;
            ds.addProperty(voidp(m, "dataDump"), m.createResource(url));
            ds.addProperty(DCAT.distribution, m.createResource(iris.dataset() + "/distribution/" + Dumps.slug(dump))
                    .addProperty(RDF.type, DCAT.Distribution)
                    .addProperty(DCTerms.title, m.createLiteral("Dump: " + Dumps.mediaType(dump), "en"))
                    .addProperty(DCAT.downloadURL, m.createResource(url))
                    .addProperty(DCAT.mediaType, m.createResource("https://www.iana.org/assignments/media-types/" + Dumps.mediaType(dump)))
                    .addProperty(DCAT.compressFormat, m.createResource("https://www.iana.org/assignments/media-types/application/gzip"))
                    .addProperty(DCTerms.license, m.createResource(OGL)));
        }
        Resource service = m.createResource(iris.dataset() + "/sparql")
                .addProperty(RDF.type, DCAT.DataService)
                .addProperty(DCTerms.title, m.createLiteral("Practice Graph SPARQL endpoint (read-only)", "en"))
                .addProperty(DCAT.endpointURL, m.createResource(sparqlEndpoint()))
                .addProperty(DCTerms.conformsTo, m.createResource("https://www.w3.org/TR/sparql11-protocol/"))
                .addProperty(DCAT.servesDataset, ds);
        ds.addProperty(DCAT.distribution, m.createResource(iris.dataset() + "/distribution/sparql")
                .addProperty(RDF.type, DCAT.Distribution)
                .addProperty(DCAT.accessURL, m.createResource(sparqlEndpoint()))
                .addProperty(DCAT.accessService, service));
        return m;
    }

    /**
     * @return the counted statements of the stored description ({@link #COUNTED} about the data set,
     *         and the class partitions' own), when it records these counts' digest; else empty
     */
    private Optional<Model> storedCounts(Store store, String countsDigest) {
        Node g = NodeFactory.createURI(iris.descriptionGraph());
        return Txn.calculateRead(store.dataset(), () -> {
            Graph stored = store.dataset().getGraph(g);
            if (!stored.contains(g, PG.countsDigest.asNode(), NodeFactory.createLiteralString(countsDigest))) return Optional.empty();
            Model counts = ModelFactory.createDefaultModel();
            Node ds = NodeFactory.createURI(iris.dataset());
            for (String local : COUNTED) {
                stored.find(ds, NodeFactory.createURI(VOID + local), Node.ANY).forEachRemaining(t -> {
                    counts.getGraph().add(t);
                    // a class partition is a blank node: its class and entity count come with it
                    if (t.getObject().isBlank()) stored.find(t.getObject(), Node.ANY, Node.ANY).forEachRemaining(counts.getGraph()::add);
                });
            }
            return Optional.of(counts);
        });
    }

    /**
     * @param store the data to count (read in one read transaction)
     * @return the {@link #COUNTED} statements about the data set, with the class partitions
     */
    private Model counts(Store store) {
        countsComputed.incrementAndGet();
        Model m = ModelFactory.createDefaultModel();
        Resource ds = m.createResource(iris.dataset());
        // one pass over a quad index, not SPARQL: COUNT(DISTINCT ?s) over 50,000 reports' 40 million
        // quads ran serve -Xmx1g out of heap, and its spilled replacement took many minutes
        GraphCounts c = store.countNamedGraphs(
                Set.of(iris.descriptionGraph(), iris.cubeGraph(), iris.similarityGraph(), iris.statsGraph()),
                iris.base(), EXAMPLE_CLASSES.stream().map(Resource::getURI).collect(java.util.stream.Collectors.toSet()));
        ds.addLiteral(voidp(m, "triples"), typed(m, c.quads()));
        ds.addLiteral(voidp(m, "distinctSubjects"), typed(m, c.subjects()));
        ds.addLiteral(voidp(m, "properties"), typed(m, c.properties().size()));
        ds.addLiteral(voidp(m, "entities"), typed(m, c.entities()));
        c.classEntities().forEach((cls, n) -> ds.addProperty(voidp(m, "classPartition"), m.createResource()
                .addProperty(voidp(m, "class"), m.createResource(cls))
                .addLiteral(voidp(m, "entities"), typed(m, n))));
        ds.addLiteral(voidp(m, "classes"), typed(m, c.classEntities().size()));
        Set<String> vocabularies = new TreeSet<>();
        c.classEntities().keySet().forEach(cls -> vocabularies.add(namespace(cls)));
        c.properties().forEach(p -> vocabularies.add(namespace(p)));
        vocabularies.removeIf(ns -> ns.startsWith(iris.base()));
        for (String ns : vocabularies) ds.addProperty(voidp(m, "vocabulary"), m.createResource(ns));
        for (Resource cls : EXAMPLE_CLASSES) {
            String first = c.firstOfClass().get(cls.getURI());
            if (first != null) ds.addProperty(voidp(m, "exampleResource"), m.createResource(first));
        }
        return m;
    }

    private static String namespace(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(0, cut + 1);
    }

    private static Property voidp(Model m, String local) { return m.createProperty(VOID, local); }

    private static org.apache.jena.rdf.model.Literal typed(Model m, long n) {
        return m.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
    }

    /** Configures a {@link DatasetDescription}. */
    public static final class Builder {
        private Iris iris = Iris.DEFAULT;
        private String publicUrl;
        private String sparqlPath = "/practice/sparql";

        private Builder() {}

        /** @param iris the data IRI scheme. @return this builder, for chaining */
        public Builder iris(Iris iris) { this.iris = requireNonNull(iris, "iris"); return this; }
        /** @param publicUrl where the server answers, e.g. {@code http://localhost:3030}. @return this builder, for chaining */
        public Builder publicUrl(String publicUrl) { this.publicUrl = requireNonNull(publicUrl, "publicUrl"); return this; }
        /** @param sparqlPath the query endpoint's path on the server. @return this builder, for chaining */
        public Builder sparqlPath(String sparqlPath) { this.sparqlPath = requireNonNull(sparqlPath, "sparqlPath"); return this; }

        /** @return the description builder @throws IllegalStateException when no public URL was given */
        public DatasetDescription build() {
            if (publicUrl == null) throw new IllegalStateException("a DatasetDescription needs the server's public URL");
            return new DatasetDescription(this);
        }
    }
}
