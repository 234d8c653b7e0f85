package org.practicegraph.similar;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.practicegraph.rdf.Iris;
import org.practicegraph.rdf.PG;
import org.practicegraph.store.Store;

/**
 * Links each initiative to the initiatives of <em>other</em> authorities most like it, with a
 * {@code pg:similarTo} triple and a qualified {@code pg:Similarity} node carrying the score:
 * <pre>
 *   SimilarInitiatives similar = SimilarInitiatives.create().iris(Iris.DEFAULT).topK(5).build();
 *   similar.refresh(store);   // writes {base}graph/similarity unless the reports are unchanged
 * </pre>
 * The score is {@link Scoring#score}: {@code typeWeight} (default {@value #DEFAULT_TYPE_WEIGHT}) of
 * it from how close the two SKOS initiative types are ({@link TypeHierarchy}), the rest from the
 * cosine of sentence embeddings of each initiative's label and evidence quotes (each text embedded
 * once, an initiative's vector the mean direction of its texts'). Links scoring below
 * {@code minScore} (default {@value #DEFAULT_MIN_SCORE}) are left out, and at most {@code topK}
 * (default {@value #DEFAULT_TOP_K}) are kept per initiative, so the relation is not symmetric.
 */
public final class SimilarInitiatives {
    public static final int DEFAULT_TOP_K = 5;
    public static final double DEFAULT_MIN_SCORE = 0.4;
    public static final double DEFAULT_TYPE_WEIGHT = 0.25;
    public static final int DEFAULT_CACHE_SIZE = 20_000;
    /**
     * Most initiatives linked by default ({@value}): every pair is scored, so the cost grows with the
     * square of the count (about 250 reports' worth here). Past it the graph is not written; a
     * nearest-neighbour index would be the way on.
     */
    public static final int DEFAULT_MAX_INITIATIVES = 10_000;
    private static final int BATCH = 128;

