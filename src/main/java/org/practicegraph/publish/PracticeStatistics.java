package org.practicegraph.publish;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalLong;

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
 * <pre>
 *   store.replaceGraph(Iris.DEFAULT.statsGraph(), PracticeStatistics.of(Iris.DEFAULT).build(store).getGraph());
 * </pre>
 * The dimensions and measures are {@code pg:ref…} and {@code pg:…Count} properties used nowhere
 * else, so no query on the reports counts an observation, and a query can find a data set's
 * observations by their properties alone, whatever the data base IRI.
 */
public final class PracticeStatistics {
    static final String STRUCTURE = "/publish/statistics.ttl";
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
        String[] files = new String[DATA_SETS.size() + 1];
        files[0] = STRUCTURE;
        for (int i = 0; i < DATA_SETS.size(); i++) files[i + 1] = query(DATA_SETS.get(i));
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
     * @param store the loaded reports (read in one read transaction)
     * @return the data sets, their structures and their observations
     */
    public Model build(Store store) {
        Model stats = ModelFactory.createDefaultModel();
        RDFParser.source(Resources.stream(STRUCTURE)).base(iris.base()).lang(Lang.TURTLE).parse(stats);
        Txn.executeRead(store.dataset(), () -> {
            for (String name : DATA_SETS) {
                ParameterizedSparqlString q = new ParameterizedSparqlString(Resources.text(query(name)));
                q.setIri("dataset", dataSet(name));
                try (QueryExecution qe = store.ownQuery(q.asQuery())) {
                    qe.execConstruct(stats);
                }
            }
        });
        stats.setNsPrefix("qb", "http://purl.org/linked-data/cube#");
        stats.setNsPrefix("pg", "https://w3id.org/practice-graph/def#");
        return stats;
    }
}
