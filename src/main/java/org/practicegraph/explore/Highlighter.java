package org.practicegraph.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.jsoup.nodes.Entities;

/**
 * A report's text as HTML with its evidence spans marked by kind. Spans may nest or overlap (one
 * sentence can evidence an initiative, a partner and a figure), so the text is cut at every span
 * boundary and each piece is marked with the kinds of all spans covering it. Each distinct span
 * gets an anchor {@code s-START-END}, the target of evidence links, and every piece inside it the
 * class {@code in-s-START-END}, so a script can light up the whole sentence a link points to.
 */
public final class Highlighter {
    private Highlighter() {}

    /** An extracted fact's evidence span: character offsets into the text, the fact's kind and label. */
    public record Span(int start, int end, String kind, String label) {
        public Span {
            if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + "-" + end);
        }
    }

    /**
     * @param text  the report's text
     * @param spans evidence spans; those outside the text are ignored
     * @return HTML: the escaped text with {@code <mark>} elements, newlines kept
     */
    public static String html(String text, List<Span> spans) {
        List<Span> valid = spans.stream().filter(s -> s.end() <= text.length()).toList();
        SortedSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        for (Span s : valid) { cuts.add(s.start()); cuts.add(s.end()); }
        StringBuilder h = new StringBuilder(text.length() * 2);
        TreeSet<String> anchored = new TreeSet<>();
        Integer prev = null;
        for (int cut : cuts) {
            if (prev != null && cut > prev) piece(h, text, prev, cut, valid, anchored);
            prev = cut;
        }
        return h.toString();
    }

    private static void piece(StringBuilder h, String text, int from, int to, List<Span> spans, TreeSet<String> anchored) {
        TreeSet<String> kinds = new TreeSet<>(), within = new TreeSet<>();
        List<String> titles = new ArrayList<>();
        List<String> anchors = new ArrayList<>();
        for (Span s : spans) {
            if (s.start() <= from && to <= s.end()) {
                kinds.add(s.kind());
                titles.add(s.kind() + (s.label() == null ? "" : ": " + s.label()));
                String id = "s-" + s.start() + "-" + s.end();
                within.add("in-" + id);
                if (s.start() == from && anchored.add(id)) anchors.add(id);
            }
        }
        for (String id : anchors) h.append("<span class=\"anchor\" id=\"").append(id).append("\"></span>");
        String piece = Entities.escape(text.substring(from, to));
        if (kinds.isEmpty()) { h.append(piece); return; }
        h.append("<mark class=\"");
        kinds.forEach(k -> h.append("k-").append(Entities.escape(k)).append(' '));
        within.forEach(id -> h.append(id).append(' '));
        h.setLength(h.length() - 1);
        h.append("\" title=\"").append(Entities.escape(String.join("; ", new TreeSet<>(titles)))).append("\">")
                .append(piece).append("</mark>");
    }
}
