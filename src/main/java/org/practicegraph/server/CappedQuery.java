package org.practicegraph.server;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * The SPARQL query service with a cap on the size of an answer: a SELECT that matches more than
 * {@code maxResults} rows, or a CONSTRUCT or DESCRIBE that builds more than {@code maxResults}
 * triples, is refused with 400 and a message saying so, before any result is sent.
 *
 * <p>Why refuse rather than cut: SPARQL result formats have no way to say "truncated", so a client
 * handed the first N rows would take them for the whole answer. A refusal cannot be misread, and
 * the remedy (add {@code LIMIT}) is in the message. A SELECT whose own {@code LIMIT} is within the
 * cap streams as usual; any other SELECT is read up to one row past the cap before answering.
 */
final class CappedQuery extends SPARQL_QueryDataset {
    private final long maxResults;

    CappedQuery(long maxResults) {
        if (maxResults < 1) throw new IllegalArgumentException("maxResults must be positive");
        this.maxResults = maxResults;
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query query, String queryStringLog) {
        if (query.isSelectType()) {
            if (query.hasLimit() && query.getLimit() <= maxResults) return super.executeQuery(action, exec, query, queryStringLog);
            RowSet rows = exec.select();
            List<Binding> kept = new ArrayList<>();
            while (rows.hasNext()) {
                kept.add(rows.next());
                if (kept.size() > maxResults) refuse("rows");
            }
            return new QueryExecResult(RowSetStream.create(rows.getResultVars(), kept.iterator()));
        }
        if (query.isConstructType()) {
            DatasetGraph out = DatasetGraphFactory.create();
            long n = 0;
            for (Iterator<Quad> it = exec.constructQuads(); it.hasNext(); ) {
                out.add(it.next());
                if (++n > maxResults) refuse("triples");
            }
            return new QueryExecResult(out);
        }
        if (query.isDescribeType()) {
            Graph g = exec.describe();
            if (g.size() > maxResults) refuse("triples");
            return new QueryExecResult(g);
        }
        return super.executeQuery(action, exec, query, queryStringLog);
    }

    /** Marks the request once the whole answer is written, so {@link ResultCache} may keep it. */
    @Override
    protected void sendResults(HttpAction action, QueryExecResult result, Prologue qPrologue) {
        super.sendResults(action, result, qPrologue);
        action.getRequest().setAttribute(ResultCache.COMPLETE, Boolean.TRUE);
    }

    private void refuse(String what) {
        ServletOps.errorBadRequest("Result too large: this query gives more than " + maxResults + " " + what
                + ", the most this server returns (serve --max-results). Add LIMIT " + maxResults + " or less, or narrow the query.");
    }
}
