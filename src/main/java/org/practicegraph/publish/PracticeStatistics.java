package org.practicegraph.publish;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.expr.NodeValue;
import org.practicegraph.rdf.PG;

import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.system.Txn;
import org.practicegraph.rdf.Iris;
import org.practicegraph.store.Store;

/**
 * Precomputed practice statistics as RDF Data Cube data sets, so that the aggregate canned queries
 * read a few hundred observations instead of scanning every initiative on every call (issue 8):
 * <ul>
 * <li>{@code {base}dataset/initiative-types-by-score}: broad initiative type × score →
 *     {@code pg:initiativeCount}, {@code pg:authorityCount};</li>
 * <li>{@code {base}dataset/initiative-types-by-authority}: initiative type × authority →
 *     {@code pg:initiativeCount};</li>
 * <li>{@code {base}dataset/partners-by-authority}: partner × authority → {@code pg:reportCount}.</li>
 * </ul>
 * and the score history: {@code ?assessment pg:previousAssessment ?earlier}, from each dated
 * assessment to the latest earlier one of the same council and quality statement, so that
 * {@code scores-over-time} reads one link per assessment instead of comparing every pair of a
 * council's assessments of a statement (quadratic: it ran past 300 s at 50,000 synthetic reports,
 * some 330 per council). SPARQL 1.1 has no window functions, so this one is computed here, by
 * sorting, not by a CONSTRUCT.
 * <pre>
 *   store.replaceGraph(Iris.DEFAULT.statsGraph(), PracticeStatistics.of(Iris.DEFAULT).build(store).getGraph());
 * </pre>
 * The dimensions and measures are {@code pg:ref…} and {@code pg:…Count} properties used nowhere
 * else, so no query on the reports counts an observation, and a query can find a data set's
 * observations by their properties alone, whatever the data base IRI.
 */
public final class PracticeStatistics {
    static final String STRUCTURE = "/publish/statistics.ttl";
    /** Every dated, scored assessment of a council, with what the score history groups and orders it by. */
    static final String DATED_ASSESSMENTS = "/publish/dated-assessments.rq";
    /** data set name (under {base}dataset/) → the CONSTRUCT writing its observations */
    static final List<String> DATA_SETS = List.of(
            "initiative-types-by-score", "initiative-types-by-authority", "partners-by-authority");
    private final Iris iris;

    private PracticeStatistics(Iris iris) { this.iris = iris; }

    /** @param iris the data IRI scheme. @return a statistics builder for data under that scheme */
    public static PracticeStatistics of(Iris iris) { return new PracticeStatistics(requireNonNull(iris, "iris")); }

    /** @param name one of {@link #DATA_SETS}. @return the IRI of that {@code qb:DataSet} */
    public String dataSet(String name) { return iris.base() + "dataset/" + name; }

    /**
     * Rewrites the statistics graph ({@link Iris#statsGraph()}) from what the store holds now, with
     * the {@code pg:inputDigest} that lets {@link #refreshIfChanged} skip it next time.
     *
     * @param store the loaded reports
     * @return the number of triples written
     */
    public long refresh(Store store) {
        String digest = digest(store);   // before reading the data: content never older than its digest
        return DerivedGraphs.write(store, iris.statsGraph(), build(store).getGraph(), digest);
    }

    /**
     * Rewrites the statistics graph unless it was computed, the same way, from the store as it is
     * now (see {@link DerivedGraphs}).
     *
     * @param store the loaded reports
     * @return the number of triples written, or empty when the graph was current and left alone
     */
    public OptionalLong refreshIfChanged(Store store) {
        String digest = digest(store);
        if (DerivedGraphs.current(store, iris.statsGraph(), digest)) return OptionalLong.empty();
        return OptionalLong.of(DerivedGraphs.write(store, iris.statsGraph(), build(store).getGraph(), digest));
    }

    private String digest(Store store) {
        String[] files = Stream.concat(Stream.of(STRUCTURE, DATED_ASSESSMENTS), DATA_SETS.stream().map(PracticeStatistics::query))
                .toArray(String[]::new);
        return DerivedGraphs.digest(DerivedGraphs.method(PracticeStatistics.class, files), iris.base(), DerivedGraphs.inputs(store, iris));
    }

    private static String query(String dataSet) { return "/publish/statistics-" + dataSet + ".rq"; }

    /**
     * @param store the store
     * @return whether it holds report graphs but no statistics graph (a database loaded before the
     *         statistics existed)
     */
    public boolean missing(Store store) {
        return !store.containsGraph(iris.statsGraph()) && store.anyGraphStartsWith(iris.reportGraphPrefix());
    }

