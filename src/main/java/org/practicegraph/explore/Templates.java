package org.practicegraph.explore;

import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;

/**
 * The page templates ({@code explore/templates/NAME.mustache}): Mustache, logic-free, and
 * HTML-escaping every {@code {{value}}}; only {@code {{{html}}}} built by this package's own
 * escaping code ({@link Charts}, {@link Highlighter}) goes in unescaped. Compiled once.
 */
final class Templates {
    private final MustacheFactory factory = new DefaultMustacheFactory("explore/templates");
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

    /** @return the page {@code name} rendered with {@code model} */
    String render(String name, Map<String, Object> model) {
        Mustache m = compiled.computeIfAbsent(name, n -> factory.compile(n + ".mustache"));
        StringWriter w = new StringWriter(8192);
        m.execute(w, model);
        return w.toString();
    }
}
