package org.practicegraph.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a careful reader finds in one report: the gold file format of {@code docs/evaluation.md}
 * (and score.py's {@code SCHEMA.md}). Read with {@link #read(Path)} or {@link #readFolder(Path)},
 * which check the file and compile its regexes, so a scorer never meets a malformed item.
 * <pre>
 *   List&lt;GoldReport&gt; gold = GoldReport.readFolder(Path.of("my-gold"));
 * </pre>
 *
 * @param source           the file it was read from
 * @param report           the report's file name, as the graph's {@code dcterms:identifier} holds it
 * @param authority        the council as the text names it, or null when it never does
 * @param gss              the council's ONS code, or null
 * @param qualityStatement the quality statement's title, or null
 * @param score            the report's score, or null when not annotated
 * @param statementScores  further quality statements' titles and scores, in file order (empty when none)
 * @param initiatives      the initiatives, in file order
 * @param partners         the partner organisations, in file order
 * @param metrics          the figures, in file order
 * @param outcomes         the outcomes credited to initiatives, in file order
 */
public record GoldReport(Path source, String report, String authority, String gss, String qualityStatement,
                         Double score, Map<String, Double> statementScores, List<Initiative> initiatives,
                         List<Partner> partners, List<Metric> metrics, List<Outcome> outcomes) {

    /** What every gold item says: whether it may be missed, and which lists a report's totals count. */
    public interface Item {
        /** @return true when the item is neither required for recall nor counted as a false positive */
        boolean optional();
    }

    /**
     * @param id       the item's id, unique in the file; outcomes and verbose output name it
     * @param match    case-insensitive regex (Python syntax) tried against an initiative's label
     * @param pattern  {@code match}, compiled
     * @param type     the initiative-type key ({@code skos:notation}) expected among the node's types or broader ones
     * @param status   established, pilot or planned; "established" when the file leaves it out
     * @param partners ids of partners the text ties to the initiative (not scored)
     * @param optional see {@link Item#optional()}
     */
    public record Initiative(String id, String match, Pattern pattern, String type, String status,
                             List<String> partners, boolean optional) implements Item {}

    /**
     * @param id      the item's id
     * @param match   case-insensitive regex tried against a partner's label
     * @param pattern {@code match}, compiled
     * @param kind    the kind of organisation, or null (not scored)
     */
    public record Partner(String id, String match, Pattern pattern, String kind, boolean optional) implements Item {}

    /**
     * @param value      the figure; an extracted value within 0.01 matches
     * @param valueText  the figure as Python prints the JSON number (89, 89.5), for verbose output
     * @param unit       percent, count, GBP, years, … compared with the extracted unit's kind
     * @param about      case-insensitive regex over the metric's label and evidence quote, or null for any
     * @param pattern    {@code about}, compiled ('.' when absent or empty)
     * @param baseline   the earlier figure, or null (not scored)
     * @param comparator the figure it is compared with, or null (not scored)
     */
    public record Metric(double value, String valueText, String unit, String about, Pattern pattern,
                         Double baseline, Double comparator, boolean optional) implements Item {}

    /**
     * @param initiative the id of the initiative credited with the outcome
     * @param match      case-insensitive regex over the outcome's label and evidence quote
     * @param pattern    {@code match}, compiled
     */
    public record Outcome(String initiative, String match, Pattern pattern, boolean optional) implements Item {}

    public GoldReport {
        statementScores = Collections.unmodifiableMap(new LinkedHashMap<>(statementScores));
        initiatives = List.copyOf(initiatives);
        partners = List.copyOf(partners);
        metrics = List.copyOf(metrics);
        outcomes = List.copyOf(outcomes);
    }

    /** @return the items of one list ("initiatives", "partners", "metrics" or "outcomes") */
    public List<? extends Item> items(String kind) {
        return switch (kind) {
            case "initiatives" -> initiatives;
            case "partners" -> partners;
            case "metrics" -> metrics;
            case "outcomes" -> outcomes;
            default -> throw new IllegalArgumentException("no gold list " + kind);
        };
    }

    /**
     * Reads one gold file.
     *
     * @param file a UTF-8 JSON file
     * @return the annotations
     * @throws GoldException naming the file and the problem, when it cannot be read or is malformed
     */
    public static GoldReport read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new GoldException(file + ": cannot read (" + e.getMessage() + ")");
        }
        return GoldParser.parse(file, text);
    }

    /**
     * Reads every {@code *.json} file directly in a folder, in name order (as score.py does).
     *
     * @param folder the gold folder
     * @return the annotations, one per file
     * @throws GoldException when the folder holds no gold file, a file is malformed, or two files
     *                       annotate the same report
     */
    public static List<GoldReport> readFolder(Path folder) {
        if (!Files.isDirectory(folder)) throw new GoldException(folder + ": not a folder");
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new GoldException(folder + ": cannot list (" + e.getMessage() + ")");
        }
        if (files.isEmpty()) throw new GoldException(folder + ": no gold files (*.json)");
        List<GoldReport> golds = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path f : files) {
            GoldReport g = read(f);
            // score.py would silently keep only the last of two: surely an annotation slip
            Path other = seen.putIfAbsent(g.report(), f);
            if (other != null) throw new GoldException(f + ": report " + g.report() + " is also annotated in " + other);
            golds.add(g);
        }
        return List.copyOf(golds);
    }
}
