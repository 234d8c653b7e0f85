package org.practicegraph.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicegraph.report.Report;
import org.practicegraph.report.Reports;

/**
 * Floors sit a little below the figures reached when the rules were last tuned (initiatives F1 0.94,
 * partners 1.00, metrics 1.00, outcome recall 0.98, type 0.96, status 0.98), and never below the targets
 * of the issue "Extraction that generalises" (0.85, 0.90, 0.95, 0.80, 0.90, 0.85): a drop fails the build.
 * The samples are all one quality statement, so these figures overstate quality on unseen reports.
 *
 * Scores the extractor on the sample reports against the gold files with the matching rules of
 * {@code gold/score.py} (see gold/SCHEMA.md), prints every miss and extra, and fails below the floors.
 */
class ExtractionQualityTest {
    static final Map<String, Tally> TOTALS = new TreeMap<>();
    static final int[] TYPE = new int[2], STATUS = new int[2];

    static final class Tally {
        int tp, fp, fn;
        double p() { return tp + fp == 0 ? 1 : (double) tp / (tp + fp); }
        double r() { return tp + fn == 0 ? 1 : (double) tp / (tp + fn); }
        double f() { double p = p(), r = r(); return p + r == 0 ? 0 : 2 * p * r / (p + r); }
        @Override public String toString() { return String.format(Locale.ROOT, "P=%.2f R=%.2f F1=%.2f (tp=%d fp=%d fn=%d)", p(), r(), f(), tp, fp, fn); }
    }

    @BeforeAll
    static void scoreAll() throws IOException {
        Extractor extractor = Extractor.fromClasspath();
        Lexicon lexicon = Lexicon.fromClasspath(Extractor.TAXONOMIES);
        for (String k : List.of("initiatives", "partners", "metrics", "outcomes")) TOTALS.put(k, new Tally());
        List<Path> golds;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/gold"))) {
            golds = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path g : golds) {
            JsonObject gold = JSON.read(g.toString());
            Report report = Reports.parse(Path.of("corpus/sample", gold.get("report").getAsString().value()));
            List<Fact> facts = new ArrayList<>();
            extractor.extract(report, facts::add);
            score(report.fileName(), gold, facts, lexicon);
        }
        TOTALS.forEach((k, t) -> System.out.println(String.format("%-12s %s", k, t)));
        System.out.println("type         accuracy " + TYPE[0] + "/" + TYPE[1]);
        System.out.println("status       accuracy " + STATUS[0] + "/" + STATUS[1]);
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
    private static <E> Map<JsonObject, List<E>> match(String kind, String file, List<JsonObject> gold, List<E> ext,
                                                      BiPredicate<JsonObject, E> fits, java.util.function.Function<E, String> show) {
        Tally t = TOTALS.get(kind);
        Map<JsonObject, List<E>> matched = new java.util.IdentityHashMap<>();
        for (JsonObject g : gold) {
            List<E> hits = ext.stream().filter(e -> fits.test(g, e)).toList();
            if (!hits.isEmpty()) { matched.put(g, hits); if (!optional(g)) t.tp++; }
            else if (!optional(g)) { t.fn++; System.out.println("  miss " + kind + " " + file + ": " + g); }
        }
        for (E e : ext)
            if (gold.stream().noneMatch(g -> fits.test(g, e))) { t.fp++; System.out.println("  extra " + kind + " " + file + ": " + show.apply(e)); }
        return matched;
    }

    static void score(String file, JsonObject gold, List<Fact> facts, Lexicon lexicon) {
        List<InitiativeFact> inits = facts.stream().filter(f -> f instanceof InitiativeFact).map(f -> (InitiativeFact) f).toList();
        Map<JsonObject, List<InitiativeFact>> mi = match("initiatives", file, items(gold, "initiatives"), inits,
                (g, e) -> rx(str(g, "match")).matcher(e.label()).find(), e -> e.label() + " [" + e.type() + ", " + e.status() + ", " + e.evidence().get(0).rule() + "]");
        for (JsonObject g : items(gold, "initiatives")) {
            List<InitiativeFact> hits = mi.get(g);
            if (hits == null || optional(g)) continue;
            TYPE[1]++;
            if (hits.stream().anyMatch(e -> lexicon.withBroader(Lexicon.INITIATIVE_TYPES, e.type()).contains(str(g, "type")))) TYPE[0]++;
            else System.out.println("  type " + file + ": " + str(g, "id") + " want " + str(g, "type") + " got " + hits.get(0).type() + " (" + hits.get(0).label() + ")");
            STATUS[1]++;
            String want = g.hasKey("status") ? str(g, "status") : "established";
            if (hits.stream().anyMatch(e -> e.status().name().toLowerCase(Locale.ROOT).contains(want))) STATUS[0]++;
            else System.out.println("  status " + file + ": " + str(g, "id") + " want " + want + " got " + hits.get(0).status());
        }
        List<PartnerFact> partners = facts.stream().filter(f -> f instanceof PartnerFact).map(f -> (PartnerFact) f).toList();
        match("partners", file, items(gold, "partners"), partners, (g, e) -> rx(str(g, "match")).matcher(e.label()).find(),
                e -> e.label() + " [" + e.kind() + "]");
        List<MetricFact> metrics = facts.stream().filter(f -> f instanceof MetricFact).map(f -> (MetricFact) f).toList();
        match("metrics", file, items(gold, "metrics"), metrics, (g, e) -> fitsMetric(g, e),
                e -> e.value() + " " + e.unit() + " " + e.label());
        Tally t = TOTALS.get("outcomes");
        List<OutcomeFact> outcomes = facts.stream().filter(f -> f instanceof OutcomeFact).map(f -> (OutcomeFact) f).toList();
        for (JsonObject go : items(gold, "outcomes")) {
            if (optional(go)) continue;
            JsonObject gi = items(gold, "initiatives").stream().filter(x -> str(x, "id").equals(str(go, "initiative"))).findFirst().orElse(null);
            List<String> keys = gi == null || mi.get(gi) == null ? List.of() : mi.get(gi).stream().map(InitiativeFact::key).toList();
            boolean ok = outcomes.stream().anyMatch(o -> keys.contains(o.initiativeKey())
                    && rx(str(go, "match")).matcher(o.label() + " " + o.evidence().get(0).quote()).find());
            if (ok) t.tp++;
            else { t.fn++; System.out.println("  miss outcome " + file + ": " + str(go, "initiative") + " -> /" + str(go, "match") + "/"); }
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

    @Test
    void initiativesAreFoundWithTheirTypeAndStatus() {
        assertThat(TOTALS.get("initiatives").f()).as("initiatives F1").isGreaterThanOrEqualTo(0.91);
        assertThat((double) TYPE[0] / Math.max(1, TYPE[1])).as("type accuracy").isGreaterThanOrEqualTo(0.93);
        assertThat((double) STATUS[0] / Math.max(1, STATUS[1])).as("status accuracy").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void partnersAreFound() { assertThat(TOTALS.get("partners").f()).as("partners F1").isGreaterThanOrEqualTo(0.95); }

    @Test
    void metricsAreFound() { assertThat(TOTALS.get("metrics").f()).as("metrics F1").isGreaterThanOrEqualTo(0.97); }

    @Test
    void outcomesAreFound() { assertThat(TOTALS.get("outcomes").r()).as("outcomes recall").isGreaterThanOrEqualTo(0.90); }
}
