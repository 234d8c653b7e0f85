package org.practicegraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proposes initiative mentions in one sentence, each with the id of the rule that proposed it:
 * taxonomy labels, head nouns, objects of cue verbs, quoted names, capitalised names and
 * partnerships with a named organisation. Filtering and merging happen in {@link InitiativeExtractor}.
 */
final class Candidates {
    /** A proposed mention: tokens [from, to) of a sentence, or a composed label (partnerships, quotes). */
    record Cand(Doc.Sent sent, int from, int to, String label, String rule, String type) {}

    private record Cue(String id, Pattern regex, Keywords keywords, boolean anyObject, boolean subject) {}

    private static final Pattern QUOTE = Pattern.compile("(?<![\\w’'])['‘“\"]([A-Za-z][^'‘’“”\"]{1,70}?)['’”\"](?![\\w])");
    private static final Pattern PARTNERSHIP = Pattern.compile(
            "(?i)\\b(?:work(?:ed|ing|s)?|collaborat\\w*|partner(?:ed|ing|ships?)?|engag\\w*) with (?:partners in |colleagues (?:in|from) )?(?:the )?$");
    private static final Set<String> NAME_LINKS = Set.of("of", "for", "and", "with", "the", "in", "&", "on");

    private final Lexicon lexicon;
    private final Heads heads;
    private final List<Cue> cues = new ArrayList<>();

    Candidates(Lexicon lexicon, Heads heads) {
        this.lexicon = lexicon;
        this.heads = heads;
        for (RuleFile.Row r : RuleFile.read("/extract/initiative-cues.tsv", 3)) {
            Pattern p = Pattern.compile(r.col(1), Pattern.CASE_INSENSITIVE);
            cues.add(new Cue(r.col(0), p, Keywords.of(p), r.col(2).equals("any"), r.col(2).equals("subject")));
        }
    }

    List<Cand> propose(Doc doc, Doc.Sent s, List<PartnerSpan> partners) {
        List<Token> ts = s.tokens();
        boolean[] blocked = new boolean[ts.size()];
        for (PartnerSpan p : partners)
            for (int i = 0; i < ts.size(); i++)
                if (ts.get(i).start() < p.end() && p.start() < ts.get(i).end()) blocked[i] = true;
        List<Cand> out = new ArrayList<>();
        List<Lexicon.Hit> hits = lexicon.find(ts, Lexicon.INITIATIVE_TYPES);
        for (Lexicon.Hit h : hits) {
            if (blocked[h.from()] && !"SectorNetwork".equals(h.notation())) continue;
            int a = Phrases.growLeft(ts, h.from(), 3, blocked);
            int b = Phrases.growRight(ts, h.to(), heads.heads, blocked);
            out.add(new Cand(s, a, b, null, "initiative.taxonomy-label", null));
        }
        for (int i = 0; i < ts.size(); i++) {
            Heads.Head head = heads.heads.get(ts.get(i).norm());
            if (head == null || blocked[i] || !ts.get(i).isWord()) continue;
            int a = Phrases.growLeft(ts, i, 4, blocked);
            if (a == i) continue;                               // a bare "programme" names nothing
            int b = Phrases.growRight(ts, i + 1, heads.heads, blocked);
            if (!head.strong() && !named(ts, a, b, hits)) continue;
            out.add(new Cand(s, a, b, null, "initiative.head-noun", null));
        }
        for (Cue c : cues) {
            if (!c.keywords().mayMatch(s.lower())) continue;
            if (c.subject()) { subjects(s, c, out, blocked, hits); continue; }
            Matcher m = c.regex().matcher(s.text());
            while (m.find()) {
                int at = s.sentence().start() + m.end();
                int i0 = 0;
                while (i0 < ts.size() && ts.get(i0).start() < at) i0++;
                while (i0 < ts.size() && Phrases.DETERMINERS.contains(ts.get(i0).norm())) i0++;
                final int i = i0;
                int j = i, lastHead = -1;
                while (j < ts.size() && j - i < 6) {
                    Token t = ts.get(j);
                    if (!t.afterHyphen() && (Phrases.isStop(t) || blocked[j] || (j > i && Phrases.verbLike(t)))) break;
                    if (heads.heads.containsKey(t.norm())) lastHead = j;
                    j++;
                }
                int end = lastHead >= 0 ? lastHead + 1 : j;
                if (end <= i) continue;
                boolean headed = lastHead >= 0 || hits.stream().anyMatch(h -> h.from() >= i && h.to() <= end);
                if (!c.anyObject() && !headed) continue;
                out.add(new Cand(s, i, Phrases.growRight(ts, end, heads.heads, blocked), null, c.id(), null));
            }
        }
        quotes(doc, s, out, blocked);
        names(s, out, blocked, hits);
        partnerships(doc, s, partners, out);
        return out;
    }

    /**
     * A passive cue ("A video relay service HAD BEEN INTRODUCED"): the noun phrase just before it is the
     * candidate, when it holds a head noun or a taxonomy label.
     */
    private void subjects(Doc.Sent s, Cue c, List<Cand> out, boolean[] blocked, List<Lexicon.Hit> hits) {
        List<Token> ts = s.tokens();
        Matcher m = c.regex().matcher(s.text());
        while (m.find()) {
            int at = s.sentence().start() + m.start();
            int b = 0;
            while (b < ts.size() && ts.get(b).end() <= at) b++;
            int a = b;
            while (a > 0 && b - a < 6) {
                Token t = ts.get(a - 1);
                if (blocked[a - 1] || (!t.afterHyphen() && !ts.get(a).afterHyphen() && (Phrases.isStop(t) || Phrases.DETERMINERS.contains(t.norm())))) break;
                a--;
            }
            if (a >= b) continue;
            final int from = a, to = b;
            boolean headed = false;
            for (int k = a; k < b; k++) if (heads.heads.containsKey(ts.get(k).norm())) headed = true;
            if (!headed && hits.stream().noneMatch(h -> h.from() >= from && h.to() <= to)) continue;
            out.add(new Cand(s, a, b, null, c.id(), null));
        }
    }

