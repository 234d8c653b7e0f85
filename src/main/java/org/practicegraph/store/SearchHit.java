package org.practicegraph.store;

/**
 * One full-text match: an indexed literal, the triple it sits in and the graph that holds it.
 * A triple found in several graphs (a council's label repeated in each of its reports) gives one
 * hit per graph.
 *
 * @param subject  the subject's IRI ({@code _:label} for a blank node), e.g. an evidence node
 * @param property the predicate's IRI: {@code pg:quote}, {@code rdfs:label}, {@code skos:prefLabel},
 *                 {@code skos:altLabel} or {@code dcterms:title}
 * @param text     the literal's lexical form, e.g. the evidence sentence
 * @param score    Lucene's relevance score; higher is better, comparable only within one search
 * @param graph    the IRI of the named graph holding the triple, e.g. a report's graph
 */
public record SearchHit(String subject, String property, String text, double score, String graph) {}
