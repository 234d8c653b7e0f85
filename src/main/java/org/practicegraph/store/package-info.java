/**
 * Keeps the graph: a TDB2 database in a directory or in memory ({@link org.practicegraph.store.Store}),
 * with its Lucene full-text index of evidence sentences and labels ({@code SearchIndex},
 * {@link org.practicegraph.store.SearchHit}), and the {@link org.practicegraph.store.Loader} that turns report files into one named graph per
 * report, each validated against {@code ontology/shapes.ttl} and written in one transaction.
 *
 * <p>In: report files, an optional {@link org.practicegraph.store.Manifest}. Out: the dataset
 * (default graph = union of the named graphs) and a {@link org.practicegraph.store.LoadResult}.
 * Uses the report, extract and rdf stages; knows nothing of HTTP or the command line.
 */
package org.practicegraph.store;
