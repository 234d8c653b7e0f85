package org.practicegraph.evaluate;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;

/**
 * Runs a SPARQL SELECT and gives its rows as score.py sees them: one map per row, from variable
 * name (without '?') to the bound value's text (an IRI, a literal's lexical form, a blank node's
 * label); unbound variables are absent. Rows keep the order the engine returns.
 * <pre>
 *   Sparql local = Sparql.of(store.dataset());
 *   Sparql remote = Sparql.endpoint("http://localhost:3030/practice/sparql");
 * </pre>
 */
@FunctionalInterface
public interface Sparql {
    /**
     * @param query a SELECT query
     * @return the rows, in result order
     * @throws RuntimeException (Jena's) when the query fails or the endpoint cannot be reached
     */
    List<Map<String, String>> select(String query);

    /**
     * @param dataset the dataset to query in a read transaction; its default graph is what the query sees
     * @return a runner over the dataset
     */
    static Sparql of(DatasetGraph dataset) {
        requireNonNull(dataset, "dataset");
        return query -> Txn.calculateRead(dataset, () -> {
            try (QueryExec qe = QueryExec.dataset(dataset).query(query).build()) {
                return rows(qe.select());
            }
        });
    }

    /**
     * @param url a SPARQL query endpoint, such as {@code http://localhost:3030/practice/sparql}
     * @return a runner over HTTP, waiting up to 120 s for each answer (as score.py does)
     */
    static Sparql endpoint(String url) {
        requireNonNull(url, "url");
        return query -> {
            try (QueryExec qe = QueryExecHTTP.service(url).query(query).timeout(120, TimeUnit.SECONDS).build()) {
                return rows(qe.select());
            }
        };
    }

    private static List<Map<String, String>> rows(RowSet rs) {
        List<Var> vars = rs.getResultVars();
        List<Map<String, String>> rows = new ArrayList<>();
        while (rs.hasNext()) {
            Binding b = rs.next();
            Map<String, String> row = new LinkedHashMap<>();
            for (Var v : vars) {
                Node n = b.get(v);
                if (n != null) row.put(v.getVarName(), text(n));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String text(Node n) {
        if (n.isURI()) return n.getURI();
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        if (n.isBlank()) return n.getBlankNodeLabel();
        return n.toString();
    }
}
