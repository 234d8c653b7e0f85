package org.practicegraph.extract;

/**
 * The sentence that supports a fact: {@code report.text().substring(start, end).equals(quote)}.
 *
 * @param start   offset of the quote in the report text
 * @param end     offset after the quote
 * @param quote   the exact sentence
 * @param section the heading the sentence sits under
 * @param rule    id of the rule that produced the fact from this sentence (e.g. "initiative.taxonomy-label")
 */
public record EvidenceSpan(int start, int end, String quote, String section, String rule) {}