    private static final String PREFIXES = "PREFIX pg: <" + PG.NS + "> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ";
    private static final String INITIATIVES = PREFIXES + "SELECT ?i ?la ?label ?type ?quote WHERE { ?i a pg:Initiative ; pg:deliveredBy ?la . "
            + "OPTIONAL { ?i rdfs:label ?label } OPTIONAL { ?i pg:initiativeType ?type } OPTIONAL { ?i pg:evidence/pg:quote ?quote } }";
    /**
     * How many initiatives {@link #read} would keep (delivered by an authority, with a label or quote
     * that is not all white space), up to {@code atMost}, counted without reading their texts out of the store.
     */
    private static String count(long atMost) {
        // counting stops at the first one past the limit: at 10,000 reports (400,000 initiatives) a full count took 30 s
        return PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?i WHERE { ?i a pg:Initiative . "
                + "FILTER EXISTS { ?i pg:deliveredBy ?la } FILTER EXISTS { { ?i rdfs:label ?t } UNION { ?i pg:evidence/pg:quote ?t } "
                + "FILTER(isLiteral(?t) && REGEX(STR(?t), \"\\\\S\")) } } LIMIT " + atMost + " }";
    }

    private static final String BROADER = PREFIXES + "SELECT DISTINCT ?c ?b WHERE { ?c skos:broader ?b FILTER(isIRI(?c) && isIRI(?b)) }";
    private static final String DIGESTS = PREFIXES + "SELECT DISTINCT ?h WHERE { GRAPH ?g { ?r pg:sha256 ?h } }";

    private final Iris iris;
    private final int topK;
    private final double minScore;
    private final double typeWeight;
    private final int maxInitiatives;
    private final TextEmbedder embedder;
    private final BooleanSupplier stopped;
    private final Map<String, float[]> cache;
    private final AtomicLong initiativeRowsRead = new AtomicLong();

    /**
     * What one computation found and what it cost.
     *
     * @param initiatives   initiatives with a label or quote to compare
     * @param texts         distinct labels and quotes among them
     * @param textsEmbedded how many of those were not cached and went through the model
     * @param modelMillis   time to load the model (0 once loaded)
     * @param embedMillis   time spent embedding
     * @param totalMillis   the whole computation, reading the store and scoring every pair included
     */
    public record Run(Model model, int initiatives, int texts, int textsEmbedded, int links, long modelMillis, long embedMillis, long totalMillis) {}

    private SimilarInitiatives(Builder b) {
        this.iris = b.iris;
        this.topK = b.topK;
        this.minScore = b.minScore;
        this.typeWeight = b.typeWeight;
        this.maxInitiatives = b.maxInitiatives;
        this.embedder = b.embedder;
        this.stopped = b.stopped;
        int size = b.cacheSize;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) { return size() > size; }
        };
    }

    /** @return a builder with the defaults: {@link Iris#DEFAULT}, the MiniLM embedder */
    public static Builder create() { return new Builder(); }

    /** @return how the scores are computed, as recorded in {@code pg:similarityMethod} */
    public String method() {
        return String.format(Locale.ROOT, "%.2f × cosine of %s embeddings of label and evidence quotes + %.2f × initiative-type closeness "
                + "1/(1+skos:broader steps); top %d per initiative with score >= %.2f, other authorities only",
                1 - typeWeight, embedder.name(), typeWeight, topK, minScore);
    }

    /**
     * @param store the loaded reports
     * @return a SHA-256 (hex) of {@link #method()} and the sorted {@code pg:sha256} of every report in
     *         the store: it changes when a report is added, removed or changed, or the method is
     */
    public String fingerprint(Store store) {
        List<String> hashes = new ArrayList<>();
        for (QuerySolution row : select(store, DIGESTS)) hashes.add(row.getLiteral("h").getLexicalForm());
        hashes.sort(null);
        return sha256(method() + "\n" + String.join("\n", hashes));
    }

    /**
     * Rewrites the similarity graph ({@link Iris#similarityGraph()}) unless the one stored was
     * computed, by the same method, from the same reports.
     *
     * @param store the loaded reports; the similarity graph is written here
     * @return the computation, or empty when the stored graph was current and left alone
     */
    public synchronized Optional<Run> refresh(Store store) {
        String fingerprint = fingerprint(store);
        String graph = iris.similarityGraph();
        boolean current = Txn.calculateRead(store.dataset(), () -> store.dataset().getGraph(org.apache.jena.graph.NodeFactory.createURI(graph))
                .contains(org.apache.jena.graph.NodeFactory.createURI(graph), PG.inputDigest.asNode(),
                        org.apache.jena.graph.NodeFactory.createLiteralString(fingerprint)));
        if (current) return Optional.empty();
        Run run = compute(store, fingerprint);
        store.replaceGraph(graph, run.model().getGraph());
        return Optional.of(run);
    }

    /**
     * @param store the loaded reports (read in read transactions)
     * @return the links, their qualified form, and the graph's {@code pg:inputDigest}
     */
    public Model build(Store store) { return compute(store, fingerprint(store)).model(); }

    /** @return the same as {@link #build}, with counts and timings */
    public synchronized Run compute(Store store) { return compute(store, fingerprint(store)); }

    private synchronized Run compute(Store store, String fingerprint) {
        long start = System.nanoTime();
        // counted before anything is read: past the limit, reading every text only to refuse took seconds a start
        if (select(store, count(maxInitiatives + 1L)).get(0).getLiteral("n").getLong() > maxInitiatives)
            refuse("over " + maxInitiatives);
        Map<String, Initiative> initiatives = read(store);
        // the count's white space is SPARQL's, the read's Java's: they could differ on exotic spaces, the limit not
        if (initiatives.size() > maxInitiatives) refuse(Integer.toString(initiatives.size()));
        Map<String, List<String>> broader = new TreeMap<>();
        for (QuerySolution row : select(store, BROADER))
            broader.computeIfAbsent(row.getResource("c").getURI(), k -> new ArrayList<>()).add(row.getResource("b").getURI());
        TypeHierarchy types = new TypeHierarchy(broader);

        Set<String> distinct = new TreeSet<>();
        initiatives.values().forEach(i -> distinct.addAll(i.texts()));
        long modelStart = System.nanoTime();
        if (distinct.stream().anyMatch(t -> !cache.containsKey(t))) embedder.load();
        long modelMillis = (System.nanoTime() - modelStart) / 1_000_000;
        long embedStart = System.nanoTime();
        Map<String, float[]> byText = new java.util.HashMap<>();
        int embedded = embed(distinct, byText);
        long embedMillis = (System.nanoTime() - embedStart) / 1_000_000;

        List<String> ids = new ArrayList<>(initiatives.keySet());
        List<float[]> vectors = new ArrayList<>();
        for (String id : ids) {
            List<float[]> vs = new ArrayList<>();
            for (String t : initiatives.get(id).texts()) vs.add(byText.get(t));
            vectors.add(Scoring.meanDirection(vs));
        }

        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix(PG.PREFIX, PG.NS);
        m.createResource(iris.similarityGraph()).addProperty(PG.inputDigest, fingerprint);
        String method = method();
        int links = 0;
        for (int a = 0; a < ids.size(); a++) {
            stopIfAsked();
            Initiative ia = initiatives.get(ids.get(a));
            List<Map.Entry<String, BigDecimal>> candidates = new ArrayList<>();
            for (int b = 0; b < ids.size(); b++) {
                if (a == b) continue;
                Initiative ib = initiatives.get(ids.get(b));
                if (!java.util.Collections.disjoint(ia.authorities(), ib.authorities())) continue;
                double s = Scoring.score(types.similarity(ia.types(), ib.types()), Scoring.cosine(vectors.get(a), vectors.get(b)), typeWeight);
                BigDecimal rounded = BigDecimal.valueOf(s).setScale(3, RoundingMode.HALF_UP);
                if (s >= minScore && rounded.signum() > 0) candidates.add(Map.entry(ids.get(b), rounded));
            }
            candidates.sort(Comparator.comparing((Map.Entry<String, BigDecimal> e) -> e.getValue()).reversed()
                    .thenComparing(Map.Entry::getKey));
            Resource from = m.createResource(ids.get(a));
            for (Map.Entry<String, BigDecimal> c : candidates.subList(0, Math.min(topK, candidates.size()))) {
                Resource to = m.createResource(c.getKey());
                from.addProperty(PG.similarTo, to);
                from.addProperty(PG.similarity, m.createResource(iris.similarity(ids.get(a), c.getKey()))
                        .addProperty(RDF.type, PG.Similarity)
                        .addProperty(PG.similarInitiative, to)
                        .addLiteral(PG.similarityScore, m.createTypedLiteral(c.getValue().toPlainString(), XSDDatatype.XSDdecimal))
                        .addProperty(PG.similarityMethod, method));
                links++;
            }
        }
        return new Run(m, ids.size(), distinct.size(), embedded, links, modelMillis, embedMillis, (System.nanoTime() - start) / 1_000_000);
    }

    /** @throws IllegalStateException when there are more initiatives than this method links */
    private void refuse(String initiatives) {
        throw new IllegalStateException(initiatives + " initiatives: more than the " + maxInitiatives
                + " this all-pairs method links (cost grows with the square); similarity graph not written (see docs/similarity.md)");
    }

    /** @return how many rows of initiatives' texts this linker has read from stores: tests see that a refusal reads none */
    long initiativeRowsRead() { return initiativeRowsRead.get(); }

    /**
     * Looks each text up in the cache and embeds the others, each once, in batches.
     *
     * @param texts   distinct texts
     * @param vectors receives text → vector for every text
     * @return how many texts were embedded
     */
    private int embed(Set<String> texts, Map<String, float[]> vectors) {
        List<String> missing = new ArrayList<>();
        for (String t : texts) {
            float[] v = cache.get(t);
            if (v != null) vectors.put(t, v); else missing.add(t);
        }
        for (int i = 0; i < missing.size(); i += BATCH) {
            stopIfAsked();
            List<String> batch = missing.subList(i, Math.min(missing.size(), i + BATCH));
            List<float[]> vs = embedder.embed(batch);
            for (int j = 0; j < batch.size(); j++) {
                vectors.put(batch.get(j), vs.get(j));
                cache.put(batch.get(j), vs.get(j));
            }
        }
        return missing.size();
    }

    /** Ends the run when it was told to stop (a server stopping): between steps, never inside the model. */
    private void stopIfAsked() {
        if (Thread.currentThread().isInterrupted() || stopped.getAsBoolean()) throw new java.util.concurrent.CancellationException("stopped before the links were written");
    }

    private record Initiative(Set<String> authorities, Set<String> types, Set<String> texts) {}

    private Map<String, Initiative> read(Store store) {
        Map<String, Initiative> byIri = new TreeMap<>();
        List<QuerySolution> rows = select(store, INITIATIVES);
        initiativeRowsRead.addAndGet(rows.size());
        for (QuerySolution row : rows) {
            Initiative i = byIri.computeIfAbsent(row.getResource("i").getURI(),
                    k -> new Initiative(new TreeSet<>(), new TreeSet<>(), new TreeSet<>()));
            i.authorities().add(row.getResource("la").toString());
            if (row.contains("type") && row.get("type").isURIResource()) i.types().add(row.getResource("type").getURI());
            for (String v : new String[] {"label", "quote"})
                if (row.contains(v) && row.get(v).isLiteral() && !row.getLiteral(v).getLexicalForm().isBlank())
                    i.texts().add(row.getLiteral(v).getLexicalForm().strip());
        }
        byIri.values().removeIf(i -> i.texts().isEmpty());
        return byIri;
    }

    private static List<QuerySolution> select(Store store, String sparql) {
        return Txn.calculateRead(store.dataset(), () -> {
            try (QueryExecution qe = store.ownQuery(sparql)) {
                List<QuerySolution> rows = new ArrayList<>();
                // TDB2 resolves a row's nodes lazily, inside the transaction only: copy them out.
                qe.execSelect().forEachRemaining(row -> {
                    org.apache.jena.query.QuerySolutionMap copy = new org.apache.jena.query.QuerySolutionMap();
                    row.varNames().forEachRemaining(v -> copy.add(v, row.get(v)));
                    rows.add(copy);
                });
                return rows;
            }
        });
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Configures {@link SimilarInitiatives}. */
    public static final class Builder {
        private Iris iris = Iris.DEFAULT;
        private int topK = DEFAULT_TOP_K;
        private double minScore = DEFAULT_MIN_SCORE;
        private double typeWeight = DEFAULT_TYPE_WEIGHT;
        private int cacheSize = DEFAULT_CACHE_SIZE;
        private int maxInitiatives = DEFAULT_MAX_INITIATIVES;
        private TextEmbedder embedder = MiniLmEmbedder.get();
        private BooleanSupplier stopped = () -> false;

        private Builder() {}

        /** @param iris the data IRI scheme @return this builder, for chaining */
        public Builder iris(Iris iris) { this.iris = requireNonNull(iris, "iris"); return this; }

        /** @param topK most links kept per initiative, at least 1 @return this builder, for chaining */
        public Builder topK(int topK) { this.topK = topK; return this; }

        /** @param minScore lowest score linked, in [0, 1] @return this builder, for chaining */
        public Builder minScore(double minScore) { this.minScore = minScore; return this; }

        /** @param typeWeight share of the score decided by the initiative types, in [0, 1] @return this builder, for chaining */
        public Builder typeWeight(double typeWeight) { this.typeWeight = typeWeight; return this; }

        /** @param cacheSize most text vectors kept between computations @return this builder, for chaining */
        public Builder cacheSize(int cacheSize) { this.cacheSize = cacheSize; return this; }

        /** @param maxInitiatives most initiatives linked; with more, nothing is computed @return this builder, for chaining */
        public Builder maxInitiatives(int maxInitiatives) { this.maxInitiatives = maxInitiatives; return this; }

        /** @param embedder the text embedder (default: {@link MiniLmEmbedder}) @return this builder, for chaining */
        public Builder embedder(TextEmbedder embedder) { this.embedder = requireNonNull(embedder, "embedder"); return this; }

        /**
         * @param stopped says when a computation should end, checked between steps as the thread's
         *                interrupt is (a server stopping); needed because native model code can clear
         *                an interrupt it receives @return this builder, for chaining
         */
        public Builder stopWhen(BooleanSupplier stopped) { this.stopped = requireNonNull(stopped, "stopped"); return this; }

        /**
         * @return the configured builder of similarity graphs
         * @throws IllegalArgumentException when a number is out of range
         */
        public SimilarInitiatives build() {
            if (topK < 1) throw new IllegalArgumentException("topK must be at least 1, not " + topK);
            if (!(minScore >= 0 && minScore <= 1)) throw new IllegalArgumentException("minScore must be in [0, 1], not " + minScore);
            if (!(typeWeight >= 0 && typeWeight <= 1)) throw new IllegalArgumentException("typeWeight must be in [0, 1], not " + typeWeight);
            if (maxInitiatives < 1) throw new IllegalArgumentException("maxInitiatives must be at least 1, not " + maxInitiatives);
            if (cacheSize < 0) throw new IllegalArgumentException("cacheSize must not be negative, not " + cacheSize);
            return new SimilarInitiatives(this);
        }
    }
}
