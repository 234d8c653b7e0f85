package org.practicegraph.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.practicegraph.rdf.Iris;
import org.practicegraph.rdf.PG;

/**
 * The HTML page of one resource: label, types, properties (links for resources, our own IRIs as
 * local {@code /id/} links), evidence quotes with their report, and what links to it. Every piece of
 * data is escaped; links are only made for {@code http(s)} IRIs.
 */
final class ResourcePage {
    private ResourcePage() {}

    /**
     * @param m       the description from {@link LinkedDataServlet#describe}
     * @param iri     the resource
     * @param iris    the data IRI scheme, to turn our IRIs into local links
     * @param docPath the document's path, for links to the other formats
     * @return a complete HTML document
     */
    static String render(Model m, String iri, Iris iris, String docPath) {
        Resource r = m.getResource(iri);
        String label = label(r);
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(label))
                .append(" — Practice Graph</title>\n<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
                        + "line-height:1.5}th{text-align:left;vertical-align:top;padding-right:1rem;font-weight:600}"
                        + "blockquote{border-left:4px solid #ccc;margin:1rem 0;padding:0 1rem}code{word-break:break-all}</style></head>\n<body>\n<main>\n");
        h.append("<h1>").append(esc(label)).append("</h1>\n<p><code>").append(esc(iri)).append("</code></p>\n");
        List<String> types = new ArrayList<>();
        r.listProperties(RDF.type).forEachRemaining(s -> types.add(link(s.getObject(), m, iris)));
        if (!types.isEmpty()) h.append("<p>Type: ").append(String.join(", ", types)).append("</p>\n");

        h.append("<h2>Properties</h2>\n<table>\n");
        List<Statement> props = r.listProperties().toList();
        props.sort(Comparator.comparing((Statement s) -> s.getPredicate().getURI()).thenComparing(s -> s.getObject().toString()));
        for (Statement s : props) {
            if (s.getPredicate().equals(RDF.type) || s.getPredicate().equals(PG.evidence)) continue;
            h.append("<tr><th>").append(esc(qname(s.getPredicate().getURI()))).append("</th><td>")
                    .append(link(s.getObject(), m, iris)).append("</td></tr>\n");
        }
        h.append("</table>\n");

        List<Statement> evidence = r.listProperties(PG.evidence).toList();
        if (!evidence.isEmpty()) {
            h.append("<h2>Evidence</h2>\n");
            for (Statement s : evidence) {
                Resource e = s.getResource();
                h.append("<blockquote>").append(esc(string(e, PG.quote))).append("</blockquote>\n<p>");
                Statement report = e.getProperty(m.createProperty(Vocab.PROV, "wasDerivedFrom"));
                if (report != null) {
                    Resource rep = report.getResource();
                    String name = rep.hasProperty(DCTerms.identifier) ? string(rep, DCTerms.identifier) : rep.getURI();
                    h.append("From report ").append(anchor(rep.getURI(), name, iris));
                }
                if (e.hasProperty(PG.startOffset))
                    h.append(", characters ").append(esc(string(e, PG.startOffset))).append("–").append(esc(string(e, PG.endOffset)));
                h.append(" (").append(anchor(e.getURI(), "evidence node", iris)).append(")</p>\n");
            }
        }

        List<Statement> incoming = m.listStatements(null, null, r).toList();
        if (!incoming.isEmpty()) {
            h.append("<h2>Referenced by</h2>\n<ul>\n");
            incoming.sort(Comparator.comparing((Statement s) -> s.getPredicate().getURI()).thenComparing(s -> s.getSubject().toString()));
            for (Statement s : incoming) {
                Resource subj = s.getSubject();
                h.append("<li>").append(link(subj, m, iris)).append(" <small>(").append(esc(qname(s.getPredicate().getURI())))
                        .append(")</small>");
                if (subj.hasProperty(PG.score)) {
                    Resource st = subj.getPropertyResourceValue(PG.qualityStatement);
                    h.append(": score ").append(esc(string(subj, PG.score)));
                    if (st != null) h.append(" for ").append(esc(label(st)));
                }
                h.append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<p>Other formats: ");
        List<String> alts = new ArrayList<>();
        for (RdfFormats f : RdfFormats.values())
            if (f != RdfFormats.HTML) alts.add("<a href=\"" + esc(docPath + "." + f.extension) + "\">" + esc(f.mediaType) + "</a>");
        h.append(String.join(" · ", alts)).append("</p>\n</main>\n</body></html>\n");
        return h.toString();
    }

    /** @return the resource's rdfs:label or skos:prefLabel, else its IRI */
    static String label(Resource r) {
        if (r.hasProperty(RDFS.label)) return string(r, RDFS.label);
        if (r.hasProperty(SKOS.prefLabel)) return string(r, SKOS.prefLabel);
        return r.isURIResource() ? r.getURI() : "(blank node)";
    }

    private static String string(Resource r, org.apache.jena.rdf.model.Property p) {
        RDFNode n = r.getProperty(p).getObject();
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
    }

    private static String link(RDFNode n, Model m, Iris iris) {
        if (n.isLiteral()) return esc(n.asLiteral().getLexicalForm());
        if (!n.isURIResource()) return "(blank node)";
        Resource r = n.asResource();
        String text = r.hasProperty(RDFS.label) || r.hasProperty(SKOS.prefLabel) ? label(r) : qname(r.getURI());
        return anchor(r.getURI(), text, iris);
    }

    /** A link: our IRIs go to the local /id/ path, other http(s) IRIs as they are, anything else is not a link. */
    private static String anchor(String iri, String text, Iris iris) {
        String href = iri.startsWith(iris.base()) ? "/id/" + iri.substring(iris.base().length())
                : iri.startsWith("http://") || iri.startsWith("https://") ? iri : null;
        if (href == null) return esc(text);
        return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
    }

    private static String qname(String iri) {
        String best = null;
        for (Map.Entry<String, String> e : Vocab.PREFIXES.entrySet())
            if (iri.startsWith(e.getValue()) && (best == null || e.getValue().length() > Vocab.PREFIXES.get(best).length())) best = e.getKey();
        return best == null ? iri : best + ":" + iri.substring(Vocab.PREFIXES.get(best).length());
    }

    /** Escapes text for HTML element content and double-quoted attribute values. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
