package org.practicegraph.evaluate;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.practicegraph.evaluate.GoldReport.Initiative;
import org.practicegraph.evaluate.GoldReport.Item;
import org.practicegraph.evaluate.GoldReport.Metric;
import org.practicegraph.evaluate.GoldReport.Outcome;
import org.practicegraph.evaluate.GoldReport.Partner;

/**
 * Scores a graph against gold annotations exactly as score.py does: the same seven queries
 * ({@code /evaluate/*.rq}), the same matching rules, the same counts and verbose lines. Where this
 * and score.py disagree on a graph, this is wrong ({@code ScorePyAgreementTest} holds them together).
 * <pre>
 *   Evaluation e = Evaluator.evaluate(Sparql.of(store.dataset()), GoldReport.readFolder(Path.of("gold")));
 *   e.lines(true, Evaluation.Floors.NONE).forEach(System.out::println);
 * </pre>
 */
public final class Evaluator {
    private Evaluator() {}

    private static final String REPORTS = query("reports"), ASSESSMENTS = query("assessments"),
            INITIATIVES = query("initiatives"), PARTNERS = query("partners"),
            INITIATIVE_PARTNERS = query("initiative-partners"), METRICS = query("metrics"), OUTCOMES = query("outcomes");
    private static final List<String> KINDS = List.of("initiatives", "partners", "metrics", "outcomes");
    /** score.py's STATEMENT_KEYS: the first word found in a title gives the quality statement's key. */
    private static final String[][] STATEMENT_KEYS = {{"assessing", "assessing-needs"}, {"healthier", "healthier-lives"},
            {"equity", "equity"}, {"care provision", "care-provision"}, {"partnership", "partnerships"},
            {"safe pathways", "safe-pathways"}, {"safe systems", "safe-pathways"}, {"safeguarding", "safeguarding"},
            {"governance", "governance"}, {"learning", "learning"}};
    private static final Pattern IRI_SEPARATOR = Pattern.compile("[#/]");

    private record InitiativeNode(String iri, String label, Set<String> keys, String status) {}

    private record MetricNode(Double value, String unit, StringBuilder text) {}

    private record Matches<E>(Tally tally, Map<Object, List<E>> matched) {}

