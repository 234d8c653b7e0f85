package org.practicegraph.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the organisations a report names: a gazetteer of well-known bodies
 * ({@code /extract/organisations.tsv}) and name shapes for the rest ({@code /extract/partner-patterns.tsv}).
 * An acronym the report introduces after a long form ("British Association of Social Workers (BASW)")
 * points at the same organisation for the rest of that report.
 */
final class PartnerExtractor {
    private static final String ORG = "org";
    private static final Pattern ACRONYM_AFTER = Pattern.compile("^\\s*\\(([A-Z][A-Za-z&]{1,7})\\)");

    private record Known(String label, String kind) {}
    private record Shape(String id, Pattern regex, Keywords keywords, String kind) {}
    /** A context in which a capitalised name is an organisation: the words just before it, or just after it. */
    private record Context(String id, Pattern regex, boolean after, String kind) {}

    /** A run of capitalised words, with "and", "of", "in", "for", "the", "on", "&" inside. */
    private static final Pattern NAME = Pattern.compile(
            "[A-Z][\\w'’&-]*(?:,? (?:(?:and|of|in|for|the|on|&) )?(?:[A-Z][\\w'’&-]*|[A-Z]{2,}))*");
    private static final Set<String> NAME_LINKS = Set.of("and", "of", "in", "for", "the", "on", "&");

    /** Partners of one report, and which sentences mention which partner. */
    record Found(List<PartnerFact> facts, Map<Integer, Set<String>> keysBySentence,
                 Map<Integer, List<Candidates.PartnerSpan>> spansBySentence) {
        List<Candidates.PartnerSpan> spans(int sentence) { return spansBySentence.getOrDefault(sentence, List.of()); }
    }

    private final Lexicon gazetteer = Lexicon.empty();
    private final Map<String, Known> known = new HashMap<>();
    private final List<Shape> shapes = new ArrayList<>();
    private final List<Context> contexts = new ArrayList<>();
    private final Map<String, String> nameStop = new HashMap<>();
    private final Set<String> heads = new java.util.HashSet<>();
    private final Lexicon kinds;

    PartnerExtractor(Lexicon kinds) {
        this.kinds = kinds;
        for (RuleFile.Row r : RuleFile.read("/extract/organisations.tsv", 3)) {
            known.put(r.col(1), new Known(r.col(0), r.col(2)));
            gazetteer.add(ORG, r.col(1), r.col(0));
            for (String v : r.col(3).split("\\|")) if (!v.isBlank()) gazetteer.add(ORG, r.col(1), v);
        }
        for (RuleFile.Row r : RuleFile.read("/extract/partner-patterns.tsv", 3)) {
            Pattern p = Pattern.compile(r.col(1));
            shapes.add(new Shape(r.col(0), p, Keywords.of(p), r.col(2)));
        }
        for (RuleFile.Row r : RuleFile.read("/extract/partner-cues.tsv", 4))
            contexts.add(new Context(r.col(0), Pattern.compile(r.col(1) + (r.col(2).equals("after") ? "" : "$"), Pattern.CASE_INSENSITIVE),
                    r.col(2).equals("after"), r.col(3)));
        for (RuleFile.Row r : RuleFile.read("/extract/name-stopwords.tsv", 2)) nameStop.put(r.col(0), r.col(1));
        for (RuleFile.Row r : RuleFile.read("/extract/initiative-heads.tsv", 3)) heads.add(r.col(0));
    }

