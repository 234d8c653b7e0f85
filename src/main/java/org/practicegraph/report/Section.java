package org.practicegraph.report;

/**
 * A heading of a report and the span of text it governs (up to the next heading).
 *
 * @param heading the heading text, without markdown markers
 * @param start   offset of the heading in the report text
 * @param end     offset where the next heading starts, or the end of the text
 */
public record Section(String heading, int start, int end) {}
