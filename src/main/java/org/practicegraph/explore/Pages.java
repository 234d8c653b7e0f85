package org.practicegraph.explore;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * What each page shows: runs the page's queries and shapes their rows into the model its template
 * reads. A page is a template name, the model, and the queries whose results it offers as CSV.
 */
final class Pages {
    /** A page ready to render; {@code downloads} are the query names offered as CSV, with ?this bound to {@code self}. */
    record Page(String template, Map<String, Object> model, List<String> downloads, Node self) {}

    private final PageData data;

    Pages(PageData data) { this.data = data; }

    Page home() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Practice Graph");
        m.put("counts", first(data.rows("counts", null)));
        m.put("authorities", data.rows("authorities-by-score", null));
        List<Map<String, Object>> dist = data.rows("score-distribution", null);
        m.put("scoreChart", Charts.bars("Quality-statement assessments by score",
                dist.stream().map(r -> new Charts.Bar("Score " + r.get("score") + (r.get("scoreLabel") == null ? "" : " (" + r.get("scoreLabel") + ")"),
                        Double.parseDouble((String) r.get("assessments")), null)).toList()));
        m.put("scoreDistribution", dist);
        m.put("heatmap", heatmap(data.rows("type-by-score", null)));
        m.put("recent", data.rows("recent-loads", null));
        return new Page("home", m, List.of("counts", "authorities-by-score", "score-distribution", "type-by-score", "recent-loads"), null);
    }

    /** Rows of initiative type × score 1–4, each cell with its count and shade. */
    private static Map<String, Object> heatmap(List<Map<String, Object>> rows) {
        long max = rows.stream().mapToLong(r -> Long.parseLong((String) r.get("initiatives"))).max().orElse(0);
        Map<String, Map<String, Object>> byType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map<String, Object> r : rows) {
            Map<String, Object> line = byType.computeIfAbsent((String) r.get("typeLabel"), t -> {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("typeLabel", t);
                l.put("typeHref", r.get("typeHref"));
                l.put("counts", new long[5]);
                return l;
            });
            int score = Integer.parseInt((String) r.get("score"));
            if (score >= 1 && score <= 4) ((long[]) line.get("counts"))[score] += Long.parseLong((String) r.get("initiatives"));
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> l : byType.values()) {
            long[] c = (long[]) l.remove("counts");
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int s = 1; s <= 4; s++) cells.add(Map.of("score", s, "count", c[s], "level", Charts.level(c[s], max)));
            l.put("cells", cells);
            lines.add(l);
        }
        return Map.of("rows", lines, "scores", List.of(1, 2, 3, 4), "empty", lines.isEmpty());
    }

    Page authority(Node self) {
        Map<String, Object> info = first(data.rows("authority", self));
        if (info == null) return null;
        Map<String, Object> m = new LinkedHashMap<>(info);
        m.put("title", info.get("label"));
        m.put("unidentified", "true".equals(info.get("unidentified")));
        m.put("scores", data.rows("authority-scores", self));
        List<Map<String, Object>> initiatives = Rows.group(data.rows("authority-initiatives", self), "initiative", "evidence",
                List.of("quote", "evidenceHref"));
        initiatives.forEach(Pages::badge);
        m.put("types", Rows.group(initiatives, "type", "initiatives",
                List.of("label", "initiativeHref", "status", "statusClass", "evidence")));
        m.put("partners", Rows.group(data.rows("authority-partners", self), "partner", "mentions",
                List.of("quote", "evidenceHref", "initiativeLabel", "initiativeHref")));
        List<Map<String, Object>> metrics = data.rows("authority-metrics", self);
        metrics.forEach(Pages::figure);
        m.put("metrics", metrics);
        m.put("outcomes", data.rows("authority-outcomes", self));
        return new Page("authority", m, List.of("authority-scores", "authority-initiatives", "authority-partners",
                "authority-metrics", "authority-outcomes"), self);
    }

    Page authorities() {
        return new Page("authorities", Map.of("title", "Authorities", "authorities", data.rows("authorities", null)),
                List.of("authorities"), null);
    }

    Page practices() {
        return new Page("practices", Map.of("title", "Practices", "practices", data.rows("practices", null)),
                List.of("practices"), null);
    }

    Page practice(Node self) {
        Map<String, Object> info = first(data.rows("practice", self));
        if (info == null) return null;
        Map<String, Object> m = new LinkedHashMap<>(info);
        m.put("title", info.get("label"));
        List<Map<String, Object>> rows = data.rows("practice-initiatives", self);
        rows.forEach(Pages::badge);
        // one line per initiative: the rows come best score first, so the first is kept
        List<Map<String, Object>> initiatives = Rows.group(rows, "initiative", "unused", List.of());
        m.put("initiatives", initiatives);
        m.put("authorities", Rows.group(initiatives, "authority", "initiatives", List.of("label", "initiativeHref", "score")));
        m.put("outcomes", data.rows("practice-outcomes", self));
        m.put("partners", data.rows("practice-partners", self));
        m.put("similar", Rows.group(data.rows("practice-similar", self), "initiative", "others",
                List.of("otherLabel", "otherHref", "otherAuthorityLabel", "otherAuthorityHref", "otherTypeLabel", "otherTypeHref", "score")));
        return new Page("practice", m, List.of("practice-initiatives", "practice-outcomes", "practice-partners", "practice-similar"), self);
    }

    Page initiative(Node self) {
        Map<String, Object> info = first(data.rows("initiative", self));
        if (info == null) return null;
        Map<String, Object> m = new LinkedHashMap<>(info);
        badge(m);
        m.put("title", info.get("label"));
        Map<String, List<Map<String, Object>>> byKind = new TreeMap<>();
        for (Map<String, Object> r : data.rows("initiative-claims", self))
            byKind.computeIfAbsent((String) r.get("kind"), k -> new ArrayList<>()).add(r);
        m.put("evidence", byKind.getOrDefault("evidence", List.of()));
        m.put("partners", Rows.group(byKind.getOrDefault("partner", List.of()), "item", "quotes", List.of("quote", "evidenceHref")));
        m.put("outcomes", byKind.getOrDefault("outcome", List.of()));
        m.put("metrics", byKind.getOrDefault("metric", List.of()));
        m.put("similar", data.rows("initiative-similar", self));
        return new Page("initiative", m, List.of("initiative-claims", "initiative-similar"), self);
    }

    Page partners() {
        return new Page("partners", Map.of("title", "Partners", "partners", data.rows("partners", null)), List.of("partners"), null);
    }

    Page partner(Node self) {
        Map<String, Object> info = first(data.rows("partner", self));
        if (info == null) return null;
        Map<String, Object> m = new LinkedHashMap<>(info);
        m.put("title", info.get("label"));
        List<Map<String, Object>> rows = data.rows("partner-authorities", self);
        m.put("authorities", Rows.group(rows, "authority", "mentions", List.of("quote", "evidenceHref")));
        m.put("initiatives", Rows.group(rows.stream().filter(r -> r.containsKey("initiative")).toList(), "initiative", "unused", List.of()));
        return new Page("partner", m, List.of("partner-authorities"), self);
    }

    Page report(Node self) {
        Map<String, Object> info = first(data.rows("report", self));
        if (info == null) return null;
        Map<String, Object> m = new LinkedHashMap<>(info);
        m.remove("text");
        m.put("title", info.getOrDefault("title", info.get("file")));
        List<Map<String, Object>> spans = data.rows("report-spans", self);
        TreeMap<String, TreeSet<String>> kinds = new TreeMap<>();
        spans.forEach(s -> kinds.computeIfAbsent((String) s.get("kind"), k -> new TreeSet<>()).add((String) s.get("item")));
        m.put("legend", kinds.entrySet().stream().map(e -> Map.of("kind", e.getKey(), "count", e.getValue().size())).toList());
        String text = (String) info.get("text");
        m.put("hasText", text != null);
        if (text != null)
            m.put("html", Highlighter.html(text, spans.stream().map(s -> new Highlighter.Span(
                    Integer.parseInt((String) s.get("start")), Integer.parseInt((String) s.get("end")),
                    (String) s.get("kind"), (String) s.get("label"))).toList()));
        return new Page("report", m, List.of("report-spans"), self);
    }

    /** Adds {@code statusClass} for the status badge (established, pilot, planned). */
    private static void badge(Map<String, Object> row) {
        Object status = row.get("status");
        if (status != null) row.put("statusClass", "badge-" + status.toString().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", ""));
    }

    /** Adds {@code figure}: "89%", "40% → 89%", "89% vs 80% expected". */
    private static void figure(Map<String, Object> row) {
        row.put("figure", MetricText.format(decimal(row.get("value")), (String) row.get("unit"),
                decimal(row.get("baseline")), decimal(row.get("comparator"))));
    }

    private static BigDecimal decimal(Object o) {
        if (o == null) return null;
        try {
            return new BigDecimal(o.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, Object> first(List<Map<String, Object>> rows) { return rows.isEmpty() ? null : rows.get(0); }

    static Node iri(String iri) { return NodeFactory.createURI(iri); }
}
