package org.practicegraph.server;

import java.util.List;
import java.util.Locale;

/**
 * The representations the linked-data pages offer, and content negotiation between them: the
 * type with the highest {@code q} in {@code Accept} wins; on a tie, the order of {@link #values()}
 * (Turtle first, so {@code curl} without {@code -H Accept} gets Turtle and a browser, which names
 * {@code text/html}, gets HTML).
 */
enum RdfFormats {
    TURTLE("text/turtle", "ttl"),
    HTML("text/html", "html"),
    JSONLD("application/ld+json", "jsonld"),
    NTRIPLES("application/n-triples", "nt"),
    RDFXML("application/rdf+xml", "rdf");

    final String mediaType;
    final String extension;

    RdfFormats(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** @return the format with this file extension (without the dot), or null */
    static RdfFormats byExtension(String ext) {
        for (RdfFormats f : values()) if (f.extension.equals(ext)) return f;
        return null;
    }

    /**
     * @param accept the request's {@code Accept} header; null or blank means anything
     * @return the best format, or null when the client accepts none of them (answer 406)
     */
    static RdfFormats negotiate(String accept) {
        if (accept == null || accept.isBlank()) return TURTLE;
        RdfFormats best = null;
        double bestQ = 0;
        for (RdfFormats f : values()) {
            double q = quality(accept, f.mediaType);
            if (f == HTML) q = Math.max(q, quality(accept, "application/xhtml+xml"));
            if (q > bestQ) { best = f; bestQ = q; }
        }
        return best;
    }

    /** The q the most specific matching range gives a media type; 0 when none matches. */
    static double quality(String accept, String mediaType) {
        String type = mediaType.substring(0, mediaType.indexOf('/'));
        int bestSpecificity = -1;
        double q = 0;
        for (String range : accept.split(",")) {
            List<String> parts = List.of(range.split(";"));
            String r = parts.get(0).strip().toLowerCase(Locale.ROOT);
            int specificity = r.equals(mediaType) ? 2 : r.equals(type + "/*") ? 1 : r.equals("*/*") ? 0 : -1;
            if (specificity <= bestSpecificity) continue;
            double rq = 1;
            for (String p : parts.subList(1, parts.size())) {
                String[] kv = p.strip().split("=", 2);
                if (kv.length == 2 && kv[0].strip().equals("q")) {
                    try { rq = Double.parseDouble(kv[1].strip()); } catch (NumberFormatException e) { rq = 0; }
                }
            }
            bestSpecificity = specificity;
            q = rq;
        }
        return q;
    }
}
