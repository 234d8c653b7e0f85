package org.practicegraph.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.practicegraph.report.Report;
import org.practicegraph.report.Reports;

/**
 * Scores extracted facts against gold files with the matching rules of {@code gold/score.py}
 * (gold/SCHEMA.md): initiatives, partners and metrics as precision/recall, outcomes as recall, type and
 * status as accuracy over the matched required initiatives. Prints every miss and extra. Units are
 * compared by their notation (percent, count, GBP, years, months, weeks, days, hours).
 */
final class GoldScorer {
    final Map<String, Tally> totals = new TreeMap<>();
    final int[] type = new int[2], status = new int[2];
    private final Lexicon lexicon;
    private final boolean verbose;

    static final class Tally {
        int tp, fp, fn;
        double p() { return tp + fp == 0 ? 1 : (double) tp / (tp + fp); }
        double r() { return tp + fn == 0 ? 1 : (double) tp / (tp + fn); }
        double f() { double p = p(), r = r(); return p + r == 0 ? 0 : 2 * p * r / (p + r); }
        @Override public String toString() { return String.format(Locale.ROOT, "P=%.2f R=%.2f F1=%.2f (tp=%d fp=%d fn=%d)", p(), r(), f(), tp, fp, fn); }
    }

    GoldScorer(Lexicon lexicon, boolean verbose) {
        this.lexicon = lexicon;
        this.verbose = verbose;
        for (String k : List.of("initiatives", "partners", "metrics", "outcomes")) totals.put(k, new Tally());
    }

    /** Scores every gold file of {@code goldDir} against the report of the same name in {@code reportDir}. */
    static GoldScorer scoreDirectory(Path reportDir, Path goldDir, boolean verbose) throws IOException {
        Extractor extractor = Extractor.fromClasspath();
        GoldScorer scorer = new GoldScorer(Lexicon.fromClasspath(Extractor.TAXONOMIES), verbose);
        List<Path> golds;
        try (Stream<Path> s = Files.list(goldDir)) {
            golds = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path g : golds) {
            JsonObject gold = JSON.read(g.toString());
            Report report = Reports.parse(reportDir.resolve(gold.get("report").getAsString().value()));
            List<Fact> facts = new ArrayList<>();
            extractor.extract(report, facts::add);
            scorer.score(report.fileName(), gold, facts);
        }
        scorer.print();
        return scorer;
    }

    void print() {
        totals.forEach((k, t) -> System.out.println(String.format("%-12s %s", k, t)));
        System.out.println("type         accuracy " + type[0] + "/" + type[1]);
        System.out.println("status       accuracy " + status[0] + "/" + status[1]);
    }

    double f1(String kind) { return totals.get(kind).f(); }
    double recall(String kind) { return totals.get(kind).r(); }
    double typeAccuracy() { return (double) type[0] / Math.max(1, type[1]); }
    double statusAccuracy() { return (double) status[0] / Math.max(1, status[1]); }

    private void say(String s) { if (verbose) System.out.println(s); }

    private static String brief(JsonObject g) {
        StringBuilder b = new StringBuilder();
        for (String k : List.of("id", "match", "value", "unit", "about")) if (g.hasKey(k)) b.append(k).append('=').append(str(g, k)).append(' ');
        return b.toString().strip();
    }

    private static Pattern rx(String s) { return Pattern.compile(s, Pattern.CASE_INSENSITIVE); }

    private static String str(JsonObject o, String k) {
        JsonValue v = o.get(k);
        return v == null || v.isNull() ? null : v.isString() ? v.getAsString().value() : v.toString();
    }

    private static boolean optional(JsonObject o) { return o.hasKey("optional") && o.get("optional").getAsBoolean().value(); }

    private static List<JsonObject> items(JsonObject gold, String k) {
        List<JsonObject> out = new ArrayList<>();
        JsonArray a = gold.hasKey(k) ? gold.get(k).getAsArray() : new JsonArray();
        a.forEach(v -> out.add(v.getAsObject()));
        return out;
    }

