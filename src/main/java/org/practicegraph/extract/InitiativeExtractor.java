package org.practicegraph.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the {@link Candidates} of every sentence into initiatives: drops generic phrases, resolves
 * overlapping candidates (the longest wins), types each mention from the taxonomy, judges its status
 * from the words around it, and merges mentions of the same initiative across the report (a later,
 * shorter mention whose words are all in an earlier name adds evidence instead of a new initiative).
 */
final class InitiativeExtractor {
    private static final int MAX_LABEL_TOKENS = 10;
    /** Words that introduce the means of a practice: the means' type is the practice's type. */
    private static final Set<String> MEANS = Set.of("through", "via");
    private static final Set<String> APPOSITION = Set.of("called", "named", "entitled", "branded");

    /**
     * Initiatives of one report; per sentence index, the keys of the initiatives it mentions, and
     * where (report offsets) each mention sits.
     */
    record Found(List<InitiativeFact> facts, Map<Integer, List<String>> keysBySentence, Map<Integer, List<Span>> spansBySentence) {}

    /** One mention of an initiative: report offsets [start, end). */
    record Span(String key, int start, int end) {}

    private static final class Item {
        String label;
        Set<String> words;
        boolean headed;
        String type;
        StatusCues.Verdict verdict;
        final Set<String> partners = new LinkedHashSet<>();
        final List<EvidenceSpan> evidence = new ArrayList<>();
        String key;
    }

    private record Mention(Candidates.Cand cand, String label, Set<String> words, boolean headed, String type,
                           StatusCues.Verdict verdict) {}

    private final Lexicon lexicon;
    private final Heads heads;
    private final Candidates candidates;
    private final StatusCues status;
    /** absence-cues.tsv: "a lack of X", "there was no X": X is missing, not a practice. */
    private final List<java.util.regex.Pattern> absence = new ArrayList<>();

    InitiativeExtractor(Lexicon lexicon, Heads heads, StatusCues status) {
        this.lexicon = lexicon;
        this.heads = heads;
        this.candidates = new Candidates(lexicon, heads);
        this.status = status;
        for (RuleFile.Row r : RuleFile.read("/extract/absence-cues.tsv", 2))
            absence.add(java.util.regex.Pattern.compile(r.col(1), java.util.regex.Pattern.CASE_INSENSITIVE));
    }

    Found extract(Doc doc, PartnerExtractor.Found partners) {
        List<Item> items = new ArrayList<>();
        Map<Integer, List<Item>> bySentence = new HashMap<>();
        Map<Integer, List<Object[]>> mentions = new HashMap<>();
        for (Doc.Sent s : doc.body()) {
            List<Candidates.Cand> cands = candidates.propose(doc, s, partners.spans(s.index()));
            for (Mention m : resolve(doc, s, cands)) {
                Item it = merge(items, m);
                it.partners.addAll(partners.keysBySentence().getOrDefault(s.index(), Set.of()));
                if (it.evidence.stream().noneMatch(e -> e.start() == s.sentence().start()))
                    it.evidence.add(s.evidence(m.cand().rule()));
                mentions.computeIfAbsent(s.index(), k -> new ArrayList<>()).add(new Object[] {it,
                        s.tokens().get(m.cand().from()).start(), s.tokens().get(m.cand().to() - 1).end()});
                List<Item> here = bySentence.computeIfAbsent(s.index(), k -> new ArrayList<>());
                if (!here.contains(it)) here.add(it);
            }
        }
        Map<Item, String> keys = assignKeys(items);
        Map<Integer, List<String>> keysBySentence = new HashMap<>();
        bySentence.forEach((i, its) -> keysBySentence.put(i, its.stream().map(keys::get).toList()));
        Map<Integer, List<Span>> spans = new HashMap<>();
        mentions.forEach((i, ms) -> spans.put(i, ms.stream().map(o -> new Span(keys.get((Item) o[0]), (int) o[1], (int) o[2])).toList()));
        List<InitiativeFact> facts = new ArrayList<>();
        for (Item it : items)
            facts.add(new InitiativeFact(keys.get(it), it.label, it.type, it.verdict.status(), it.partners, it.evidence));
        return new Found(facts, keysBySentence, spans);
    }

