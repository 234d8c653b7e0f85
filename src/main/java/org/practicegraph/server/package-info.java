/**
 * Serves a {@link org.practicegraph.store.Store} over HTTP with embedded Apache Jena Fuseki:
 * SPARQL query ({@code /practice/sparql}), read-only Graph Store Protocol ({@code /practice/data})
 * and {@code /$/ping}. No update endpoint exists, so the public endpoint cannot change data.
 *
 * <p>In: a store and settings. Out: a running server. Does not load data.
 */
package org.practicegraph.server;
