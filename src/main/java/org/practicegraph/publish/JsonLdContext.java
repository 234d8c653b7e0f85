package org.practicegraph.publish;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.util.Map;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

/**
 * The JSON-LD {@code @context} of the data ({@code src/main/resources/publish/context.jsonld}),
 * served at {@link #CONTEXT_PATH}, and JSON-LD written compacted against it: short keys
 * ({@code label}, {@code score}, {@code deliveredBy}) instead of full IRIs.
 */
public final class JsonLdContext {
    /** The server path of the context, {@value}; stable, so documents may reference it. */
    public static final String CONTEXT_PATH = "/ns/context.jsonld";
    static final String CONTEXT = "/publish/context.jsonld";

    private JsonLdContext() {}

    /** @return the context document, as JSON text */
    public static String context() { return Resources.text(CONTEXT); }

    /**
     * Writes a dataset (or graph) as JSON-LD compacted with the context. Call inside a read transaction.
     *
     * @param dsg        the data
     * @param out        where to write (not closed)
     * @param contextUrl the IRI to put in {@code @context}, or null to embed the context object
     */
    public static void write(DatasetGraph dsg, OutputStream out, String contextUrl) {
        ByteArrayOutputStream expanded = new ByteArrayOutputStream();
        RDFDataMgr.write(expanded, DatasetFactory.wrap(dsg), RDFFormat.JSONLD11_PLAIN);
        try {
            JsonDocument context = JsonDocument.of(new StringReader(context()));
            JsonObject compact = JsonLd.compact(JsonDocument.of(new ByteArrayInputStream(expanded.toByteArray())), context).get();
            JsonValue ctx = contextUrl != null ? Json.createValue(contextUrl) : compact.get("@context");
            JsonObject result = Json.createObjectBuilder(compact).add("@context", ctx).build();
            try (JsonWriter w = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(
                    new java.io.FilterOutputStream(out) { @Override public void close() throws java.io.IOException { flush(); } })) {
                w.write((JsonStructure) result);
            }
        } catch (JsonLdError e) {
            throw new IllegalStateException("JSON-LD compaction failed: " + e.getMessage(), e);
        }
    }
}