    /** score.py's match_items: tp/fn over required gold items, fp over extracted items that fit no gold item. */
    private <E> Map<JsonObject, List<E>> match(String kind, String file, List<JsonObject> gold, List<E> ext,
                                               BiPredicate<JsonObject, E> fits, Function<E, String> show) {
        Tally t = totals.get(kind);
        Map<JsonObject, List<E>> matched = new IdentityHashMap<>();
        for (JsonObject g : gold) {
            List<E> hits = ext.stream().filter(e -> fits.test(g, e)).toList();
            if (!hits.isEmpty()) { matched.put(g, hits); if (!optional(g)) t.tp++; }
            else if (!optional(g)) { t.fn++; say("  miss " + kind + " " + file + ": " + brief(g)); }
        }
        for (E e : ext)
            if (gold.stream().noneMatch(g -> fits.test(g, e))) { t.fp++; say("  extra " + kind + " " + file + ": " + show.apply(e)); }
        return matched;
    }

    void score(String file, JsonObject gold, List<Fact> facts) {
        List<InitiativeFact> inits = facts.stream().filter(f -> f instanceof InitiativeFact).map(f -> (InitiativeFact) f).toList();
        Map<JsonObject, List<InitiativeFact>> mi = match("initiatives", file, items(gold, "initiatives"), inits,
                (g, e) -> rx(str(g, "match")).matcher(e.label()).find(), e -> e.label() + " [" + e.type() + ", " + e.status() + ", " + e.evidence().get(0).rule() + "]");
        for (JsonObject g : items(gold, "initiatives")) {
            List<InitiativeFact> hits = mi.get(g);
            if (hits == null || optional(g)) continue;
            type[1]++;
            if (hits.stream().anyMatch(e -> lexicon.withBroader(Lexicon.INITIATIVE_TYPES, e.type()).contains(str(g, "type")))) type[0]++;
            else say("  type " + file + ": " + str(g, "id") + " want " + str(g, "type") + " got " + hits.get(0).type() + " (" + hits.get(0).label() + ")");
            status[1]++;
            String want = g.hasKey("status") ? str(g, "status") : "established";
            if (hits.stream().anyMatch(e -> e.status().name().toLowerCase(Locale.ROOT).contains(want))) status[0]++;
            else say("  status " + file + ": " + str(g, "id") + " want " + want + " got " + hits.get(0).status());
        }
        List<PartnerFact> partners = facts.stream().filter(f -> f instanceof PartnerFact).map(f -> (PartnerFact) f).toList();
        match("partners", file, items(gold, "partners"), partners, (g, e) -> rx(str(g, "match")).matcher(e.label()).find(),
                e -> e.label() + " [" + e.kind() + "]");
        List<MetricFact> metrics = facts.stream().filter(f -> f instanceof MetricFact).map(f -> (MetricFact) f).toList();
        match("metrics", file, items(gold, "metrics"), metrics, GoldScorer::fitsMetric,
                e -> e.value() + " " + e.unit() + " " + e.label());
        Tally t = totals.get("outcomes");
        List<OutcomeFact> outcomes = facts.stream().filter(f -> f instanceof OutcomeFact).map(f -> (OutcomeFact) f).toList();
        for (JsonObject go : items(gold, "outcomes")) {
            if (optional(go)) continue;
            JsonObject gi = items(gold, "initiatives").stream().filter(x -> str(x, "id").equals(str(go, "initiative"))).findFirst().orElse(null);
            List<String> keys = gi == null || mi.get(gi) == null ? List.of() : mi.get(gi).stream().map(InitiativeFact::key).toList();
            boolean ok = outcomes.stream().anyMatch(o -> keys.contains(o.initiativeKey())
                    && rx(str(go, "match")).matcher(o.label() + " " + o.evidence().get(0).quote()).find());
            if (ok) t.tp++;
            else { t.fn++; say("  miss outcome " + file + ": " + str(go, "initiative") + " -> /" + str(go, "match") + "/"); }
        }
    }

    private static boolean fitsMetric(JsonObject g, MetricFact e) {
        double want = Double.parseDouble(str(g, "value"));
        String text = " " + e.label() + " " + e.evidence().get(0).quote();
        String about = str(g, "about") == null ? "." : str(g, "about");
        return Math.abs(e.value().doubleValue() - want) < 0.01 && unitKind(e.unit()).equals(str(g, "unit")) && rx(about).matcher(text).find();
    }

    /** score.py's unit_kind. */
    static String unitKind(String u) {
        u = u == null ? "" : u.toLowerCase(Locale.ROOT);
        if (u.contains("percent") || u.contains("%")) return "percent";
        if (u.contains("gbp") || u.contains("pound") || u.contains("£") || u.contains("currency")) return "GBP";
        if (u.contains("year")) return "years";
        if (u.contains("count") || u.contains("num") || u.isEmpty()) return "count";
        return u;
    }
}
