package org.practicegraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;

/** The canned queries, and running one to its last row. */
final class Queries {
    private Queries() {}

    /** @return file name → query text for every {@code *.rq} in the folder, sorted by name */
    static Map<String, String> read(Path dir) {
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".rq")).sorted().toList())
                out.put(p.getFileName().toString(), Files.readString(p));
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Runs a query to completion; call inside a read transaction. @return rows, triples, or 0/1 for ASK */
    static long count(DatasetGraph dsg, Query q) {
        try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query(q).build()) {
            if (q.isSelectType()) {
                var rs = qe.execSelect();
                long n = 0;
                while (rs.hasNext()) { rs.next(); n++; }
                return n;
            }
            if (q.isAskType()) return qe.execAsk() ? 1 : 0;
            if (q.isConstructType()) {
                var it = qe.execConstructTriples();
                long n = 0;
                while (it.hasNext()) { it.next(); n++; }
                return n;
            }
            return qe.execDescribe().size();
        }
    }
}
