package org.practicegraph.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of a graph against a gold folder, and their text in score.py's exact wording, so the
 * two can be diffed:
 * <pre>
 *   initiatives  P=0.83 R=0.79 F1=0.81 (tp=19 fp=4 fn=5)
 *   …
 *   score        accuracy 5/5
 *   reports not in the graph: 005_x.txt
 *   OK initiatives-F1=0.81 partners-F1=0.50 metrics-F1=0.40 outcomes-R=0.33
 * </pre>
 *
 * @param initiatives    initiative counts (precision and recall)
 * @param partners       partner counts
 * @param metrics        metric counts
 * @param outcomes       outcome counts (recall only: fp is always 0)
 * @param score          report and quality-statement scores that agree
 * @param authority      named councils the graph names too
 * @param type           matched required initiatives with the gold type among their types
 * @param status         matched required initiatives with the gold status
 * @param missingReports gold reports the graph does not hold, in gold order (all their required items are misses)
 * @param details        score.py's verbose lines ({@code "  miss initiative 003_x.txt: id /regex/"},
 *                       {@code "  extra partner 003_x.txt: 'label'"}, …) in its order
 */
public record Evaluation(Tally initiatives, Tally partners, Tally metrics, Tally outcomes,
                         Accuracy score, Accuracy authority, Accuracy type, Accuracy status,
                         List<String> missingReports, List<String> details) {

    /**
     * Lowest acceptable figures: F1 for initiatives, partners and metrics, recall for outcomes.
     * A figure below its floor makes the summary line start with {@code SHORT}.
     */
    public record Floors(double initiatives, double partners, double metrics, double outcomes) {
        /** No floor: every result is OK. */
        public static final Floors NONE = new Floors(0, 0, 0, 0);
    }

    public Evaluation {
        missingReports = List.copyOf(missingReports);
        details = List.copyOf(details);
    }

    /** @return the tallies by kind, in output order: initiatives, partners, metrics, outcomes */
    public Map<String, Tally> tallies() {
        Map<String, Tally> m = new LinkedHashMap<>();
        m.put("initiatives", initiatives);
        m.put("partners", partners);
        m.put("metrics", metrics);
        m.put("outcomes", outcomes);
        return m;
    }

    /** @return the accuracies by attribute, in output order: score, authority, type, status */
    public Map<String, Accuracy> accuracies() {
        Map<String, Accuracy> m = new LinkedHashMap<>();
        m.put("score", score);
        m.put("authority", authority);
        m.put("type", type);
        m.put("status", status);
        return m;
    }

    /** @return the verbose lines about required gold items the graph lacks */
    public List<String> misses() { return details.stream().filter(l -> l.startsWith("  miss ")).toList(); }

    /** @return the verbose lines about extracted items that match no gold item */
    public List<String> extras() { return details.stream().filter(l -> l.startsWith("  extra ")).toList(); }

    /** @return the totals lines: one per kind, one per accuracy, and the missing reports if any */
    public List<String> totals() {
        List<String> lines = new ArrayList<>();
        tallies().forEach((k, t) -> lines.add(String.format("%-12s %s", k, t)));
        accuracies().forEach((k, a) -> lines.add(String.format("%-12s accuracy %s", k, a)));
        if (!missingReports.isEmpty()) lines.add("reports not in the graph: " + String.join(", ", missingReports));
        return lines;
    }

    /**
     * @param floors the floors
     * @return one entry per figure below its floor, as score.py words it ({@code "metrics 0.40<0.5"})
     */
    public List<String> shortfalls(Floors floors) {
        List<String> out = new ArrayList<>();
        double[] floor = {floors.initiatives(), floors.partners(), floors.metrics(), floors.outcomes()};
        int i = 0;
        for (var e : tallies().entrySet()) {
            double got = e.getKey().equals("outcomes") ? e.getValue().recall() : e.getValue().f1();
            double f = floor[i++];
            if (got < f) out.add(e.getKey() + " " + Py.fixed2(got) + "<" + Py.repr(f));
        }
        return out;
    }

    /** @return true when no figure is below its floor */
    public boolean meets(Floors floors) { return shortfalls(floors).isEmpty(); }

    /**
     * @param floors the floors
     * @return the last line: {@code OK initiatives-F1=… partners-F1=… metrics-F1=… outcomes-R=…}, or
     *         {@code SHORT metrics 0.40<0.5 | …} when a figure is below its floor
     */
    public String summary(Floors floors) {
        List<String> short_ = shortfalls(floors);
        String figures = "initiatives-F1=" + Py.fixed2(initiatives.f1()) + " partners-F1=" + Py.fixed2(partners.f1())
                + " metrics-F1=" + Py.fixed2(metrics.f1()) + " outcomes-R=" + Py.fixed2(outcomes.recall());
        return (short_.isEmpty() ? "OK " : "SHORT " + String.join("; ", short_) + " | ") + figures;
    }

    /**
     * @param verbose whether to start with the {@link #details()}
     * @param floors  the floors
     * @return every line score.py prints with the same options, in its order
     */
    public List<String> lines(boolean verbose, Floors floors) {
        List<String> lines = new ArrayList<>(verbose ? details : List.of());
        lines.addAll(totals());
        lines.add(summary(floors));
        return lines;
    }
}
