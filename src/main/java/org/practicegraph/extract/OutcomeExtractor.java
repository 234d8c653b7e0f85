package org.practicegraph.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Effects the text states ("This meant…", "which reduced…", "led to…"), from the cues of
 * {@code /extract/outcome-cues.tsv}. Each initiative named in a sentence takes the first cue after it
 * ("the carers survey, which influenced the carers strategy"); a passive agent ("had been influenced
 * by an innovative use of data") takes the cue before it. An effect with no initiative before it, or
 * in a sentence that opens with an anaphor ("This approach…", "These reviews…", "The exercise…"),
 * belongs to the initiatives of the nearest preceding sentence of the same paragraph (a report states
 * a practice, then its effect); when the anaphor's noun occurs in some of their names, to those only.
 */
final class OutcomeExtractor {
    private record Cue(String id, Pattern regex, Keywords keywords, boolean agentAfter, int line) {}

    /** One cue occurrence: the effect starts at {@code at} (report offset), the cue ends at {@code end}. */
    private record Occ(Cue cue, int at, int end) {}

    /** How many sentences back an effect may reach for its initiative, within one paragraph. */
    private static final int LOOK_BACK = 3;
    private static final int MAX_INITIATIVES = 4;
    private static final Set<String> ANAPHORIC = Set.of("this", "these", "that", "those", "such", "it");
    private static final Set<String> DEFINITE = Set.of("the", "its", "their", "our");

    private final List<Cue> cues = new ArrayList<>();
    private final Set<String> anaphorNouns = new HashSet<>();
    private final Lexicon lexicon;

    OutcomeExtractor(Lexicon lexicon, Heads heads) {
        this.lexicon = lexicon;
        for (RuleFile.Row r : RuleFile.read("/extract/outcome-cues.tsv", 2))
        {
            Pattern p = Pattern.compile(r.col(1), Pattern.CASE_INSENSITIVE);
            cues.add(new Cue(r.col(0), p, Keywords.of(p), r.col(2).equals("after"), r.line()));
        }
        for (RuleFile.Row r : RuleFile.read("/extract/outcome-anaphors.tsv", 1)) anaphorNouns.add(Token.normalise(r.col(0)));
        anaphorNouns.addAll(heads.heads.keySet());
    }

    List<OutcomeFact> extract(Doc doc, InitiativeExtractor.Found initiatives, List<InitiativeFact> facts) {
        List<OutcomeFact> out = new ArrayList<>();
        List<Doc.Sent> body = doc.body();
        for (int i = 0; i < body.size(); i++) {
            Doc.Sent s = body.get(i);
            List<Occ> occs = occurrences(s);
            if (occs.isEmpty()) continue;
            List<InitiativeExtractor.Span> spans = new ArrayList<>(initiatives.spansBySentence().getOrDefault(s.index(), List.of()));
            spans.sort(Comparator.comparingInt(InitiativeExtractor.Span::start));
            String anaphor = anaphor(s, spans);
            Set<String> used = new HashSet<>();
            boolean lookedBack = false;
            for (Occ o : occs) {
                Set<String> targets = new LinkedHashSet<>();
                String label;
                if (o.cue().agentAfter()) {
                    for (InitiativeExtractor.Span sp : spans) if (sp.start() >= o.end()) targets.add(sp.key());
                    label = s.text().strip();
                } else {
                    if (anaphor == null || lookedBack)
                        for (InitiativeExtractor.Span sp : spans)
                            if (sp.end() <= o.at() && !used.contains(sp.key())) targets.add(sp.key());
                    if (targets.isEmpty() && !lookedBack && (anaphor != null || used.isEmpty())) {
                        lookedBack = true;
                        targets.addAll(preceding(body, i, anaphor, facts, initiatives.keysBySentence()));
                    }
                    label = doc.text().substring(o.at(), s.sentence().end());
                }
                targets.removeAll(used);
                if (targets.isEmpty()) continue;
                used.addAll(targets);
                label = label.replaceAll("[.\\s]+$", "");
                String type = type(label);
                int n = 0;
                for (String key : targets) {
                    if (n++ >= MAX_INITIATIVES) break;
                    out.add(new OutcomeFact("outcome-" + (out.size() + 1), label, type, key, List.of(s.evidence(o.cue().id()))));
                }
            }
        }
        return out;
    }

    /** Every cue occurrence of the sentence, left to right, overlapping ones dropped (the earliest, then the earlier line, wins). */
    private List<Occ> occurrences(Doc.Sent s) {
        List<Occ> all = new ArrayList<>();
        int base = s.sentence().start();
        for (Cue c : cues) {
            if (!c.keywords().mayMatch(s.lower())) continue;
            Matcher m = c.regex().matcher(s.text());
            boolean named = c.regex().pattern().contains("(?<effect>");
            while (m.find()) {
                int at = named && m.start("effect") >= 0 ? m.start("effect") : m.start();
                all.add(new Occ(c, base + at, base + m.end()));
            }
        }
        all.sort(Comparator.comparingInt(Occ::at).thenComparingInt(o -> o.cue().line()));
        List<Occ> kept = new ArrayList<>();
        for (Occ o : all)
            if (kept.isEmpty() || o.at() >= kept.get(kept.size() - 1).end()) kept.add(o);
        return kept;
    }

    /**
     * @return null when the sentence does not open with an anaphor; else the anaphor's noun, normalised
     *         ("review" for "These reviews…"), or "" for a bare "This…" / "It…"
     */
    private String anaphor(Doc.Sent s, List<InitiativeExtractor.Span> spans) {
        List<Token> ts = s.tokens().stream().filter(Token::isWord).toList();
        if (ts.isEmpty()) return null;
        String first = ts.get(0).norm();
        if (!ANAPHORIC.contains(first) && !DEFINITE.contains(first)) return null;
        int nounAt = -1;
        for (int k = 1; k < Math.min(ts.size(), 4); k++) {
            if (anaphorNouns.contains(ts.get(k).norm())) { nounAt = k; break; }
            if (Phrases.verbLike(ts.get(k))) break;
        }
        if (nounAt < 0 && !ANAPHORIC.contains(first)) return null;
        int end = nounAt < 0 ? ts.get(0).end() : ts.get(nounAt).end();
        for (InitiativeExtractor.Span sp : spans) if (sp.start() < end) return null;   // the subject is itself named
        return nounAt < 0 ? "" : ts.get(nounAt).norm();
    }

    /** The initiatives of the nearest preceding sentence that names any, within the paragraph. */
    private static Set<String> preceding(List<Doc.Sent> body, int i, String anaphor, List<InitiativeFact> facts,
                                         Map<Integer, List<String>> keysBySentence) {
        for (int back = 1; back <= LOOK_BACK && i - back >= 0; back++) {
            Doc.Sent p = body.get(i - back);
            if (p.paragraph() != body.get(i).paragraph()) break;
            List<String> keys = keysBySentence.getOrDefault(p.index(), List.of());
            if (keys.isEmpty()) continue;
            Set<String> out = new LinkedHashSet<>(keys);
            if (anaphor != null && !anaphor.isEmpty()) {
                Set<String> named = new LinkedHashSet<>();
                for (InitiativeFact f : facts)
                    if (out.contains(f.key()) && Token.normaliseAll(f.label()).contains(anaphor)) named.add(f.key());
                if (!named.isEmpty()) return named;
            }
            return out;
        }
        return Set.of();
    }

    private String type(String effect) {
        List<Lexicon.Hit> hits = lexicon.find(Token.tokenise(effect, 0), Lexicon.OUTCOME_TYPES);
        return hits.isEmpty() ? "Other" : hits.get(0).notation();
    }
}
