package org.practicegraph.similar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicegraph.rdf.Iris;
import org.practicegraph.rdf.PG;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

/** Links on the sample corpus and on small made-up stores, with the real embedding model. */
class SimilarInitiativesTest {
    static Store samples;
    static SimilarInitiatives.Run sampleRun;
    static Model sampleLinks;
    static Model sampleData;

    @BeforeAll
    static void load() {
        samples = Store.inMemory();
        Loader.create().store(samples).build().load(List.of(Path.of("corpus/sample")));
        sampleRun = SimilarInitiatives.create().build().compute(samples);
        sampleLinks = sampleRun.model();
        sampleData = ModelFactory.createModelForGraph(org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph());
        org.apache.jena.system.Txn.executeRead(samples.dataset(), () ->
                samples.dataset().find().forEachRemaining(q -> sampleData.getGraph().add(q.asTriple())));
    }

    @Test
    void sampleLinksJoinInitiativesOfDifferentAuthoritiesWithScoresInZeroToOne() {
        List<Statement> links = sampleLinks.listStatements(null, PG.similarTo, (RDFNode) null).toList();
        assertThat(links).hasSizeGreaterThan(50);
        for (Statement s : links) {
            Resource from = sampleData.getResource(s.getSubject().getURI());
            Resource to = sampleData.getResource(s.getResource().getURI());
            assertThat(sampleData.contains(from, org.apache.jena.vocabulary.RDF.type, PG.Initiative)).isTrue();
            assertThat(sampleData.contains(to, org.apache.jena.vocabulary.RDF.type, PG.Initiative)).isTrue();
            assertThat(from.getPropertyResourceValue(PG.deliveredBy)).as(s.toString())
                    .isNotEqualTo(to.getPropertyResourceValue(PG.deliveredBy));
        }
        sampleLinks.listResourcesWithProperty(org.apache.jena.vocabulary.RDF.type, PG.Similarity).forEachRemaining(sim -> {
            BigDecimal score = sim.getRequiredProperty(PG.similarityScore).getLiteral().getValue() instanceof BigDecimal d ? d : null;
            assertThat(score).as(sim.toString()).isNotNull().isPositive().isLessThanOrEqualTo(BigDecimal.ONE)
                    .isGreaterThanOrEqualTo(BigDecimal.valueOf(SimilarInitiatives.DEFAULT_MIN_SCORE));
            assertThat(sim.getRequiredProperty(PG.similarityMethod).getString()).contains(MiniLmEmbedder.NAME);
        });
    }

