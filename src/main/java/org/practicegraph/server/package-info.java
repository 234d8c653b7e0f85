/**
 * Serves a {@link org.practicegraph.store.Store} over HTTP with embedded Apache Jena Fuseki:
 * SPARQL query ({@code /practice/sparql}), read-only Graph Store Protocol ({@code /practice/data})
 * and {@code /$/ping}. No update endpoint exists, so the public endpoint cannot change data;
 * {@code SERVICE} reaches only allowlisted endpoints ({@link org.practicegraph.server.ServiceAllowlist}).
 *
 * <p>Linked data: {@code /id/…} answers 303 to {@code /doc/…}, which negotiates Turtle, N-Triples,
 * JSON-LD, RDF/XML or an HTML page ({@link org.practicegraph.server.LinkedDataServlet});
 * {@code /.well-known/void}, {@code /ns/context.jsonld} and {@code /dumps/…} describe and hand out
 * the dataset ({@link org.practicegraph.server.PublishServlet}).
 *
 * <p>In: a store and settings. Out: a running server. Does not load reports; on start it writes
 * the derived description and score-cube graphs ({@code org.practicegraph.publish}).
 */
package org.practicegraph.server;
