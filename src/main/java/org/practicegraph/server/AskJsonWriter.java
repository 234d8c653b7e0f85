package org.practicegraph.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriter;
import org.apache.jena.riot.rowset.RowSetWriterFactory;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * ASK answers for simple clients: when a request accepts exactly one type,
 * {@code application/sparql-results+json}, an ASK answer also carries an empty
 * {@code results.bindings} list next to {@code boolean}.
 *
 * <p>Why: simple scripts (our own {@code score.py} among them) read {@code results.bindings} from
 * every JSON answer, including the {@code ASK {}} they send to see whether the server is up. Strict
 * readers such as Jena's refuse an answer with both members, so the extra member is only sent to a
 * request that names JSON alone; SPARQL libraries list several types, and get the standard form.
 * SELECT results are always written by Jena's own writer.
 */
final class AskJsonWriter implements RowSetWriter {
    private static final ThreadLocal<Boolean> JSON_ONLY = ThreadLocal.withInitial(() -> false);
    private static boolean installed;
    private final RowSetWriter standard;

    private AskJsonWriter(RowSetWriter standard) { this.standard = standard; }

    /** Registers the writer for SPARQL JSON results; idempotent. */
    static synchronized void install() {
        if (installed) return;
        RowSetWriterFactory jena = RowSetWriterRegistry.getFactory(ResultSetLang.RS_JSON);
        RowSetWriterRegistry.register(ResultSetLang.RS_JSON, lang -> new AskJsonWriter(jena.create(lang)));
        installed = true;
    }

    /** @return a filter noting, for the writer on the same thread, whether the request accepts JSON alone */
    static Filter acceptFilter() {
        return new Filter() {
            @Override public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
                String accept = req instanceof HttpServletRequest http ? http.getHeader("Accept") : null;
                JSON_ONLY.set(accept != null && accept.strip().equalsIgnoreCase(WebContent.contentTypeResultsJSON));
                try {
                    chain.doFilter(req, res);
                } finally {
                    JSON_ONLY.remove();
                }
            }
        };
    }

    @Override public void write(OutputStream out, RowSet rowSet, Context context) { standard.write(out, rowSet, context); }

    @Override public void write(Writer out, RowSet rowSet, Context context) { standard.write(out, rowSet, context); }

    @Override public void write(OutputStream out, boolean result, Context context) {
        if (!JSON_ONLY.get()) {
            standard.write(out, result, context);
            return;
        }
        String json = "{\n  \"head\" : { } ,\n  \"boolean\" : " + result + " ,\n  \"results\" : { \"bindings\" : [ ] }\n}\n";
        try {
            out.write(json.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
