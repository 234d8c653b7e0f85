/**
 * Scores extraction: reads a graph through SPARQL and gold annotations from JSON files, and counts
 * what the graph found, missed and made up, exactly as the reference scorer {@code score.py} does
 * (same queries, same matching rules, same output lines).
 *
 * <p>In: a {@link org.practicegraph.evaluate.Sparql} runner (over a dataset, or a SPARQL endpoint)
 * and {@link org.practicegraph.evaluate.GoldReport}s. Out: an
 * {@link org.practicegraph.evaluate.Evaluation}. {@link org.practicegraph.evaluate.Evaluator} is the
 * facade. Depends on nothing but Jena and Gson: it sees the graph only as query results, so it
 * scores a running server as well as a local store, and knows nothing of how the graph was made.
 */
package org.practicegraph.evaluate;
