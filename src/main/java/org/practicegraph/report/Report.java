package org.practicegraph.report;

import java.util.List;

/**
 * A parsed report: one quality statement of one local authority assessment.
 *
 * <p>{@code text} is the decoded file content with any byte-order mark removed and line endings
 * normalised to {@code \n}; every offset (sections, sentences, evidence) indexes into it.
 *
 * @param fileName         the file name, used as the report's identifier
 * @param text             the normalised text
 * @param sha256           hex SHA-256 of the file's bytes as read
 * @param qualityStatement the title of the quality statement, as written (e.g. "Learning, improvement and innovation")
 * @param score            the score, 1 to 4
 * @param scoreLabel       the score's wording (e.g. "Evidence shows a good standard"), or null when absent
 * @param sections         headings, in document order
 * @param sentences        body sentences, in document order (headings, score lines and footers excluded)
 */
public record Report(String fileName, String text, String sha256, String qualityStatement, int score,
                     String scoreLabel, List<Section> sections, List<Sentence> sentences) {
    public Report {
        sections = List.copyOf(sections);
        sentences = List.copyOf(sentences);
    }
}
