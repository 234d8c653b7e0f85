package org.practicegraph.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the tab-separated rule files under {@code /extract/} on the classpath. Lines starting with
 * {@code #} and blank lines are comments; every other line is one rule. A line with too few columns
 * fails loudly, naming the file and line, so a typo in a rule file never silently drops a rule.
 */
final class RuleFile {
    private RuleFile() {}

    /** One rule line: its columns (trailing empty columns filled with "") and where it came from. */
    record Row(String file, int line, String[] cols) {
        String col(int i) { return i < cols.length ? cols[i] : ""; }
    }

    /**
     * @param resource  classpath resource, e.g. "/extract/status-cues.tsv"
     * @param minColumns columns every rule must have
     * @return the rules in file order
     * @throws IllegalStateException naming the file when it is missing or a line is short
     */
    static List<Row> read(String resource, int minColumns) {
        try (InputStream in = RuleFile.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + ": rule file not found on the classpath");
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].replace("\r", "");
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t", -1);
                if (cols.length < minColumns)
                    throw new IllegalStateException(resource + ":" + (i + 1) + ": expected " + minColumns
                            + " tab-separated columns, found " + cols.length + ": " + line);
                rows.add(new Row(resource, i + 1, Arrays.stream(cols).map(String::strip).toArray(String[]::new)));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot read rule file", e);
        }
    }

    /** @return the first column of every rule, normalised as a phrase (for word lists) */
    static List<List<String>> phrases(String resource) {
        List<List<String>> out = new ArrayList<>();
        for (Row r : read(resource, 1)) out.add(Token.normaliseAll(r.col(0)));
        return out;
    }
}
