/**
 * Maps a parsed report and the facts extracted from it to RDF: one graph per report, in the
 * vocabulary of {@code ontology/practice-graph.ttl} ({@link org.practicegraph.rdf.PG}), with
 * deterministic IRIs ({@link org.practicegraph.rdf.Iris}) so the same input gives the same triples.
 *
 * <p>In: a {@code Report}, its {@code Fact}s, the resolved authority and manifest metadata.
 * Out: a Jena {@code Model}. Knows nothing of storage or serving.
 */
package org.practicegraph.rdf;
