package org.practicegraph.server;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.practicegraph.publish.JsonLdContext;
import org.practicegraph.rdf.Iris;
import org.practicegraph.rdf.PG;
import org.practicegraph.store.Store;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Dereferenceable data IRIs, after the pattern of UK government linked data: {@code GET /id/X}
 * (the thing) answers {@code 303 See Other} to {@code /doc/X} (the document about it), which
 * answers by content negotiation in Turtle, N-Triples, JSON-LD, RDF/XML or HTML; {@code /doc/X.ttl}
 * (and {@code .nt}, {@code .jsonld}, {@code .rdf}, {@code .html}) names one format. The path after
 * {@code /id/} or {@code /doc/} is appended to the data base ({@link Iris#base()}), so the IRIs
 * resolve here whatever host they were minted under. An IRI the data does not use as a subject: 404.
 *
 * <p>The document holds the resource's own triples, the labels of what it links to, the quote and
 * report of each piece of evidence, and the triples that point at it (with their subject's label,
 * type and score).
 */
final class LinkedDataServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** At most this many incoming links are described, so a popular node stays a small page. */
    static final int MAX_INCOMING = 500;
    private final transient Store store;
    private final transient Iris iris;

    LinkedDataServlet(Store store, Iris iris) {
        this.store = requireNonNull(store, "store");
        this.iris = requireNonNull(iris, "iris");
    }

    @Override protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Headers.secure(res);
        String path = req.getRequestURI().substring(req.getContextPath().length());
        boolean isId = path.startsWith("/id/");
        String rest = path.substring(isId ? 4 : 5);
        RdfFormats fixed = null;
        if (!isId) {
            int dot = rest.lastIndexOf('.');
            RdfFormats byExt = dot > rest.lastIndexOf('/') ? RdfFormats.byExtension(rest.substring(dot + 1)) : null;
            if (byExt != null) { fixed = byExt; rest = rest.substring(0, dot); }
        }
        String iri = iris.base() + rest;
        Model description = rest.isEmpty() ? ModelFactory.createDefaultModel() : describe(iri);
        if (description.isEmpty()) {
            Headers.text(res, HttpServletResponse.SC_NOT_FOUND, "Not found: no resource <" + iri + "> in this dataset.\n");
            return;
        }
        res.setHeader("Vary", "Accept");
        if (isId) {
            res.setStatus(HttpServletResponse.SC_SEE_OTHER);
            res.setHeader("Location", req.getContextPath() + "/doc/" + rest);
            return;
        }
        RdfFormats format = fixed != null ? fixed : RdfFormats.negotiate(req.getHeader("Accept"));
        if (format == null) {
            Headers.text(res, HttpServletResponse.SC_NOT_ACCEPTABLE, "Not acceptable: offered text/turtle, text/html, "
                    + "application/ld+json, application/n-triples, application/rdf+xml.\n");
            return;
        }
        res.setStatus(HttpServletResponse.SC_OK);
        res.setContentType(format.mediaType + (format == RdfFormats.HTML || format == RdfFormats.TURTLE ? "; charset=utf-8" : ""));
        String docPath = req.getContextPath() + "/doc/" + rest;
        res.setHeader("Link", "<" + docPath + ".ttl>; rel=\"alternate\"; type=\"text/turtle\", <"
                + JsonLdContext.CONTEXT_PATH + ">; rel=\"http://www.w3.org/ns/json-ld#context\"");
        try (OutputStream out = res.getOutputStream()) {
            switch (format) {
                case HTML -> out.write(ResourcePage.render(description, iri, iris, docPath).getBytes(StandardCharsets.UTF_8));
                case TURTLE -> RDFDataMgr.write(out, description, RDFFormat.TURTLE_PRETTY);
                case NTRIPLES -> RDFDataMgr.write(out, description, RDFFormat.NTRIPLES);
                case RDFXML -> RDFDataMgr.write(out, description, RDFFormat.RDFXML_PLAIN);
                case JSONLD -> JsonLdContext.write(DatasetGraphFactory.wrap(description.getGraph()), out, Headers.origin(req) + JsonLdContext.CONTEXT_PATH);
            }
        }
    }

    /** @return what the data says about the IRI, empty when it is not the subject of any triple */
    Model describe(String iri) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Vocab.PREFIXES);
        m.setNsPrefix("id", iris.base());
        Node s = NodeFactory.createURI(iri);
        Txn.executeRead(store.dataset(), () -> {
            DatasetGraph dsg = store.dataset();
            Graph union = dsg.getUnionGraph();
            Graph g = m.getGraph();
            if (!union.contains(s, Node.ANY, Node.ANY)) return;
            union.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> {
                g.add(t);
                if (t.getObject().isURI()) linked(union, g, t.getObject(), t.getPredicate().equals(PG.evidence.asNode()));
            });
            var in = union.find(Node.ANY, Node.ANY, s);
            try {
                for (int n = 0; n < MAX_INCOMING && in.hasNext(); n++) {
                    Triple t = in.next();
                    g.add(t);
                    if (t.getSubject().isURI()) incoming(union, g, t.getSubject());
                }
            } finally {
                in.close();
            }
        });
        return m;
    }

    /** Labels of what the resource links to; for evidence also the quote, offsets and report. */
    private static void linked(Graph union, Graph g, Node o, boolean evidence) {
        copy(union, g, o, RDFS.label.asNode(), SKOS.prefLabel.asNode());
        if (!evidence) return;
        copy(union, g, o, PG.quote.asNode(), PG.startOffset.asNode(), PG.endOffset.asNode(), PG.section.asNode(),
                Vocab.WAS_DERIVED_FROM);
        union.find(o, Vocab.WAS_DERIVED_FROM, Node.ANY).forEachRemaining(t ->
                copy(union, g, t.getObject(), org.apache.jena.vocabulary.DCTerms.identifier.asNode()));
    }

    /** What a page needs to show a subject that links here: its label, type and score. */
    private static void incoming(Graph union, Graph g, Node s) {
        copy(union, g, s, RDFS.label.asNode(), RDF.type.asNode(), PG.score.asNode(), PG.qualityStatement.asNode());
        union.find(s, PG.qualityStatement.asNode(), Node.ANY).forEachRemaining(t -> copy(union, g, t.getObject(), SKOS.prefLabel.asNode()));
    }

    private static void copy(Graph from, Graph to, Node s, Node... predicates) {
        for (Node p : predicates) from.find(s, p, Node.ANY).forEachRemaining((Triple t) -> to.add(t));
    }
}
