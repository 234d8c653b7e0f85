package org.practicegraph.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Effects the text states ("This meant…", "which reduced…", "led to…"), from the cues of
 * {@code /extract/outcome-cues.tsv}, attached to the initiatives named before the cue in the same
 * sentence, or else to those of the nearest preceding sentences of the same paragraph (a report
 * states a practice, then its effect: "…introduced permanent duty roles. This meant…").
 */
final class OutcomeExtractor {
    private record Cue(String id, Pattern regex) {}

    /** How many sentences back an effect may reach for its initiative, within one paragraph. */
    private static final int LOOK_BACK = 3;
    private static final int MAX_INITIATIVES = 4;
    private final List<Cue> cues = new ArrayList<>();
    private final Lexicon lexicon;

    OutcomeExtractor(Lexicon lexicon) {
        this.lexicon = lexicon;
        for (RuleFile.Row r : RuleFile.read("/extract/outcome-cues.tsv", 2))
            cues.add(new Cue(r.col(0), Pattern.compile(r.col(1), Pattern.CASE_INSENSITIVE)));
    }

    List<OutcomeFact> extract(Doc doc, InitiativeExtractor.Found initiatives, List<InitiativeFact> facts) {
        List<OutcomeFact> out = new ArrayList<>();
        List<Doc.Sent> body = doc.body();
        for (int i = 0; i < body.size(); i++) {
            Doc.Sent s = body.get(i);
            Cue cue = null;
            int at = Integer.MAX_VALUE;
            for (Cue c : cues) {
                Matcher m = c.regex().matcher(s.text());
                if (m.find() && m.start() < at) { at = m.start(); cue = c; }
            }
            if (cue == null) continue;
            Set<String> targets = new LinkedHashSet<>();
            int cueAt = s.sentence().start() + at;
            for (String key : initiatives.keysBySentence().getOrDefault(s.index(), List.of()))
                if (firstMention(facts, key, s, cueAt)) targets.add(key);
            for (int back = 1; targets.isEmpty() && back <= LOOK_BACK && i - back >= 0; back++) {
                Doc.Sent p = body.get(i - back);
                if (p.paragraph() != s.paragraph()) break;
                targets.addAll(initiatives.keysBySentence().getOrDefault(p.index(), List.of()));
            }
            if (targets.isEmpty()) continue;
            String label = s.text().substring(at).replaceAll("[.\\s]+$", "");
            String type = type(s.text().substring(at));
            int n = 0;
            for (String key : targets) {
                if (n++ >= MAX_INITIATIVES) break;
                out.add(new OutcomeFact("outcome-" + (out.size() + 1), label, type, key, List.of(s.evidence(cue.id()))));
            }
        }
        return out;
    }

    /** Whether the initiative is named in this sentence before the cue (not inside the effect itself). */
    private static boolean firstMention(List<InitiativeFact> facts, String key, Doc.Sent s, int cueAt) {
        for (InitiativeFact f : facts) {
            if (!f.key().equals(key)) continue;
            int inSentence = s.text().toLowerCase().indexOf(f.label().toLowerCase());
            return inSentence < 0 || s.sentence().start() + inSentence < cueAt;
        }
        return false;
    }

    private String type(String effect) {
        List<Lexicon.Hit> hits = lexicon.find(Token.tokenise(effect, 0), Lexicon.OUTCOME_TYPES);
        return hits.isEmpty() ? "Other" : hits.get(0).notation();
    }
}
