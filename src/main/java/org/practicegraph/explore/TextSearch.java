package org.practicegraph.explore;

import java.util.List;

/** Full-text search, as the explorer's search page needs it. */
@FunctionalInterface
public interface TextSearch {
    /** A match: the resource, the text that matched, and the relevance score. */
    record Hit(String subject, String text, double score) {}

    /**
     * @param query the words a person typed
     * @param limit most hits to return
     * @return the best hits first
     * @throws IllegalArgumentException when the query cannot be understood, with a message to show
     */
    List<Hit> find(String query, int limit);
}
