/**
 * The explorer: server-rendered HTML pages for people who do not write SPARQL. Home (counts,
 * authorities by score, a heat map of initiative type × score, recent loads), one page per
 * authority, practice (initiative type), initiative, partner and report, search, and a SPARQL
 * workbench. Every page's data comes from the SPARQL files under {@code explore/queries/} run
 * against the store, and downloads as CSV; templates live under {@code explore/templates/}.
 *
 * <p>Owns: routing of explorer paths ({@link ExplorerServlet}), the mapping from data IRIs to page
 * paths ({@link Links}), and the small pure functions that turn rows into what a page shows
 * ({@link MetricText}, {@link Highlighter}, {@link Charts}). It reads the store and never writes it;
 * {@code server} mounts it.
 */
package org.practicegraph.explore;
