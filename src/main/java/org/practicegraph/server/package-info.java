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
 * <p>Hardening ({@link org.practicegraph.server.HardeningFilter}, {@link org.practicegraph.server.CappedQuery},
 * {@link org.practicegraph.server.ErrorPages}): answers over the result cap are refused, request bodies over
 * the size limit answer 413, errors are short plain text without Java detail, and every answer carries the
 * security headers. The only write path, {@code POST /$/admin/load}, exists only with an
 * {@link org.practicegraph.server.AdminPassword} and loads report files, never SPARQL Update.
 *
 * <p>Admission control ({@link org.practicegraph.server.AdmissionFilter}): at most a few requests that
 * read the data (queries, linked-data documents, explorer pages) run at once; the others wait their
 * turn in arrival order, within a bounded queue and a bounded wait, else answer 503 with
 * {@code Retry-After}.
 *
 * <p>Explorer: {@code /}, {@code /authorities}, {@code /practices}, {@code /initiatives},
 * {@code /partners}, {@code /reports}, {@code /search}, {@code /workbench} and {@code /assets} are the
 * HTML pages of {@link org.practicegraph.explore.ExplorerServlet}, with search through the store's
 * full-text index.
 *
 * <p>In: a store and settings. Out: a running server. Does not load reports; on start it writes
 * the derived description, score-cube and practice-statistics graphs ({@code org.practicegraph.publish})
 * and, in the background, the similar-initiative links ({@code org.practicegraph.similar}).
 */
package org.practicegraph.server;