    private static Map<Item, String> assignKeys(List<Item> items) {
        Map<Item, String> keys = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (Item it : items) {
            String base = Token.slug(it.label), k = base;
            for (int n = 2; !used.add(k); n++) k = base + "-" + n;
            keys.put(it, k);
        }
        return keys;
    }

    /** Filters a sentence's candidates and keeps the longest of overlapping ones. */
    private List<Mention> resolve(Doc doc, Doc.Sent s, List<Candidates.Cand> cands) {
        List<Token> ts = s.tokens();
        List<Lexicon.Hit> hits = lexicon.find(ts, Lexicon.INITIATIVE_TYPES);
        List<Mention> ok = new ArrayList<>();
        for (Candidates.Cand c : cands) {
            int a = c.from(), b = c.to();
            while (a < b && !ts.get(a).isWord() && !ts.get(a).raw().matches("['‘“]")) a++;
            while (b > a && !ts.get(b - 1).isWord() && !ts.get(b - 1).raw().equals(")")) b--;
            if (c.label() == null) a = trimLeadingNonNoun(s, a, b, hits);
            if (b <= a || b - a > MAX_LABEL_TOKENS) continue;
            List<Token> words = ts.subList(a, b);
            if (c.label() == null && onlyDescribed(s, a, b, hits)) continue;
            if (c.label() == null && heads.isGeneric(words)) continue;
            if (c.label() == null && b - a == 1 && !specific(ts, a)) continue;
            if (c.label() == null && Phrases.verbLike(ts.get(b - 1))) continue;       // "research-informed" is not a noun phrase
            if (b + 1 < ts.size() && APPOSITION.contains(ts.get(b).norm()) && c.label() == null) continue; // "a model called X": X names it
            String label = c.label() != null ? c.label() : s.span(doc.text(), a, b);
            label = label.replaceAll("^['‘“\"]|['’”\"]$", "").strip();
            Set<String> content = new LinkedHashSet<>(Token.normaliseAll(label));
            content.removeAll(heads.modifiers);
            boolean headed = words.stream().anyMatch(t -> heads.heads.containsKey(t.norm()));
            String type = c.type() != null ? c.type() : type(ts, a, b, hits);
            int rel = s.sentence().start();
            String before = s.text().substring(0, Math.max(0, ts.get(a).start() - rel));
            if (absence.stream().anyMatch(x -> x.matcher(before).find())) continue;
            StatusCues.Verdict v = status.judge(s, ts.get(a).start() - rel, ts.get(b - 1).end() - rel);
            ok.add(new Mention(new Candidates.Cand(s, a, b, c.label(), c.rule(), c.type()), label, content, headed, type, v));
        }
        ok.sort(Comparator.comparingInt((Mention m) -> m.cand().to() - m.cand().from()).reversed()
                .thenComparing(m -> m.cand().label() == null));
        List<Mention> kept = new ArrayList<>();
        for (Mention m : ok)
            if (kept.stream().noneMatch(k -> m.cand().from() < k.cand().to() && k.cand().from() < m.cand().to())) kept.add(m);
        kept.sort(Comparator.comparingInt(m -> m.cand().from()));
        return kept;
    }

    /** Part-of-speech tags that never open the name of a practice ("ENCOURAGED continuous professional development"). */
    private static final Set<String> NON_NOUN_OPENERS = Set.of("VERB", "AUX", "ADV", "PRON", "SCONJ", "ADP", "PART");
    /** Tags after which a word is inside a noun phrase, whatever its own tag ("a FALLS response service"). */
    private static final Set<String> NOUN_PHRASE_INSIDE = Set.of("DET", "ADJ", "NUM");
    /** Tags of words that only describe ("effective and innovative partnership"). */
    private static final Set<String> DESCRIPTIVE = Set.of("ADJ", "CCONJ", "DET", "ADV", "PUNCT");

    /**
     * Drops leading verbs, adverbs and the like, up to the first taxonomy label of the phrase. The
     * words are looked at before the tags: tagging a sentence is the largest part of extraction's
     * cost, and most phrases are kept as they are on their first word alone.
     */
    private static int trimLeadingNonNoun(Doc.Sent s, int a, int b, List<Lexicon.Hit> hits) {
        if (!droppable(s, a, b, hits)) return a;
        if (a > 0 && NOUN_PHRASE_INSIDE.contains(s.tag(a - 1))) return a;        // "a falls response service": inside a noun phrase
        while (droppable(s, a, b, hits)) a++;
        return a;
    }

