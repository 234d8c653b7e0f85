package org.practicegraph.report;

import java.util.List;

/**
 * A parsed report file: one quality statement of one local authority assessment, or the overall
 * summary page of an assessment (then {@link #overview()} is not null and {@link #score()} is 0).
 *
 * <p>{@code text} is the decoded file content with any byte-order mark removed and line endings
 * normalised to {@code \n}; every offset (sections, sentences, evidence) indexes into it.
 *
 * @param fileName         the file name, used as the report's identifier
 * @param text             the normalised text
 * @param sha256           hex SHA-256 of the file's bytes as read
 * @param qualityStatement the title of the quality statement, as written (e.g. "Learning, improvement and innovation")
 * @param score            the score, 1 to 4; 0 on an overall summary page, which scores no single statement
 * @param scoreLabel       the score's wording (e.g. "Evidence shows a good standard"), or null when absent
 * @param sections         headings, in document order
 * @param sentences        body sentences, in document order (headings, score lines and footers excluded)
 * @param overview         what an overall summary page states (rating, percentage, statement scores), or null
 * @param indicative       whether the score is called indicative ({@code Indicative score: 3}, pilot reports)
 */
public record Report(String fileName, String text, String sha256, String qualityStatement, int score,
                     String scoreLabel, List<Section> sections, List<Sentence> sentences, Overview overview,
                     boolean indicative) {
    public Report {
        sections = List.copyOf(sections);
        sentences = List.copyOf(sentences);
    }

    /** A quality statement page: no overview. */
    public Report(String fileName, String text, String sha256, String qualityStatement, int score,
                  String scoreLabel, List<Section> sections, List<Sentence> sentences) {
        this(fileName, text, sha256, qualityStatement, score, scoreLabel, sections, sentences, null, false);
    }

    /** @return whether this is an overall summary page rather than one quality statement */
    public boolean isSummary() { return overview != null; }
}
