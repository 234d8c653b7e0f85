package org.practicegraph.server;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.practicegraph.publish.Dumps;
import org.practicegraph.publish.JsonLdContext;
import org.practicegraph.rdf.Iris;
import org.practicegraph.store.Store;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The dataset's self-description and downloads: {@code /.well-known/void} (the VoID and DCAT
 * description from its named graph, Turtle unless {@code Accept} asks for N-Triples, JSON-LD or
 * RDF/XML), {@link JsonLdContext#CONTEXT_PATH} (the JSON-LD context) and {@code /dumps/…}
 * (gzipped N-Quads and TriG of every graph, written on request from one read transaction).
 */
final class PublishServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String VOID_PATH = "/.well-known/void";
    private final transient Store store;
    private final transient Iris iris;

    PublishServlet(Store store, Iris iris) {
        this.store = requireNonNull(store, "store");
        this.iris = requireNonNull(iris, "iris");
    }

    @Override protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Headers.secure(res);
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.equals(VOID_PATH)) voidDescription(req, res);
        else if (path.equals(JsonLdContext.CONTEXT_PATH)) {
            res.setContentType("application/ld+json");
            res.setHeader("Access-Control-Allow-Origin", "*");
            res.getOutputStream().write(JsonLdContext.context().getBytes(StandardCharsets.UTF_8));
        } else if (path.equals(Dumps.NQUADS_GZ) || path.equals(Dumps.TRIG_GZ)) {
            res.setContentType("application/gzip");
            res.setHeader("Content-Disposition", "attachment; filename=\"" + path.substring(path.lastIndexOf('/') + 1) + "\"");
            try (OutputStream out = res.getOutputStream()) {
                Dumps.write(store, Dumps.formatOf(path), true, out, null);
            }
        } else {
            Headers.text(res, HttpServletResponse.SC_NOT_FOUND, "Not found: " + path + "\n");
        }
    }

    private void voidDescription(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Model d = ModelFactory.createDefaultModel().add(ModelFactory.createModelForGraph(store.graph(iris.descriptionGraph())));
        d.setNsPrefixes(Vocab.PREFIXES);
        RdfFormats f = RdfFormats.negotiate(req.getHeader("Accept"));
        if (f == null || f == RdfFormats.HTML) f = RdfFormats.TURTLE;
        res.setHeader("Vary", "Accept");
        res.setContentType(f.mediaType + (f == RdfFormats.TURTLE ? "; charset=utf-8" : ""));
        try (OutputStream out = res.getOutputStream()) {
            switch (f) {
                case NTRIPLES -> RDFDataMgr.write(out, d, RDFFormat.NTRIPLES);
                case RDFXML -> RDFDataMgr.write(out, d, RDFFormat.RDFXML_PLAIN);
                case JSONLD -> JsonLdContext.write(DatasetGraphFactory.wrap(d.getGraph()), out, Headers.origin(req) + JsonLdContext.CONTEXT_PATH);
                default -> RDFDataMgr.write(out, d, RDFFormat.TURTLE_PRETTY);
            }
        }
    }
}