    /** A weak head counts when its phrase is named: a taxonomy label or a capitalised word inside. */
    private boolean named(List<Token> ts, int a, int b, List<Lexicon.Hit> hits) {
        for (int k = a; k < b; k++)
            if (k > 0 && ts.get(k).isCapitalised() && ts.get(k).isWord() && !"demographic".equals(heads.nameStop.get(ts.get(k).raw()))) return true;
        return hits.stream().anyMatch(h -> h.from() >= a && h.to() <= b);
    }

    private void quotes(Doc doc, Doc.Sent s, List<Cand> out, boolean[] blocked) {
        Matcher m = QUOTE.matcher(s.text());
        List<Token> ts = s.tokens();
        while (m.find()) {
            String q = m.group(1).strip();
            if (q.length() < 3 || q.split("\\s+").length > 7) continue;
            int qEnd = s.sentence().start() + m.end();
            int k = 0;
            while (k < ts.size() && ts.get(k).start() < qEnd) k++;
            int b = k;
            while (b < ts.size() && b - k < 2 && heads.heads.containsKey(ts.get(b).norm())) b++;
            if (k < ts.size() && ts.get(k).norm().equals("culture")) continue;   // "a 'no blame' culture" is a climate, not a practice
            boolean partner = false;
            for (int i = 0; i < ts.size(); i++)
                if (blocked[i] && ts.get(i).start() >= s.sentence().start() + m.start(1) && ts.get(i).end() <= qEnd) partner = true;
            String label = b > k ? q + " " + doc.text().substring(ts.get(k).start(), ts.get(b - 1).end()) : q;
            int from = 0;
            while (from < ts.size() && ts.get(from).start() < s.sentence().start() + m.start(1)) from++;
            if (!partner && from < b) out.add(new Cand(s, from, b, label, "initiative.quoted-name", null));
        }
    }

    /** Runs of capitalised words not at the start of the sentence ("the Bridging Care service"). */
    private void names(Doc.Sent s, List<Cand> out, boolean[] blocked, List<Lexicon.Hit> hits) {
        List<Token> ts = s.tokens();
        int i = 1;
        while (i < ts.size()) {
            if (!(ts.get(i).isWord() && ts.get(i).isCapitalised()) || blocked[i]) { i++; continue; }
            int j = i + 1, caps = 1;
            while (j < ts.size()) {
                Token t = ts.get(j);
                if (blocked[j]) break;
                if (t.afterHyphen() || (t.isWord() && t.isCapitalised())) { if (!t.afterHyphen()) caps++; j++; continue; }
                if (NAME_LINKS.contains(t.raw()) && j + 1 < ts.size() && ts.get(j + 1).isCapitalised() && !blocked[j + 1]) { j++; continue; }
                break;
            }
            int end = j;
            while (end < ts.size() && end - j < 1 && heads.heads.containsKey(ts.get(end).norm()) && !blocked[end]) end++;
            if (end < ts.size() && ts.get(end).raw().equals("(") && end + 2 < ts.size() && ts.get(end + 1).isAcronym()) end += 3;
            // "North London Councils (NLC) Adult Social Care Programme": the body's name is part of the programme's
            int start = i;
            while (start > 0 && (blocked[start - 1] || (ts.get(start - 1).raw().equals(")") && start > 2 && blocked[start - 3]))) start--;
            if (start < i && caps >= 2 && acceptableName(ts, i, j)) out.add(new Cand(s, start, end, null, "initiative.named-after-partner", null));
            else if (caps >= 2 && acceptableName(ts, i, j)) out.add(new Cand(s, i, end, null, "initiative.capitalised-name", null));
            i = j;
        }
    }

    private boolean acceptableName(List<Token> ts, int from, int to) {
        boolean allDomain = true;
        for (int k = from; k < to; k++) {
            String reason = heads.nameStop.get(ts.get(k).raw());
            if (reason != null && !reason.equals("domain")) return false;
            if (ts.get(k).isWord() && !NAME_LINKS.contains(ts.get(k).raw()) && !"domain".equals(reason)) allDomain = false;
        }
        return !allDomain;
    }

    /** "working with Brunel University to…": the work with a named body is an initiative of its own. */
    private void partnerships(Doc doc, Doc.Sent s, List<PartnerSpan> partners, List<Cand> out) {
        for (PartnerSpan p : partners) {
            String type = switch (p.kind()) {
                case "University", "ProfessionalBody" -> "ResearchPartnership";
                case "SectorNetwork" -> "SectorNetwork";
                default -> null;
            };
            if (type == null || p.label() == null) continue;
            String before = doc.text().substring(Math.max(s.sentence().start(), p.start() - 60), p.start());
            if (!PARTNERSHIP.matcher(before).find()) continue;
            int from = 0, to;
            while (from < s.tokens().size() && s.tokens().get(from).start() < p.start()) from++;
            to = from;
            while (to < s.tokens().size() && s.tokens().get(to).end() <= p.end()) to++;
            if (to > from) out.add(new Cand(s, from, to, p.label() + " partnership", "initiative.partnership", type));
        }
    }

    /** A partner mention in a sentence, as the initiative rules need it. */
    record PartnerSpan(int start, int end, String key, String label, String kind) {}
}
