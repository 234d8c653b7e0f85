package org.practicegraph.report;

/**
 * One sentence of a report: {@code report.text().substring(start, end).equals(text)}.
 *
 * @param start     offset of the first character in the report text
 * @param end       offset after the last character
 * @param text      the sentence
 * @param section   the heading the sentence sits under (the nearest one above it)
 * @param paragraph index of the paragraph in the report, from 0
 */
public record Sentence(int start, int end, String text, String section, int paragraph) {}
