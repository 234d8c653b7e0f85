package org.practicegraph.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The structure a web page or PDF yields once its layout is stripped: headings, paragraphs and list
 * items, in document order. {@link #text()} renders it as the Markdown that
 * {@link TextReportFormat} reads, so every format ends up parsed by one parser and offsets index
 * that rendered text.
 * <pre>
 *   Outline o = new Outline().heading(1, "Safeguarding").paragraph("Score: 3").item("Staff told us…");
 *   String text = o.text();   // "# Safeguarding\n\nScore: 3\n\n- Staff told us…\n"
 * </pre>
 */
final class Outline {
    private enum Kind { HEADING, PARAGRAPH, ITEM }

    private record Block(Kind kind, int level, String text) {}

    private final List<Block> blocks = new ArrayList<>();

    /**
     * @param level 1 (title) to 6
     * @param text  the heading; blank text is ignored
     * @return this outline, for chaining
     */
    Outline heading(int level, String text) { return add(Kind.HEADING, Math.max(1, Math.min(6, level)), text); }

    /** @param text a paragraph; blank text is ignored. @return this outline, for chaining */
    Outline paragraph(String text) { return add(Kind.PARAGRAPH, 0, text); }

    /** @param text one list item, without its marker; blank text is ignored. @return this outline, for chaining */
    Outline item(String text) { return add(Kind.ITEM, 0, text); }

    /** @return whether nothing has been added */
    boolean isEmpty() { return blocks.isEmpty(); }

    private Outline add(Kind kind, int level, String text) {
        String t = normalise(text);
        if (!t.isEmpty()) blocks.add(new Block(kind, level, t));
        return this;
    }

    /** Runs of whitespace (including no-break spaces) become one space; ends are trimmed. */
    static String normalise(String s) {
        return s == null ? "" : s.replace('\u00A0', ' ').replaceAll("[\\s\u200B]+", " ").strip();
    }

    /** @return Markdown: {@code #} headings, paragraphs and {@code -} items, blocks separated by a blank line, consecutive items by a newline */
    String text() {
        StringBuilder b = new StringBuilder();
        Kind previous = null;
        for (Block block : blocks) {
            if (previous != null) b.append(previous == Kind.ITEM && block.kind() == Kind.ITEM ? "\n" : "\n\n");
            switch (block.kind()) {
                case HEADING -> b.append("#".repeat(block.level())).append(' ').append(block.text());
                case ITEM -> b.append("- ").append(block.text());
                case PARAGRAPH -> b.append(block.text());
            }
            previous = block.kind();
        }
        return b.append('\n').toString();
    }
}