    Found extract(Doc doc) {
        Map<String, String> labels = new LinkedHashMap<>(), kindOf = new HashMap<>();
        Map<String, List<EvidenceSpan>> evidence = new HashMap<>();
        Map<String, String> acronyms = new HashMap<>();          // report-local: "BASW" -> key
        Map<Integer, Set<String>> bySentence = new HashMap<>();
        Map<Integer, List<Candidates.PartnerSpan>> spans = new HashMap<>();
        for (Doc.Sent s : doc.body()) {
            List<Mention> ms = mentions(doc, s, acronyms);
            for (Mention m : ms) {
                labels.putIfAbsent(m.key, m.label);
                kindOf.putIfAbsent(m.key, m.kind);
                List<EvidenceSpan> ev = evidence.computeIfAbsent(m.key, k -> new ArrayList<>());
                if (ev.stream().noneMatch(e -> e.start() == s.sentence().start())) ev.add(s.evidence(m.rule));
                bySentence.computeIfAbsent(s.index(), k -> new LinkedHashSet<>()).add(m.key);
                int end = m.end;
                Matcher a = ACRONYM_AFTER.matcher(doc.text().substring(m.end, Math.min(doc.text().length(), m.end + 12)));
                if (a.find()) {
                    acronyms.put(a.group(1), m.key);
                    end = m.end + a.end();
                }
                spans.computeIfAbsent(s.index(), k -> new ArrayList<>())
                        .add(new Candidates.PartnerSpan(m.start, end, m.key, labels.get(m.key), kindOf.get(m.key)));
            }
        }
        List<PartnerFact> facts = new ArrayList<>();
        labels.forEach((k, l) -> facts.add(new PartnerFact(k, l, kindOf.get(k), evidence.get(k))));
        return new Found(facts, bySentence, spans);
    }

    private record Mention(int start, int end, String key, String label, String kind, String rule) {}

    private List<Mention> mentions(Doc doc, Doc.Sent s, Map<String, String> acronyms) {
        List<Mention> out = new ArrayList<>();
        List<Token> toks = s.tokens();
        for (Lexicon.Hit h : gazetteer.find(toks, ORG)) {
            Known k = known.get(h.notation());
            int to = h.to();
            // "Age UK Norfolk": a local branch of a known charity or NHS body is its own organisation
            while (("VCSE".equals(k.kind()) || "NHSBody".equals(k.kind())) && to < toks.size() && to - h.to() < 2
                    && toks.get(to).isCapitalised() && toks.get(to).isWord() && !toks.get(to).isAcronym()) to++;
            if (to > h.to()) {
                String name = s.span(doc.text(), h.from(), to);
                out.add(new Mention(toks.get(h.from()).start(), toks.get(to - 1).end(), Token.slug(name), name, k.kind(), "partner.gazetteer-branch"));
            } else {
                out.add(new Mention(toks.get(h.from()).start(), toks.get(h.to() - 1).end(), h.notation(), k.label(), k.kind(), "partner.gazetteer"));
            }
        }
        // name shapes: on overlapping text the longest match wins, on equal length the earlier line
        List<Mention> shaped = new ArrayList<>();
        for (Shape sh : shapes) {
            if (!sh.keywords().mayMatch(s.lower())) continue;
            Matcher m = sh.regex().matcher(s.text());
            while (m.find()) {
                String name = m.group("name");   // every pattern names its group "name" (see the file header)
                int start = s.sentence().start() + m.start("name"), end = s.sentence().start() + m.end("name");
                String kind = sh.kind().isEmpty() || sh.kind().equals("*") ? kindFromName(name) : sh.kind();
                shaped.add(new Mention(start, end, Token.slug(name), name, kind, sh.id()));
            }
        }
        shaped.sort((a, b) -> Integer.compare(b.end - b.start, a.end - a.start));   // stable: line order on ties
        for (Mention m : shaped)
            if (out.stream().noneMatch(o -> m.start < o.end && o.start < m.end)) out.add(m);
        contextNames(s, out);
        for (Token t : toks) {
            String key = acronyms.get(t.raw());
            if (key != null && out.stream().noneMatch(o -> t.start() < o.end && o.start < t.end()))
                out.add(new Mention(t.start(), t.end(), key, null, null, "partner.acronym"));
        }
        out.sort((a, b) -> Integer.compare(a.start, b.start));
        return out;
    }

