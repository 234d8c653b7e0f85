package org.practicegraph.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Small reshaping of query rows for templates: grouping rows that share a key. */
final class Rows {
    private Rows() {}

    /**
     * Groups rows by the value of {@code key}, in first-seen order. Each group is the first row's
     * map plus {@code children}: the distinct maps of {@code childFields} over the group's rows
     * (rows without the first child field are left out of it).
     */
    static List<Map<String, Object>> group(List<Map<String, Object>> rows, String key, String children, List<String> childFields) {
        Map<Object, Map<String, Object>> groups = new LinkedHashMap<>();
        Map<Object, LinkedHashSet<Map<String, Object>>> kids = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            Object k = Objects.requireNonNullElse(row.get(key), "");
            groups.computeIfAbsent(k, x -> new LinkedHashMap<>(row));
            LinkedHashSet<Map<String, Object>> set = kids.computeIfAbsent(k, x -> new LinkedHashSet<>());
            if (!childFields.isEmpty() && row.get(childFields.get(0)) != null) {
                Map<String, Object> child = new LinkedHashMap<>();
                for (String f : childFields) if (row.get(f) != null) child.put(f, row.get(f));
                set.add(child);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((k, g) -> {
            g.put(children, new ArrayList<>(kids.get(k)));
            g.put(children + "Count", kids.get(k).size());
            out.add(g);
        });
        return out;
    }
}
