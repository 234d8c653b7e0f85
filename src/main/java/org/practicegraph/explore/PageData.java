package org.practicegraph.explore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;

/**
 * Runs the explorer's SPARQL files ({@code explore/queries/NAME.rq} on the classpath) against the
 * store, with {@code ?this} bound to the thing a page shows. Rows come back as maps a template can
 * read: each variable's value as text and, for IRIs, {@code NAMEHref}, the page that shows it; a
 * row with {@code ?report}, {@code ?start} and {@code ?end} also gets {@code evidenceHref}, the
 * sentence highlighted in its report.
 */
final class PageData {
    private final DatasetGraph dsg;
    private final Links links;
    private final Map<String, Query> queries = new ConcurrentHashMap<>();

    PageData(DatasetGraph dsg, Links links) {
        this.dsg = dsg;
        this.links = links;
    }

    /** @return the query file's text, as shipped */
    static String text(String name) {
        try (InputStream in = PageData.class.getResourceAsStream("/explore/queries/" + name + ".rq")) {
            if (in == null) throw new IllegalArgumentException("no explorer query " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query query(String name) { return queries.computeIfAbsent(name, n -> QueryFactory.create(text(n))); }

    /** @return the rows of query {@code name}, {@code ?this} bound when {@code self} is not null */
    List<Map<String, Object>> rows(String name, Node self) {
        return Txn.calculateRead(dsg, () -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (QueryExec exec = exec(name, self)) {
                RowSet rs = exec.select();
                List<String> vars = rs.getResultVars().stream().map(v -> v.getVarName()).toList();
                rs.forEachRemaining(b -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (String v : vars) {
                        Node n = b.get(v);
                        if (n == null) continue;
                        if (n.isURI()) {
                            row.put(v, n.getURI());
                            row.put(v + "Href", links.page(n.getURI()));
                        } else if (n.isLiteral()) {
                            row.put(v, n.getLiteralLexicalForm());
                        }
                    }
                    if (row.containsKey("report") && row.containsKey("start") && row.containsKey("end"))
                        row.put("evidenceHref", links.evidence((String) row.get("report"), row.get("start"), row.get("end")));
                    rows.add(row);
                });
            }
            return rows;
        });
    }

    /** Writes query {@code name}'s result as CSV (SPARQL 1.1 Query Results CSV). */
    void csv(String name, Node self, OutputStream out) {
        Txn.executeRead(dsg, () -> {
            try (QueryExec exec = exec(name, self)) {
                ResultSetFormatter.outputAsCSV(out, org.apache.jena.query.ResultSet.adapt(exec.select()));
            }
        });
    }

    private QueryExec exec(String name, Node self) {
        var b = QueryExec.dataset(dsg).query(query(name));
        if (self != null) b = b.substitution("this", self);
        return b.build();
    }
}
