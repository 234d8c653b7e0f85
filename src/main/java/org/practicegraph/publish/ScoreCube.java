package org.practicegraph.publish;

import static java.util.Objects.requireNonNull;

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
 * The assessment scores as an RDF Data Cube: one {@code qb:Observation} per assessed quality
 * statement with the dimensions area ({@code sdmx-dimension:refArea}, the ONS area the council
 * serves), period ({@code sdmx-dimension:refPeriod}, the publication year, or "not stated") and
 * quality statement ({@code pg:qualityStatement}), and the score as measure
 * ({@code sdmx-measure:obsValue}), in the data set {@code {base}dataset/scores} with its structure.
 * <pre>
 *   Model cube = ScoreCube.of(Iris.DEFAULT).build(store);
 *   store.replaceGraph(Iris.DEFAULT.cubeGraph(), cube.getGraph());
 * </pre>
 * The measure is not {@code pg:score}, so queries on assessments never count an observation twice.
 */
public final class ScoreCube {
    static final String STRUCTURE = "/publish/score-cube.ttl";
    static final String OBSERVATIONS = "/publish/score-cube.rq";
    private final Iris iris;

    private ScoreCube(Iris iris) { this.iris = iris; }

    /** @param iris the data IRI scheme. @return a cube builder for data under that scheme */
    public static ScoreCube of(Iris iris) { return new ScoreCube(requireNonNull(iris, "iris")); }

    /** @return the IRI of the cube's {@code qb:DataSet} */
    public String dataSet() { return iris.base() + "dataset/scores"; }

    /**
     * Rewrites the cube's graph ({@link Iris#cubeGraph()}) unless it was computed, the same way,
     * from the store as it is now (see {@link DerivedGraphs}).
     *
     * @param store the loaded reports
     * @return the number of triples written, or empty when the graph was current and left alone
     */
    public OptionalLong refreshIfChanged(Store store) {
        // the digest is taken before the data is read: the content is never older than its digest
        String digest = DerivedGraphs.digest(DerivedGraphs.method(ScoreCube.class, STRUCTURE, OBSERVATIONS), iris.base(),
                DerivedGraphs.inputs(store, iris));
        if (DerivedGraphs.current(store, iris.cubeGraph(), digest)) return OptionalLong.empty();
        return OptionalLong.of(DerivedGraphs.write(store, iris.cubeGraph(), build(store).getGraph(), digest));
    }

    /**
     * @param store the loaded reports (read in one read transaction)
     * @return the data set, its structure and one observation per assessment of an identified council
     */
    public Model build(Store store) {
        Model cube = ModelFactory.createDefaultModel();
        RDFParser.source(Resources.stream(STRUCTURE)).base(iris.base()).lang(Lang.TURTLE).parse(cube);
        ParameterizedSparqlString q = new ParameterizedSparqlString(Resources.text(OBSERVATIONS));
        q.setIri("dataset", dataSet());
        q.setIri("notStated", iris.base() + "period/not-stated");
        Txn.executeRead(store.dataset(), () -> {
            try (QueryExecution qe = store.ownQuery(q.asQuery())) {
                qe.execConstruct(cube);
            }
        });
        cube.setNsPrefix("qb", "http://purl.org/linked-data/cube#");
        cube.setNsPrefix("sdmx-dimension", "http://purl.org/linked-data/sdmx/2009/dimension#");
        cube.setNsPrefix("sdmx-measure", "http://purl.org/linked-data/sdmx/2009/measure#");
        return cube;
    }
}
