/**
 * What the dataset publishes about itself and how it is handed out: the VoID and DCAT description
 * ({@link org.practicegraph.publish.DatasetDescription}), the scores as an RDF Data Cube
 * ({@link org.practicegraph.publish.ScoreCube}), the JSON-LD {@code @context}
 * ({@link org.practicegraph.publish.JsonLdContext}) and whole-dataset dumps
 * ({@link org.practicegraph.publish.Dumps}).
 *
 * <p>In: a {@link org.practicegraph.store.Store} and the {@link org.practicegraph.rdf.Iris} scheme.
 * Out: RDF graphs and byte streams. Knows nothing of HTTP (that is {@code server}) or the command
 * line; domain text (the cube's structure, the context) lives in {@code src/main/resources/publish/}.
 */
package org.practicegraph.publish;
