package org.practicegraph.explore;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.practicegraph.rdf.Iris;
import org.practicegraph.rdf.Taxonomies;

/**
 * Where each kind of data IRI is shown in the explorer, and back: {@code {base}authority/X} is
 * {@code /authorities/X}, an initiative-type concept {@code …/initiative-type/X} is
 * {@code /practices/X}, and so on. Other IRIs of ours go to their linked-data page under
 * {@code /doc/}; anything else is left as it is.
 */
public record Links(Iris iris) {
    /** A kind of page: its path prefix and the IRI prefix of the things it shows. */
    public record Kind(String path, String iriPrefix) {}

    /** @return the page kinds, most specific IRI prefix first */
    public List<Kind> kinds() {
        return List.of(
                new Kind("/authorities/", iris.base() + "authority/"),
                new Kind("/initiatives/", iris.base() + "initiative/"),
                new Kind("/partners/", iris.base() + "partner/"),
                new Kind("/reports/", iris.base() + "report/"),
                new Kind("/practices/", Taxonomies.INITIATIVE_TYPE + "/"));
    }

    /** @return the explorer path showing {@code iri}, or its linked-data page, or the IRI itself */
    public String page(String iri) {
        if (iri == null) return null;
        for (Kind k : kinds())
            if (iri.startsWith(k.iriPrefix()) && iri.length() > k.iriPrefix().length())
                return k.path() + iri.substring(k.iriPrefix().length());
        if (iri.startsWith(iris.base())) return "/doc/" + iri.substring(iris.base().length());
        return iri;
    }

    /** @return the IRI a page path shows, if it is a page of one thing */
    public Optional<String> iri(String path) {
        for (Kind k : kinds())
            if (path.startsWith(k.path()) && path.length() > k.path().length())
                return Optional.of(k.iriPrefix() + path.substring(k.path().length()));
        return Optional.empty();
    }

    /** @return the link to the evidence sentence {@code start–end} highlighted in its report */
    public String evidence(String reportIri, Object start, Object end) {
        return page(reportIri) + "#s-" + start + "-" + end;
    }

    /** @return {@code s} encoded for a query string */
    public static String encode(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
