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
    private record Shape(String id, Pattern regex, String kind) {}

    /** Partners of one report, and which sentences mention which partner. */
    record Found(List<PartnerFact> facts, Map<Integer, Set<String>> keysBySentence,
                 Map<Integer, List<Candidates.PartnerSpan>> spansBySentence) {
        List<Candidates.PartnerSpan> spans(int sentence) { return spansBySentence.getOrDefault(sentence, List.of()); }
    }

    private final Lexicon gazetteer = Lexicon.empty();
    private final Map<String, Known> known = new HashMap<>();
    private final List<Shape> shapes = new ArrayList<>();
    private final Lexicon kinds;

    PartnerExtractor(Lexicon kinds) {
        this.kinds = kinds;
        for (RuleFile.Row r : RuleFile.read("/extract/organisations.tsv", 3)) {
            known.put(r.col(1), new Known(r.col(0), r.col(2)));
            gazetteer.add(ORG, r.col(1), r.col(0));
            for (String v : r.col(3).split("\\|")) if (!v.isBlank()) gazetteer.add(ORG, r.col(1), v);
        }
        for (RuleFile.Row r : RuleFile.read("/extract/partner-patterns.tsv", 3))
            shapes.add(new Shape(r.col(0), Pattern.compile(r.col(1)), r.col(2)));
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
        for (Shape sh : shapes) {
            Matcher m = sh.regex().matcher(s.text());
            while (m.find()) {
                String name = m.group("name");   // every pattern names its group "name" (see the file header)
                int start = s.sentence().start() + m.start("name"), end = s.sentence().start() + m.end("name");
                if (out.stream().anyMatch(o -> start < o.end && o.start < end)) continue;
                String kind = sh.kind().isEmpty() || sh.kind().equals("*") ? kindFromName(name) : sh.kind();
                out.add(new Mention(start, end, Token.slug(name), name, kind, sh.id()));
            }
        }
        for (Token t : toks) {
            String key = acronyms.get(t.raw());
            if (key != null && out.stream().noneMatch(o -> t.start() < o.end && o.start < t.end()))
                out.add(new Mention(t.start(), t.end(), key, null, null, "partner.acronym"));
        }
        out.sort((a, b) -> Integer.compare(a.start, b.start));
        return out;
    }

    private String kindFromName(String name) {
        List<Lexicon.Hit> hits = kinds.find(Token.tokenise(name, 0), Lexicon.PARTNER_KINDS);
        return hits.isEmpty() ? "Other" : hits.get(hits.size() - 1).notation();
    }
}
