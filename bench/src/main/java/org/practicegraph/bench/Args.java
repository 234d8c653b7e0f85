package org.practicegraph.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} command-line pairs; a flag with no value maps to "true". */
final class Args {
    private Args() {}

    static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --option, got " + args[i]);
            String k = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) m.put(k, args[++i]);
            else m.put(k, "true");
        }
        return m;
    }
}