    /** Whether the phrase [a, b) may lose its first word: a non-noun opener, lower case, not in a taxonomy label. */
    private static boolean droppable(Doc.Sent s, int a, int b, List<Lexicon.Hit> hits) {
        if (a >= b - 1 || s.tokens().get(a).isCapitalised() || s.tokens().get(a + 1).afterHyphen()) return false;   // never split "anti-racism"
        if (hits.stream().anyMatch(h -> h.from() <= a && a < h.to())) return false;
        return NON_NOUN_OPENERS.contains(s.tag(a));
    }

    /**
     * Whether the phrase is a generic head with only descriptive words before it ("meaningful
     * initiatives", "effective and innovative partnership"): no taxonomy label, no name, no noun modifier.
     */
    private boolean onlyDescribed(Doc.Sent s, int a, int b, List<Lexicon.Hit> hits) {
        if (b - a < 2 || hits.stream().anyMatch(h -> h.from() < b && a < h.to())) return false;
        int head = -1;
        for (int k = a; k < b; k++) if (heads.heads.containsKey(s.tokens().get(k).norm())) { head = k; break; }
        if (head <= a) return false;
        for (int k = a; k < head; k++)
            if (!DESCRIPTIVE.contains(s.tag(k)) || s.tokens().get(k).isCapitalised()) return false;
        return head == b - 1 || "ADP".equals(s.tag(head + 1));   // "… partnership WITH the council": a complement, not a name
    }

    /** A one-word label stands alone only as a taxonomy term or an acronym ("Supervision", "ASYE"). */
    private boolean specific(List<Token> ts, int a) {
        Token t = ts.get(a);
        return t.isAcronym() || !lexicon.find(List.of(t), Lexicon.INITIATIVE_TYPES).isEmpty();
    }

    /**
     * Type: the means named right after the phrase ("growing their own professionals through
     * apprenticeships": the means types the phrase), else a taxonomy label in the phrase, else a strong
     * head's fallback, else a label in the sentence.
     *
     * @param hits the taxonomy labels of the whole sentence ({@code ts})
     */
    private String type(List<Token> ts, int a, int b, List<Lexicon.Hit> hits) {
        for (int k = b; k < Math.min(ts.size(), b + 3); k++) {
            if (!MEANS.contains(ts.get(k).norm())) continue;
            final int at = k;
            for (Lexicon.Hit h : hits) if (h.from() > at && h.from() <= at + 3) return h.notation();
            break;
        }
        Lexicon.Hit inside = null;
        for (Lexicon.Hit h : hits)
            if (h.from() >= a && h.to() <= b && (inside == null || h.length() >= inside.length())) inside = h;
        if (inside != null) return inside.notation();
        Heads.Head head = null;
        for (int k = b - 1; k >= a && head == null; k--) head = heads.heads.get(ts.get(k).norm());
        if (head != null && head.strong()) return head.fallbackType();
        Lexicon.Hit near = null;
        for (Lexicon.Hit h : hits)
            if (near == null || Math.abs(h.from() - a) < Math.abs(near.from() - a)) near = h;
        if (near != null) return near.notation();
        return head != null ? head.fallbackType() : "ServiceModel";
    }

    /** Adds a mention to the report's items: to an existing one when it names the same initiative. */
    private static Item merge(List<Item> items, Mention m) {
        for (Item it : items) {
            boolean same = it.words.equals(m.words())
                    || (it.words.containsAll(m.words()) && it.type.equals(m.type()))
                    || (m.words().containsAll(it.words) && it.words.size() >= 2 && it.type.equals(m.type())
                        && m.words().size() - it.words.size() <= 1);
            if (!same) continue;
            if ((m.headed() && !it.headed) || (m.words().size() > it.words.size() && m.headed() == it.headed && m.words().containsAll(it.words))) {
                it.label = m.label();
                it.words = m.words();
                it.headed = m.headed();
            }
            if (m.verdict().priority() > it.verdict.priority()) it.verdict = m.verdict();
            return it;
        }
        Item it = new Item();
        it.label = m.label();
        it.words = m.words();
        it.headed = m.headed();
        it.type = m.type();
        it.verdict = m.verdict();
        items.add(it);
        return it;
    }
}
