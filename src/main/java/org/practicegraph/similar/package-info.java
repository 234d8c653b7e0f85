/**
 * Linked practices: a derived stage that reads the loaded reports from a
 * {@link org.practicegraph.store.Store} and writes a derived graph of {@code pg:similarTo} links
 * between initiatives of different authorities, scored by how close their SKOS initiative types
 * are and by the cosine similarity of sentence embeddings of their label and evidence quotes.
 * Owns the scoring ({@link org.practicegraph.similar.Scoring}), the type hierarchy read from the
 * taxonomy graphs ({@link org.practicegraph.similar.TypeHierarchy}), the offline embedding model
 * ({@link org.practicegraph.similar.MiniLmEmbedder}) and the graph builder
 * ({@link org.practicegraph.similar.SimilarInitiatives}). Reads the store, never writes a report
 * graph; knows nothing of the server or the CLI.
 */
package org.practicegraph.similar;