    /**
     * @param graph the graph to score
     * @param gold  the annotations, as {@link GoldReport#readFolder} gives them
     * @return the scores; gold reports absent from the graph count all their required items as misses
     * @throws RuntimeException (Jena's) when a query fails
     */
    public static Evaluation evaluate(Sparql graph, List<GoldReport> gold) {
        requireNonNull(graph, "graph");
        requireNonNull(gold, "gold");
        Set<String> files = new LinkedHashSet<>();
        graph.select(REPORTS).forEach(r -> files.add(r.get("file")));
        List<Map<String, String>> assessments = graph.select(ASSESSMENTS), inits = graph.select(INITIATIVES),
                partners = graph.select(PARTNERS), metrics = graph.select(METRICS);
        graph.select(INITIATIVE_PARTNERS); // score.py runs it but scores nothing with it; so a failing query fails both
        List<Map<String, String>> outcomes = graph.select(OUTCOMES);

        Map<String, Tally> totals = new LinkedHashMap<>();
        KINDS.forEach(k -> totals.put(k, Tally.ZERO));
        Accuracy score = Accuracy.ZERO, authority = Accuracy.ZERO, type = Accuracy.ZERO, status = Accuracy.ZERO;
        List<String> missing = new ArrayList<>(), details = new ArrayList<>();
        for (GoldReport g : gold) {
            String file = g.report();
            if (!files.contains(file)) {
                missing.add(file);
                for (String k : KINDS)
                    totals.merge(k, new Tally(0, 0, (int) g.items(k).stream().filter(x -> !x.optional()).count()), Tally::plus);
                continue;
            }
            // score and authority
            List<Map<String, String>> rows = ofFile(assessments, file);
            if (g.score() != null) score = score.plus(rows.stream().anyMatch(a -> same(Py.toFloat(a.get("score")), g.score())));
            for (var s : g.statementScores().entrySet()) {
                String key = statementKey(s.getKey());
                score = score.plus(rows.stream().anyMatch(a -> statementKey(a.get("statement")).equals(key)
                        && same(Py.toFloat(a.get("score")), s.getValue())));
            }
            if (g.authority() != null && !g.authority().isEmpty()) {
                String name = lower(g.authority());
                authority = authority.plus(rows.stream().anyMatch(a -> lower(a.getOrDefault("authority", "")).contains(name)));
            }

            // initiatives: one extracted node may have several type rows
            Map<String, InitiativeNode> nodes = new LinkedHashMap<>();
            for (var r : ofFile(inits, file)) {
                InitiativeNode n = nodes.computeIfAbsent(r.get("i"),
                        i -> new InitiativeNode(i, r.get("label"), new LinkedHashSet<>(), lower(local(r.get("status")))));
                if (r.get("key") != null && !r.get("key").isEmpty()) n.keys().add(r.get("key"));
            }
            List<InitiativeNode> ext = List.copyOf(nodes.values());
            BiPredicate<Initiative, InitiativeNode> ifit = (gi, e) -> gi.pattern().matcher(e.label()).find();
            Matches<InitiativeNode> im = match(g.initiatives(), ext, ifit, Initiative::id);
            totals.merge("initiatives", im.tally(), Tally::plus);
            for (Initiative gi : g.initiatives()) {
                List<InitiativeNode> hits = im.matched().get(gi.id());
                if (hits == null || gi.optional()) continue;
                type = type.plus(hits.stream().anyMatch(e -> e.keys().contains(gi.type())));
                status = status.plus(hits.stream().anyMatch(e -> e.status().contains(gi.status())));
            }
            for (Initiative gi : g.initiatives())
                if (!im.matched().containsKey(gi.id()) && !gi.optional())
                    details.add("  miss initiative " + file + ": " + gi.id() + " /" + gi.match() + "/");
            for (InitiativeNode e : ext)
                if (g.initiatives().stream().noneMatch(gi -> ifit.test(gi, e)))
                    details.add("  extra initiative " + file + ": " + Py.repr(e.label()));

            // partners: a node with two labels is two extracted items
            List<String> pext = ofFile(partners, file).stream().map(r -> r.get("label")).toList();
            BiPredicate<Partner, String> pfit = (gp, label) -> gp.pattern().matcher(label).find();
            totals.merge("partners", match(g.partners(), pext, pfit, gp -> gp).tally(), Tally::plus);
            for (Partner gp : g.partners())
                if (!gp.optional() && pext.stream().noneMatch(e -> pfit.test(gp, e)))
                    details.add("  miss partner " + file + ": " + gp.id() + " /" + gp.match() + "/");
            for (String e : pext)
                if (g.partners().stream().noneMatch(gp -> pfit.test(gp, e)))
                    details.add("  extra partner " + file + ": " + Py.repr(e));

            // metrics: value and unit from a node's first row, text from all its rows
            Map<String, MetricNode> mnodes = new LinkedHashMap<>();
            for (var r : ofFile(metrics, file)) {
                MetricNode m = mnodes.computeIfAbsent(r.get("m"),
                        k -> new MetricNode(Py.toFloat(r.get("value")), unitKind(r.get("unit")), new StringBuilder()));
                m.text().append(' ').append(r.getOrDefault("label", "")).append(' ').append(r.getOrDefault("quote", ""));
            }
            List<MetricNode> mext = List.copyOf(mnodes.values());
            BiPredicate<Metric, MetricNode> mfit = (gm, e) -> e.value() != null && Math.abs(e.value() - gm.value()) < 0.01
                    && e.unit().equals(gm.unit()) && gm.pattern().matcher(e.text()).find();
            totals.merge("metrics", match(g.metrics(), mext, mfit, gm -> gm).tally(), Tally::plus);
            for (Metric gm : g.metrics())
                if (!gm.optional() && mext.stream().noneMatch(e -> mfit.test(gm, e)))
                    details.add("  miss metric " + file + ": " + gm.valueText() + " " + gm.unit() + " /"
                            + (gm.about() == null ? "None" : gm.about()) + "/");
            for (MetricNode e : mext)
                if (g.metrics().stream().noneMatch(gm -> mfit.test(gm, e)))
                    details.add("  extra metric " + file + ": " + (e.value() == null ? "None" : Py.repr(e.value())) + " "
                            + e.unit() + " " + Py.repr(Py.head(e.text().toString(), 80)));

            // outcomes: recall only (an outcome label is free text)
            int tp = 0, fn = 0;
            for (Outcome go : g.outcomes()) {
                if (go.optional()) continue;
                Set<String> inodes = new LinkedHashSet<>();
                im.matched().getOrDefault(go.initiative(), List.of()).forEach(e -> inodes.add(e.iri()));
                boolean ok = outcomes.stream().anyMatch(r -> inodes.contains(r.get("i"))
                        && go.pattern().matcher(r.getOrDefault("label", "") + " " + r.getOrDefault("quote", "")).find());
                if (ok) tp++;
                else {
                    fn++;
                    details.add("  miss outcome " + file + ": " + go.initiative() + " -> /" + go.match() + "/");
                }
            }
            totals.merge("outcomes", new Tally(tp, 0, fn), Tally::plus);
        }
        return new Evaluation(totals.get("initiatives"), totals.get("partners"), totals.get("metrics"),
                totals.get("outcomes"), score, authority, type, status, missing, details);
    }

