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
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
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
        String method = DerivedGraphs.method(DatasetDescription.class);
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
        Txn.executeRead(store.dataset(), () -> count(store, m, m.createResource(iris.dataset())));
        return m;
    }

    private void count(Store store, Model m, Resource ds) {
        String derived = "FILTER(?g NOT IN (<" + iris.descriptionGraph() + ">, <" + iris.cubeGraph() + ">, <" + iris.similarityGraph() + ">, <" + iris.statsGraph() + ">))";
        // Each DISTINCT is a sub-query, not COUNT(DISTINCT …): a sub-query's DISTINCT spills to disk
        // past Store.SPILL_THRESHOLD rows, an aggregate's keeps every value in the heap, and at
        // 50,000 reports (40 million quads) that ran `serve -Xmx1g` out of memory.
        long triples = one(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } " + derived + " }").getLiteral("n").getLong();
        long subjects = one(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } " + derived + " } }")
                .getLiteral("n").getLong();
        List<QuerySolution> properties = all(store, "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?s ?p ?o } " + derived + " }");
        ds.addLiteral(voidp(m, "triples"), typed(m, triples));
        ds.addLiteral(voidp(m, "distinctSubjects"), typed(m, subjects));
        ds.addLiteral(voidp(m, "properties"), typed(m, properties.size()));
        long entities = one(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } " + derived
                + " FILTER(isIRI(?s) && STRSTARTS(STR(?s), \"" + iris.base() + "\")) } }").getLiteral("n").getLong();
        ds.addLiteral(voidp(m, "entities"), typed(m, entities));
        Set<String> vocabularies = new TreeSet<>();
        int classes = 0;
        for (QuerySolution row : all(store, "SELECT ?c (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?c ?s WHERE { GRAPH ?g { ?s a ?c } " + derived
                + " } } GROUP BY ?c ORDER BY ?c")) {
            Resource c = row.getResource("c");
            ds.addProperty(voidp(m, "classPartition"), m.createResource()
                    .addProperty(voidp(m, "class"), c)
                    .addLiteral(voidp(m, "entities"), typed(m, row.getLiteral("n").getLong())));
            vocabularies.add(namespace(c.getURI()));
            classes++;
        }
        ds.addLiteral(voidp(m, "classes"), typed(m, classes));
        for (QuerySolution row : properties) vocabularies.add(namespace(row.getResource("p").getURI()));
        vocabularies.removeIf(ns -> ns.startsWith(iris.base()));
        for (String ns : vocabularies) ds.addProperty(voidp(m, "vocabulary"), m.createResource(ns));
        for (Resource c : EXAMPLE_CLASSES) {
            ParameterizedSparqlString q = new ParameterizedSparqlString("SELECT (MIN(STR(?s)) AS ?ex) WHERE { GRAPH ?g { ?s a ?c } "
                    + derived + " }");
            q.setParam("c", c);
            QuerySolution row = one(store, q.toString());
            if (row.contains("ex")) ds.addProperty(voidp(m, "exampleResource"), m.createResource(row.getLiteral("ex").getString()));
        }
    }

    private static String namespace(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(0, cut + 1);
    }

    private static Property voidp(Model m, String local) { return m.createProperty(VOID, local); }

    private static org.apache.jena.rdf.model.Literal typed(Model m, long n) {
        return m.createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger);
    }

    private static QuerySolution one(Store store, String sparql) { return all(store, sparql).get(0); }

    private static List<QuerySolution> all(Store store, String sparql) {
        try (QueryExecution qe = store.ownQuery(sparql)) {
            List<QuerySolution> rows = new java.util.ArrayList<>();
            qe.execSelect().forEachRemaining(rows::add);
            return rows;
        }
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