    /**
     * "worked with Opening Doors", "commissioned Community Action Norfolk to…", "Wearside Women in Need, a
     * local charity": a capitalised name of two or more words in a partner context (partner-cues.tsv) is
     * an organisation. The name stops before an organisation already found; titles, laws and dates
     * (name-stopwords.tsv) and names made only of domain words ("Adult Social Care") are not organisations.
     * "X and Y" with two or more capitalised words on each side is two organisations.
     */
    private void contextNames(Doc.Sent s, List<Mention> out) {
        String t = s.text();
        int base = s.sentence().start();
        Matcher n = NAME.matcher(t);
        while (n.find()) {
            Context listed = null;          // "with Thurrock Council and Essex County Council": the list shares its cue
            for (String part : splitAnd(n.group(), n.start())) {
                int at = Integer.parseInt(part.substring(0, part.indexOf(':')));
                String name = part.substring(part.indexOf(':') + 1);
                // cut at an organisation already found inside the run
                int cut = name.length();
                for (Mention o : out) {
                    int os = o.start - base - at;
                    if (os > 0 && os < cut && o.end - base > at) cut = os;
                    if (os <= 0 && o.end - base > at) cut = -1;   // the run starts inside a known organisation
                }
                if (cut <= 0) continue;
                name = trimLinks(name.substring(0, cut));
                if (!acceptable(name)) continue;
                String before = t.substring(Math.max(0, at - 80), at), after = t.substring(at + name.length());
                String last = name.substring(name.lastIndexOf(' ') + 1).toLowerCase(java.util.Locale.ROOT).replaceAll("(?<=[^s])s$", "");
                boolean practiceName = heads.contains(last);   // "the Integrated Discharge Hub": a service, unless the text says it is a body
                boolean inList = listed != null && before.matches("(?s).*(?:,|\\band) $");
                for (Context c : inList ? List.of(listed) : contexts) {
                    if (practiceName && !c.after() && !c.id().equals("partner.cue.worked-with")) continue;
                    if (!inList && !(c.after() ? c.regex().matcher(after).lookingAt() : c.regex().matcher(before).find())) continue;
                    int start = base + at, end = start + name.length();
                    if (out.stream().anyMatch(o -> start < o.end && o.start < end)) break;
                    String kind = c.kind().isEmpty() || c.kind().equals("*") ? kindFromName(name) : c.kind();
                    out.add(new Mention(start, end, Token.slug(name), name, kind, c.id()));
                    listed = c;
                    break;
                }
            }
        }
    }

    /** "Norfolk Carers Support and Healthwatch Norfolk" → two names; "Tyne and Wear" stays one. Entries are "offset:name". */
    private static List<String> splitAnd(String run, int offset) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (String sep : new String[] {" and ", ", "}) {
            int k = run.indexOf(sep, from);
            while (k > 0) {
                String left = run.substring(from, k), right = run.substring(k + sep.length());
                if (capitalWords(left) >= 2 && capitalWords(right) >= 2) {
                    parts.add((offset + from) + ":" + left);
                    from = k + sep.length();
                }
                k = run.indexOf(sep, k + sep.length());
            }
        }
        parts.add((offset + from) + ":" + run.substring(from));
        return parts;
    }

    private static int capitalWords(String s) {
        int n = 0;
        for (String w : s.split("[ ,]+")) if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !NAME_LINKS.contains(w)) n++;
        return n;
    }

    private static String trimLinks(String name) {
        String n = name.strip().replaceAll(",$", "");
        boolean changed = true;
        while (changed) {
            changed = false;
            int sp = n.lastIndexOf(' ');
            if (sp > 0 && NAME_LINKS.contains(n.substring(sp + 1))) { n = n.substring(0, sp).replaceAll(",$", ""); changed = true; }
        }
        return n;
    }

    private boolean acceptable(String name) {
        if (capitalWords(name) < 2) return false;
        boolean allDomain = true;
        for (String w : name.split("[ ,]+")) {
            String reason = nameStop.containsKey(w) ? nameStop.get(w) : nameStop.get(w.replaceAll("(?<=[a-z])s$", ""));
            if (reason != null && !reason.equals("domain") && !reason.equals("body") && !reason.equals("demographic")) return false;
            if (!NAME_LINKS.contains(w) && !"domain".equals(reason)) allDomain = false;
        }
        return !allDomain;
    }

    private String kindFromName(String name) {
        List<Lexicon.Hit> hits = kinds.find(Token.tokenise(name, 0), Lexicon.PARTNER_KINDS);
        return hits.isEmpty() ? "Other" : hits.get(hits.size() - 1).notation();
    }
}