    /** score.py's match_items: each gold item's hits (keyed as it keys them), and the tally. */
    private static <G extends Item, E> Matches<E> match(List<G> gold, List<E> extracted, BiPredicate<G, E> fits,
                                                        Function<G, Object> key) {
        int tp = 0, fp = 0, fn = 0;
        Map<Object, List<E>> matched = new LinkedHashMap<>();
        for (G g : gold) {
            List<E> hits = extracted.stream().filter(e -> fits.test(g, e)).toList();
            if (!hits.isEmpty()) {
                matched.put(key.apply(g), hits);
                if (!g.optional()) tp++;
            } else if (!g.optional()) {
                fn++;
            }
        }
        for (E e : extracted)
            if (gold.stream().noneMatch(g -> fits.test(g, e))) fp++;
        return new Matches<>(new Tally(tp, fp, fn), matched);
    }

    private static List<Map<String, String>> ofFile(List<Map<String, String>> rows, String file) {
        return rows.stream().filter(r -> file.equals(r.get("file"))).toList();
    }

    /** Python's {@code float == number}: a missing value equals nothing. */
    private static boolean same(Double a, double b) { return a != null && a == b; }

    private static String lower(String s) { return s == null ? "" : s.toLowerCase(Locale.ROOT); }

    /** @return the text after the last '#' or '/' of an IRI ("" for null), as score.py's {@code local} */
    static String local(String iri) {
        String[] parts = IRI_SEPARATOR.split(iri == null ? "" : iri, -1);
        return parts[parts.length - 1];
    }

    /** @return score.py's {@code unit_kind}: percent, GBP, years, count, or the unit lower-cased */
    static String unitKind(String unit) {
        String u = lower(unit);
        if (u.contains("percent") || u.contains("%")) return "percent";
        if (u.contains("gbp") || u.contains("pound") || u.contains("£") || u.contains("currency")) return "GBP";
        if (u.contains("year")) return "years";
        if (u.contains("count") || u.contains("num") || u.contains("number") || u.isEmpty()) return "count";
        return u;
    }

    /** @return score.py's {@code statement_key} of a quality statement's title ("" for null) */
    static String statementKey(String title) {
        String t = lower(title);
        for (String[] k : STATEMENT_KEYS)
            if (t.contains(k[0])) return k[1];
        return t;
    }

    private static String query(String name) {
        try (InputStream in = Evaluator.class.getResourceAsStream("/evaluate/" + name + ".rq")) {
            if (in == null) throw new IllegalStateException("/evaluate/" + name + ".rq is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
