package org.practicegraph.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings that record a weakness ("There was a lack of evidence of learning from audits", "Staff
 * reported more difficulty…", "was still an area for improvement"), from the cues of
 * {@code /extract/concern-cues.tsv}. The sentence is the concern; it is tied to the first initiative
 * the sentence names, so researchers can ask which practices come with a shortfall.
 */
final class ConcernExtractor {
    private record Cue(String id, Pattern regex, Keywords keywords) {}

    private final List<Cue> cues = new ArrayList<>();

    ConcernExtractor() {
        for (RuleFile.Row r : RuleFile.read("/extract/concern-cues.tsv", 2)) {
            Pattern p = Pattern.compile(r.col(1), Pattern.CASE_INSENSITIVE);
            cues.add(new Cue(r.col(0), p, Keywords.of(p)));
        }
    }

    List<ConcernFact> extract(Doc doc, InitiativeExtractor.Found initiatives) {
        List<ConcernFact> out = new ArrayList<>();
        for (Doc.Sent s : doc.body()) {
            if (s.text().startsWith("#")) continue;                  // a heading is not a finding
            Cue cue = null;
            int at = Integer.MAX_VALUE;
            for (Cue c : cues) {
                if (!c.keywords().mayMatch(s.lower())) continue;
                Matcher m = c.regex().matcher(s.text());
                if (m.find() && m.start() < at) { at = m.start(); cue = c; }
            }
            if (cue == null) continue;
            String initiative = initiatives.spansBySentence().getOrDefault(s.index(), List.of()).stream()
                    .min(Comparator.comparingInt(InitiativeExtractor.Span::start))
                    .map(InitiativeExtractor.Span::key).orElse(null);
            String label = s.text().strip().replaceAll("[.\\s]+$", "");
            out.add(new ConcernFact("concern-" + (out.size() + 1), label, initiative, List.of(s.evidence(cue.id()))));
        }
        return out;
    }
}