    @Test
    void atMostTopKLinksPerInitiativeAndEachLinkHasItsQualifiedForm() {
        Map<Resource, Integer> perInitiative = new HashMap<>();
        sampleLinks.listStatements(null, PG.similarTo, (RDFNode) null).forEachRemaining(s -> perInitiative.merge(s.getSubject(), 1, Integer::sum));
        assertThat(perInitiative.values()).allSatisfy(n -> assertThat(n).isBetween(1, SimilarInitiatives.DEFAULT_TOP_K));
        assertThat(perInitiative.values()).contains(SimilarInitiatives.DEFAULT_TOP_K);
        sampleLinks.listStatements(null, PG.similarTo, (RDFNode) null).forEachRemaining(s ->
                assertThat(s.getSubject().listProperties(PG.similarity).toList())
                        .anySatisfy(q -> assertThat(q.getResource().getProperty(PG.similarInitiative).getObject()).isEqualTo(s.getObject())));
        assertThat(sampleLinks.listStatements(null, PG.similarity, (RDFNode) null).toList()).hasSameSizeAs(
                sampleLinks.listStatements(null, PG.similarTo, (RDFNode) null).toList());

        Model top2 = SimilarInitiatives.create().topK(2).build().build(samples);
        Map<Resource, Integer> two = new HashMap<>();
        top2.listStatements(null, PG.similarTo, (RDFNode) null).forEachRemaining(s -> two.merge(s.getSubject(), 1, Integer::sum));
        assertThat(two.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2)).contains(2);
    }

    // A made-up store: four councils, a two-group initiative-type hierarchy, one report graph each.
    static final String TYPES = """
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix it: <urn:type:> .
            it:briefing skos:broader it:learning . it:peer-review skos:broader it:learning .
            it:apprenticeship skos:broader it:workforce .
            """;

    static String report(String council, String sha, String... initiatives) {
        StringBuilder ttl = new StringBuilder("""
                @prefix pg: <https://w3id.org/practice-graph/def#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix it: <urn:type:> . @prefix x: <urn:x:> .
                x:report-%1$s a pg:Report ; pg:sha256 "%2$s" .
                x:%1$s a pg:LocalAuthority ; rdfs:label "%1$s" .
                """.formatted(council, sha));
        for (int i = 0; i < initiatives.length; i += 4)
            ttl.append("x:%s a pg:Initiative ; pg:deliveredBy x:%s ; rdfs:label \"%s\" ; pg:initiativeType it:%s ; pg:evidence [ pg:quote \"%s\" ] .\n"
                    .formatted(initiatives[i], council, initiatives[i + 1], initiatives[i + 2], initiatives[i + 3]));
        return ttl.toString();
    }

    static final String BRIEFING_B = "Lessons from safeguarding reviews are cascaded to teams in short 7-minute briefing sessions.";

    static Map<String, String> madeUpReports() {
        Map<String, String> graphs = new java.util.LinkedHashMap<>();
        graphs.put("urn:g:types", TYPES);
        graphs.put("urn:g:a", report("A", "a1", "a1", "Seven-minute briefings", "briefing",
                "Learning from safeguarding adults reviews is shared with staff through seven-minute briefings.",
                "a2", "Degree apprenticeships", "apprenticeship", "Apprentices are supported by the council through their social work degree."));
        graphs.put("urn:g:b", report("B", "b1", "b1", "7-minute briefings", "briefing", BRIEFING_B));
        graphs.put("urn:g:c", report("C", "c1", "c1", "Social work apprenticeships", "apprenticeship",
                "The council funds social work degree apprenticeships for its support workers.",
                "c2", "Peer review", "peer-review", "An independent peer review of safeguarding practice was carried out by another council."));
        // The same words as B's briefings, typed as something else entirely.
        graphs.put("urn:g:d", report("D", "d1", "d1", "7-minute briefings", "apprenticeship", BRIEFING_B));
        return graphs;
    }

    static Store madeUpStore() {
        Store store = Store.inMemory();
        madeUpReports().forEach((g, ttl) -> put(store, g, ttl));
        return store;
    }

    static void put(Store store, String graph, String ttl) {
        Model m = ModelFactory.createDefaultModel();
        RDFParser.fromString(ttl, Lang.TURTLE).parse(m);
        store.replaceGraph(graph, m.getGraph());
    }

    /** Similar initiatives of {@code from}, best first, as local names with scores. */
    static List<Map.Entry<String, BigDecimal>> ranked(Model links, String from) {
        List<Map.Entry<String, BigDecimal>> out = new ArrayList<>();
        links.getResource("urn:x:" + from).listProperties(PG.similarity).forEachRemaining(s -> out.add(Map.entry(
                s.getResource().getPropertyResourceValue(PG.similarInitiative).getURI().substring("urn:x:".length()),
                (BigDecimal) s.getResource().getProperty(PG.similarityScore).getLiteral().getValue())));
        out.sort(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return out;
    }

    @Test
    void paraphrasedBriefingsInTwoCouncilsAreEachOthersTopLink() {
        Model links = SimilarInitiatives.create().minScore(0.05).build().build(madeUpStore());
        assertThat(ranked(links, "a1").get(0).getKey()).isEqualTo("b1");
        assertThat(ranked(links, "b1").get(0).getKey()).isEqualTo("a1");
        assertThat(ranked(links, "c1").get(0).getKey()).as("apprenticeships in two councils").isEqualTo("a2");
        assertThat(ranked(links, "a1")).extracting(Map.Entry::getKey).as("never the same council").doesNotContain("a2");
        assertThat(ranked(links, "c1")).extracting(Map.Entry::getKey).doesNotContain("c2");
    }

    @Test
    void sameTypeOutranksAnotherTypeWithTheSameWords() {
        Model links = SimilarInitiatives.create().minScore(0.05).build().build(madeUpStore());
        Map<String, BigDecimal> a1 = new HashMap<>();
        ranked(links, "a1").forEach(e -> a1.put(e.getKey(), e.getValue()));
        // b1 and d1 have the same label and quote, so the same cosine to a1; only b1 shares a1's type.
        assertThat(a1.get("b1")).isGreaterThan(a1.get("d1"));
        assertThat(a1.get("b1").subtract(a1.get("d1")).doubleValue()).isCloseTo(SimilarInitiatives.DEFAULT_TYPE_WEIGHT, org.assertj.core.api.Assertions.within(0.002));
        Model textOnly = SimilarInitiatives.create().minScore(0.0).typeWeight(0).build().build(madeUpStore());
        Map<String, BigDecimal> text = new HashMap<>();
        ranked(textOnly, "a1").forEach(e -> text.put(e.getKey(), e.getValue()));
        assertThat(text.get("b1")).as("same words, same text score").isEqualByComparingTo(text.get("d1"));
    }

    @Test
    void aHigherThresholdKeepsOnlyStrongLinks() {
        Model loose = SimilarInitiatives.create().minScore(0.05).build().build(madeUpStore());
        Model strict = SimilarInitiatives.create().minScore(0.9).build().build(madeUpStore());
        assertThat(strict.listStatements(null, PG.similarityScore, (RDFNode) null).toList())
                .allSatisfy(s -> assertThat(s.getLiteral().getDouble()).isGreaterThanOrEqualTo(0.9))
                .hasSizeLessThan(loose.listStatements(null, PG.similarityScore, (RDFNode) null).toList().size());
        assertThat(ranked(strict, "a1")).extracting(Map.Entry::getKey).as("the paraphrase is a strong link").containsExactly("b1");
        assertThat(ranked(strict, "d1")).as("same words, another type: not strong enough").isEmpty();
    }

    /** The real model, counting the texts it is given. */
    private static TextEmbedder counting(AtomicInteger embedded) {
        return new TextEmbedder() {
            @Override public List<float[]> embed(List<String> texts) { embedded.addAndGet(texts.size()); return MiniLmEmbedder.get().embed(texts); }
            @Override public String name() { return MiniLmEmbedder.NAME; }
        };
    }

    @Test
    void moreInitiativesThanTheLimitAreRefusedBeforeAnythingIsEmbedded() {
        AtomicInteger embedded = new AtomicInteger();
        TextEmbedder counting = counting(embedded);
        Store store = madeUpStore();
        SimilarInitiatives capped = SimilarInitiatives.create().maxInitiatives(5).embedder(counting).build();
        assertThatThrownBy(() -> capped.refresh(store)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("over 5 initiatives: more than the 5");
        assertThat(embedded.get()).isZero();
        assertThat(capped.initiativeRowsRead()).as("refused on the count, before the texts are read").isZero();
        assertThat(store.graphNames()).doesNotContain(Iris.DEFAULT.similarityGraph());
        // neither an initiative whose only text is white space nor one delivered by no authority is linked, or counted
        put(store, "urn:g:e", """
                @prefix pg: <https://w3id.org/practice-graph/def#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix x: <urn:x:> .
                x:report-E a pg:Report ; pg:sha256 "e1" .
                x:e1 a pg:Initiative ; pg:deliveredBy x:E ; rdfs:label "  " ; pg:evidence [ pg:quote "\t" ] .
                x:e2 a pg:Initiative ; rdfs:label "Peer reviews" .
                """);
        SimilarInitiatives six = SimilarInitiatives.create().maxInitiatives(6).embedder(counting).build();
        assertThat(six.refresh(store)).hasValueSatisfying(run -> assertThat(run.initiatives()).isEqualTo(6));
        assertThat(six.initiativeRowsRead()).isPositive();
        assertThatThrownBy(() -> SimilarInitiatives.create().maxInitiatives(0).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLimitIsCheckedOnACountOfTheInitiativesThatWouldBeLinked() {
        int n = sampleRun.initiatives();
        assertThat(n).isGreaterThan(50);
        for (int max : new int[] {10, n - 1}) {
            SimilarInitiatives capped = SimilarInitiatives.create().maxInitiatives(max).build();
            assertThatThrownBy(() -> capped.refresh(samples)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("over " + max + " initiatives: more than the " + max + " this all-pairs method links");
            assertThat(capped.initiativeRowsRead()).as("max %d: no text read", max).isZero();
        }
        assertThat(samples.graphNames()).doesNotContain(Iris.DEFAULT.similarityGraph());
    }

    @Test
    void refreshSkipsUnchangedReportsAndRecomputesWhenOneChanges() {
        Store store = madeUpStore();
        AtomicInteger embedded = new AtomicInteger();
        TextEmbedder counting = counting(embedded);
        SimilarInitiatives similar = SimilarInitiatives.create().cacheSize(0).minScore(0.05).embedder(counting).build();

        var first = similar.refresh(store);
        assertThat(first).isPresent();
        assertThat(first.get().initiatives()).isEqualTo(6);
        assertThat(embedded.get()).as("each distinct text once: 6 labels (2 alike) and 6 quotes (2 alike)").isEqualTo(first.get().texts()).isEqualTo(10);
        String graph = Iris.DEFAULT.similarityGraph();
        Model written = ModelFactory.createModelForGraph(store.graph(graph));
        assertThat(written.contains(written.getResource(graph), PG.inputDigest, similar.fingerprint(store))).isTrue();
        assertThat(written.contains(written.getResource("urn:x:a1"), PG.similarTo, written.getResource("urn:x:b1"))).isTrue();

        assertThat(similar.refresh(store)).as("same reports: left alone").isEmpty();
        assertThat(embedded.get()).isEqualTo(10);

        put(store, "urn:g:b", report("B", "b1-revised", "b1", "7-minute briefings", "briefing", BRIEFING_B));
        assertThat(similar.refresh(store)).as("a report changed").isPresent();
        assertThat(embedded.get()).isEqualTo(20);
        assertThat(similar.refresh(store)).isEmpty();

        SimilarInitiatives otherMethod = SimilarInitiatives.create().cacheSize(0).minScore(0.05).topK(1).embedder(counting).build();
        assertThat(otherMethod.refresh(store)).as("another method: recomputed").isPresent();
    }

    @Test
    void textsAlreadyEmbeddedAreNotEmbeddedAgain() {
        AtomicInteger embedded = new AtomicInteger();
        TextEmbedder counting = counting(embedded);
        SimilarInitiatives similar = SimilarInitiatives.create().embedder(counting).build();
        Store store = madeUpStore();
        Model first = similar.build(store);
        assertThat(embedded.get()).isEqualTo(10);
        put(store, "urn:g:e", report("E", "e1", "e1", "Peer reviews", "peer-review", "Another council reviewed our safeguarding practice."));
        similar.build(store);
        assertThat(embedded.get()).as("only E's two new texts").isEqualTo(12);
        assertThat(similar.build(madeUpStore()).isIsomorphicWith(first)).as("deterministic").isTrue();
    }

    @Test
    void theModelLoadsOfflineWithItsCacheOutsideTheHomeFolder() {
        MiniLmEmbedder.get();
        if (System.getenv("DJL_CACHE_DIR") == null)
            assertThat(System.getProperty("DJL_CACHE_DIR")).startsWith(System.getProperty("java.io.tmpdir"));
        assertThat(ai.djl.util.Utils.getEngineCacheDir("tokenizers")).as("where the tokenizer's native library was unpacked")
                .isDirectory().startsWith(Path.of(System.getenv("DJL_CACHE_DIR") != null ? System.getenv("DJL_CACHE_DIR") : System.getProperty("java.io.tmpdir")));
        List<float[]> v = MiniLmEmbedder.get().embed(List.of("Seven-minute briefings after each review.",
                "Short briefings on the lessons of case reviews.", "The council's pension fund invests in bonds."));
        assertThat(v).allSatisfy(x -> assertThat(x).hasSize(384));
        assertThat(Scoring.cosine(v.get(0), v.get(1))).isGreaterThan(Scoring.cosine(v.get(0), v.get(2)) + 0.2);
    }
}
