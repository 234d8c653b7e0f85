package org.practicegraph.similar;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Initiative types and their {@code skos:broader} concepts, to tell how close two types are.
 * Built from (concept, broader concept) pairs, as the taxonomy graphs hold them.
 */
public final class TypeHierarchy {
    private final Map<String, Set<String>> broader = new HashMap<>();
    private final Map<String, Map<String, Integer>> ancestors = new HashMap<>();

    /** @param broaderPairs concept IRI → its broader concepts' IRIs */
    public TypeHierarchy(Map<String, ? extends Collection<String>> broaderPairs) {
        broaderPairs.forEach((c, bs) -> broader.put(c, new HashSet<>(bs)));
    }

    /** @return a hierarchy in which every type is only itself */
    public static TypeHierarchy flat() { return new TypeHierarchy(Map.of()); }

    /**
     * @param a a concept IRI
     * @param b a concept IRI
     * @return the fewest broader/narrower steps from {@code a} to {@code b} through a concept both
     *         fall under (0 when equal), or -1 when they share none
     */
    public int steps(String a, String b) {
        if (a.equals(b)) return 0;
        Map<String, Integer> up = ancestorsOf(a);
        int best = -1;
        for (Map.Entry<String, Integer> e : ancestorsOf(b).entrySet()) {
            Integer d = up.get(e.getKey());
            if (d != null && (best < 0 || d + e.getValue() < best)) best = d + e.getValue();
        }
        return best;
    }

    /**
     * @param as the types of one initiative
     * @param bs the types of another
     * @return the highest {@link Scoring#typeSimilarity} over pairs of their types; 0 when either has none
     */
    public double similarity(Collection<String> as, Collection<String> bs) {
        double best = 0;
        for (String a : as) for (String b : bs) best = Math.max(best, Scoring.typeSimilarity(steps(a, b)));
        return best;
    }

    /** Concept itself at 0, its broader concepts at 1, theirs at 2, …; a cycle in the data ends the walk. */
    private synchronized Map<String, Integer> ancestorsOf(String concept) {
        return ancestors.computeIfAbsent(concept, c -> {
            Map<String, Integer> depth = new LinkedHashMap<>();
            depth.put(c, 0);
            Set<String> frontier = Set.of(c);
            for (int d = 1; !frontier.isEmpty(); d++) {
                Set<String> next = new HashSet<>();
                for (String f : frontier)
                    for (String b : broader.getOrDefault(f, Set.of()))
                        if (!depth.containsKey(b)) { depth.put(b, d); next.add(b); }
                frontier = next;
            }
            return depth;
        });
    }
}