    /**
     * Runs the data sets' CONSTRUCTs and the score history's SELECT side by side, one thread each up to
     * the number of processors: they read the same data independently, and on a large database each
     * takes seconds to minutes (at 10,000 reports 6–12 s each, about 30 s one after another), with
     * nothing else running at the end of a load.
     *
     * @param store the loaded reports (each part read in a read transaction of its own, all begun
     *              after this call: nothing older than the store as it was when it was called)
     * @return the data sets, their structures and their observations, and the score history
     */
    public Model build(Store store) {
        List<Callable<Model>> parts = new ArrayList<>();
        for (String name : DATA_SETS) parts.add(() -> observations(store, name));
        parts.add(() -> scoreHistory(store));
        Model stats = ModelFactory.createDefaultModel();
        RDFParser.source(Resources.stream(STRUCTURE)).base(iris.base()).lang(Lang.TURTLE).parse(stats);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parts.size(), Runtime.getRuntime().availableProcessors()),
                r -> new Thread(r, "practice-statistics"));
        try {
            for (Future<Model> part : pool.invokeAll(parts)) stats.add(part.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("practice statistics interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        stats.setNsPrefix("qb", "http://purl.org/linked-data/cube#");
        stats.setNsPrefix("pg", "https://w3id.org/practice-graph/def#");
        return stats;
    }

    /** @return the observations of one data set of {@link #DATA_SETS} */
    private Model observations(Store store, String name) {
        ParameterizedSparqlString q = new ParameterizedSparqlString(Resources.text(query(name)));
        q.setIri("dataset", dataSet(name));
        Model m = ModelFactory.createDefaultModel();
        Txn.executeRead(store.dataset(), () -> {
            try (QueryExecution qe = store.ownQuery(q.asQuery())) {
                qe.execConstruct(m);
            }
        });
        return m;
    }

    /** @return the {@code pg:previousAssessment} links */
    private static Model scoreHistory(Store store) {
        List<DatedAssessment> dated = new ArrayList<>();
        Txn.executeRead(store.dataset(), () -> {
            try (QueryExecution qe = store.ownQuery(Resources.text(DATED_ASSESSMENTS))) {
                qe.execSelect().forEachRemaining(row -> dated.add(DatedAssessment.of(row)));
            }
        });
        Model m = ModelFactory.createDefaultModel();
        previousAssessments(dated, m.getGraph());
        return m;
    }

    /** An assessment, the council and statement it assesses, and its publication date. */
    record DatedAssessment(Node assessment, Node authority, Node statement, NodeValue issued) {
        static DatedAssessment of(QuerySolution row) {
            return new DatedAssessment(row.get("a").asNode(), row.get("la").asNode(), row.get("qs").asNode(),
                    NodeValue.makeNode(row.get("issued").asNode()));
        }
    }

    /**
     * Adds {@code a pg:previousAssessment p} for each assessment {@code a} and each {@code p} of the same
     * council and statement published on the latest date before {@code a}'s (all of them, when several
     * share that date): what "MAX of the earlier dates, then the assessments on it" gives in SPARQL.
     *
     * @param dated the assessments, in any order
     * @param into  where the links go
     */
    static void previousAssessments(List<DatedAssessment> dated, Graph into) {
        Map<List<Node>, List<DatedAssessment>> series = new HashMap<>();
        for (DatedAssessment d : dated) series.computeIfAbsent(List.of(d.authority(), d.statement()), k -> new ArrayList<>()).add(d);
        // NodeValue.compareAlways orders xsd:date and xsd:dateTime values as SPARQL's < does (and anything else stably)
        Comparator<NodeValue> byDate = NodeValue::compareAlways;
        for (List<DatedAssessment> s : series.values()) {
            s.sort(Comparator.comparing(DatedAssessment::issued, byDate));
            List<DatedAssessment> previous = List.of();   // the assessments on the latest earlier date
            for (int from = 0, to; from < s.size(); from = to) {
                to = from + 1;
                while (to < s.size() && byDate.compare(s.get(to).issued(), s.get(from).issued()) == 0) to++;
                List<DatedAssessment> sameDate = s.subList(from, to);
                for (DatedAssessment a : sameDate)
                    for (DatedAssessment p : previous) into.add(a.assessment(), PG.previousAssessment.asNode(), p.assessment());
                previous = sameDate;
            }
        }
    }
}
