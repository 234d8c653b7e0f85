package org.practicegraph.report;

import java.time.LocalDate;
import java.util.List;

/**
 * What an overall summary page states about a whole assessment: the rating, the percentage, the
 * score of each quality statement and the publication date.
 *
 * @param rating     the overall rating as written: "Outstanding", "Good", "Requires improvement" or "Inadequate"
 * @param percentage the overall percentage, 0 to 100, or null when the page gives none
 * @param indicative whether the page calls the rating or score "indicative" (the 2023 pilot reports)
 * @param published  the publication date the page states, or null
 * @param scores     the statement scores it lists, in page order
 */
public record Overview(String rating, Integer percentage, boolean indicative, LocalDate published, List<StatementScore> scores) {
    public Overview {
        scores = List.copyOf(scores);
    }

    /**
     * One line of the statement-score list: {@code Assessing needs: Score 3}.
     *
     * @param statement the quality statement, as written
     * @param score     1 to 4
     * @param start     offset of the line in the report text
     * @param end       offset after the line
     */
    public record StatementScore(String statement, int score, int start, int end) {}

    /**
     * CQC's bands: 25–38 % inadequate, 39–62 % requires improvement, 63–87 % good, 88 % and over outstanding.
     *
     * @param percentage an overall percentage
     * @return the rating the band gives, or null below 25 %
     */
    public static String ratingForPercentage(int percentage) {
        if (percentage >= 88) return "Outstanding";
        if (percentage >= 63) return "Good";
        if (percentage >= 39) return "Requires improvement";
        if (percentage >= 25) return "Inadequate";
        return null;
    }
}
