package org.practicegraph.authority;

import java.util.List;

/**
 * A council with adult social care duties.
 *
 * @param gss      ONS GSS code, e.g. E09000017
 * @param name     common short name, e.g. "Hillingdon"
 * @param type     council type, e.g. "LondonBorough"
 * @param region   English region
 * @param variants every name it is known by (short name, generated forms, listed extras)
 */
public record Authority(String gss, String name, String type, String region, List<String> variants) {
    public Authority {
        variants = List.copyOf(variants);
    }
}
