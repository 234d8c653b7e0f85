package org.practicegraph.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code /extract/status-cues.tsv} and decides the status a sentence gives a mention: the cue
 * nearest the mention wins (a cue after the mention counts as further away, since English states a
 * status before its object: "piloting a device intended to…"), then the higher priority.
 */
final class StatusCues {
    private record Cue(String id, Pattern regex, Keywords keywords, Status status, int priority) {}

    /** The status a sentence gives a mention, the cue that said so (null when none) and its priority. */
    record Verdict(Status status, String cue, int priority) {
        static final Verdict DEFAULT = new Verdict(Status.ESTABLISHED, null, 0);
    }

    private static final int WINDOW = 90;
    private static final int AFTER_PENALTY = 30;
    private final List<Cue> cues = new ArrayList<>();

    StatusCues() {
        for (RuleFile.Row r : RuleFile.read("/extract/status-cues.tsv", 4)) {
            Pattern p = Pattern.compile(r.col(1), Pattern.CASE_INSENSITIVE);
            cues.add(new Cue(r.col(0), p, Keywords.of(p), Status.valueOf(r.col(2).toUpperCase(Locale.ROOT)), Integer.parseInt(r.col(3))));
        }
    }

    /**
     * @param sentence the sentence
     * @param from     start of the mention, relative to the sentence
     * @param to       end of the mention, relative to the sentence
     */
    Verdict judge(Doc.Sent sentence, int from, int to) {
        Verdict best = Verdict.DEFAULT;
        int bestDistance = Integer.MAX_VALUE;
        for (Cue c : cues) {
            if (!c.keywords().mayMatch(sentence.lower())) continue;
            Matcher m = c.regex().matcher(sentence.text());
            while (m.find()) {
                int d;
                if (m.end() <= from) d = from - m.end();
                else if (m.start() >= to) d = m.start() - to + AFTER_PENALTY;
                else d = 0;
                if (d > WINDOW) continue;
                if (d < bestDistance || (d == bestDistance && c.priority() > best.priority())) {
                    best = new Verdict(c.status(), c.id(), c.priority());
                    bestDistance = d;
                }
            }
        }
        return best;
    }
}
