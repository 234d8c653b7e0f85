package org.practicegraph.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.SKOS;
import org.practicegraph.report.Report;
import org.practicegraph.report.Reports;
import org.practicegraph.report.Sentence;

/**
 * The leave-one-out check of docs/extraction.md: how much of the extractor's knowledge only one
 * sample report motivated. For every vocabulary entry (a taxonomy label, a gazetteer row, a cue, head,
 * anaphor, generic term or name stop word) it counts the sample reports the entry fires on; for each
 * report it then removes the entries that fire on that report alone, and rescores that report with
 * the matching rules of gold/score.py. Run after {@code mvn test-compile}:
 * <pre>
 *   java -cp target/test-classes:target/classes:$(cat cp.txt) org.practicegraph.extract.LeaveOneOut [out.md]
 * </pre>
 * It prints a Markdown table (and the removed entries); the table in docs/extraction.md is its output.
 * Each rescoring runs in a class loader that reads the pruned copies of the resources first, so the
 * production code needs no hook for it.
 */
public final class LeaveOneOut {
    /** One entry of the vocabulary: where it lives, how to find it in text, how to remove it. */
    record Entry(String file, String id, Pattern regex, List<String> tokens, Statement triple, int line) {
        String show() { return file.replaceAll(".*/", "") + ": " + id; }
    }

    private static final List<String> TAXONOMIES = List.of("ontology/initiative-types.ttl", "ontology/partner-kinds.ttl",
            "ontology/outcome-types.ttl");
    /** Rule files: column holding the regex (case-insensitive unless noted) or the term. */
    private static final Map<String, String> REGEX_FILES = Map.of("initiative-cues.tsv", "i", "outcome-cues.tsv", "i",
            "status-cues.tsv", "i", "concern-cues.tsv", "i", "partner-patterns.tsv", "");
    private static final List<String> TERM_FILES = List.of("organisations.tsv", "generic-terms.tsv", "name-stopwords.tsv",
            "initiative-heads.tsv", "outcome-anaphors.tsv");

    private LeaveOneOut() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".");
        String table = run(root);
        System.out.println(table);
        if (args.length > 0) Files.writeString(Path.of(args[0]), table);
    }

    static String run(Path root) throws Exception {
        List<Path> golds;
        try (Stream<Path> s = Files.list(root.resolve("src/test/resources/gold"))) {
            golds = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<Entry> entries = entries(root);
        Map<Entry, Set<String>> firesOn = new LinkedHashMap<>();
        Map<String, List<List<Token>>> sentences = new TreeMap<>();
        Map<String, List<String>> texts = new TreeMap<>();
        for (Path g : golds) {
            String report = JSON.read(g.toString()).get("report").getAsString().value();
            Report r = Reports.parse(root.resolve("corpus/sample").resolve(report));
            sentences.put(report, r.sentences().stream().map(s -> Token.tokenise(s.text(), 0)).toList());
            texts.put(report, r.sentences().stream().map(Sentence::text).toList());
        }
        Lexicon lexicon = Lexicon.fromModel(taxonomyModel(root, Set.of()));
        for (String report : sentences.keySet()) {
            Set<String> hitLabels = new TreeSet<>();
            for (List<Token> ts : sentences.get(report))
                for (String scheme : List.of(Lexicon.INITIATIVE_TYPES, Lexicon.PARTNER_KINDS, Lexicon.OUTCOME_TYPES))
                    for (Lexicon.Hit h : lexicon.find(ts, scheme)) hitLabels.add(scheme + "|" + h.notation() + "|" + h.label());
            for (Entry e : entries) {
                boolean fires;
                if (e.triple() != null) {
                    String scheme = e.triple().getSubject().getPropertyResourceValue(SKOS.inScheme).getURI();
                    String notation = e.triple().getSubject().getProperty(SKOS.notation).getString();
                    fires = hitLabels.contains(scheme + "|" + notation + "|" + e.triple().getString());
                } else if (e.regex() != null) {
                    fires = texts.get(report).stream().anyMatch(t -> e.regex().matcher(t).find());
                } else {
                    fires = sentences.get(report).stream().anyMatch(ts -> contains(ts, e.tokens()));
                }
                if (fires) firesOn.computeIfAbsent(e, k -> new TreeSet<>()).add(report);
            }
        }
        StringWriter out = new StringWriter();
        out.write(String.format(Locale.ROOT, "Vocabulary entries: %d; firing on some sample report: %d; on one report only: %d%n%n",
                entries.size(), firesOn.size(), firesOn.values().stream().filter(s -> s.size() == 1).count()));
        out.write("| report | entries only it fires | initiatives P / R / F1 (all → pruned) | partners F1 | metrics F1 | outcomes R | type | status |\n");
        out.write("|---|---|---|---|---|---|---|---|\n");
        StringBuilder removedList = new StringBuilder();
        for (Path g : golds) {
            String report = JSON.read(g.toString()).get("report").getAsString().value();
            List<Entry> own = firesOn.entrySet().stream().filter(x -> x.getValue().equals(Set.of(report))).map(Map.Entry::getKey).toList();
            double[] all = score(root, g, List.of());
            double[] pruned = score(root, g, own);
            out.write(String.format(Locale.ROOT, "| %s | %d | %.2f / %.2f / %.2f → %.2f / %.2f / %.2f | %.2f → %.2f | %.2f → %.2f | %.2f → %.2f | %.2f → %.2f | %.2f → %.2f |%n",
                    report.substring(0, 3), own.size(), all[0], all[1], all[2], pruned[0], pruned[1], pruned[2],
                    all[3], pruned[3], all[4], pruned[4], all[5], pruned[5], all[6], pruned[6], all[7], pruned[7]));
            removedList.append("\n").append(report.substring(0, 3)).append(": ")
                    .append(String.join("; ", own.stream().map(Entry::show).toList())).append("\n");
        }
        out.write("\nEntries removed per report:\n");
        out.write(removedList.toString());
        return out.toString();
    }

    private static boolean contains(List<Token> ts, List<String> words) {
        if (words.isEmpty()) return false;
        outer:
        for (int i = 0; i + words.size() <= ts.size(); i++) {
            for (int k = 0; k < words.size(); k++) if (!ts.get(i + k).norm().equals(words.get(k))) continue outer;
            return true;
        }
        return false;
    }

    /** Every label of the taxonomies and every rule line of the rule files. */
    static List<Entry> entries(Path root) throws IOException {
        List<Entry> out = new ArrayList<>();
        Model m = taxonomyModel(root, Set.of());
        for (Property p : List.of(SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel))
            for (Statement s : m.listStatements(null, p, (String) null).toList()) {
                if (!s.getSubject().hasProperty(SKOS.notation) || !s.getSubject().hasProperty(SKOS.inScheme)) continue;
                String file = TAXONOMIES.stream().filter(f -> fileOf(root, f).contains(s)).findFirst().orElse("ontology/?");
                out.add(new Entry(file, s.getSubject().getProperty(SKOS.notation).getString() + " '" + s.getString() + "'",
                        null, null, s, -1));
            }
        Path dir = root.resolve("src/main/resources/extract");
        for (String f : REGEX_FILES.keySet())
            for (RuleFile.Row r : RuleFile.read("/extract/" + f, 2))
                out.add(new Entry("extract/" + f, r.col(0), Pattern.compile(r.col(1), REGEX_FILES.get(f).isEmpty() ? 0 : Pattern.CASE_INSENSITIVE),
                        null, null, r.line()));
        for (String f : TERM_FILES)
            for (RuleFile.Row r : RuleFile.read("/extract/" + f, 1)) {
                List<String> words = Token.normaliseAll(r.col(0));
                out.add(new Entry("extract/" + f, r.col(0), null, words, null, r.line()));
                if (f.equals("organisations.tsv"))             // variants of a gazetteer row count as the row
                    for (String v : r.col(3).split("\\|"))
                        if (!v.isBlank()) out.add(new Entry("extract/" + f, r.col(0) + " / " + v.strip(), null, Token.normaliseAll(v), null, r.line()));
            }
        if (!Files.isDirectory(dir)) throw new IllegalStateException("run from the project root");
        return out;
    }

    private static final Map<String, Model> FILES = new TreeMap<>();

    private static Model fileOf(Path root, String f) {
        return FILES.computeIfAbsent(f, k -> RDFDataMgr.loadModel(root.resolve(k).toString()));
    }

    private static Model taxonomyModel(Path root, Set<Statement> without) {
        Model m = ModelFactory.createDefaultModel();
        for (String f : TAXONOMIES) m.add(fileOf(root, f));
        m.remove(new ArrayList<>(without));
        return m;
    }

    /**
     * Scores one report with the given entries removed from copies of the resources.
     *
     * @return initiatives P, R, F1, partners F1, metrics F1, outcomes R, type accuracy, status accuracy
     */
    static double[] score(Path root, Path gold, List<Entry> removed) throws Exception {
        Path tmp = Files.createTempDirectory("loo");
        Files.createDirectories(tmp.resolve("extract"));
        Files.createDirectories(tmp.resolve("ontology"));
        Set<Statement> triples = new java.util.HashSet<>();
        for (Entry e : removed) if (e.triple() != null) triples.add(e.triple());
        for (String f : TAXONOMIES) {
            Model m = ModelFactory.createDefaultModel().add(fileOf(root, f));
            m.setNsPrefixes(fileOf(root, f).getNsPrefixMap());
            m.remove(new ArrayList<>(triples));
            try (OutputStream o = Files.newOutputStream(tmp.resolve(f))) { RDFDataMgr.write(o, m, Lang.TURTLE); }
        }
        try (Stream<Path> s = Files.list(root.resolve("src/main/resources/extract"))) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                Set<Integer> drop = new TreeSet<>();
                for (Entry e : removed) if (e.file().equals("extract/" + name)) drop.add(e.line());
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                List<String> kept = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) if (!drop.contains(i + 1)) kept.add(lines.get(i));
                Files.write(tmp.resolve("extract").resolve(name), kept, StandardCharsets.UTF_8);
            }
        }
        URL[] urls = {tmp.toUri().toURL(),
                Extractor.class.getProtectionDomain().getCodeSource().getLocation(),
                LeaveOneOut.class.getProtectionDomain().getCodeSource().getLocation()};
        try (ChildFirst loader = new ChildFirst(urls, LeaveOneOut.class.getClassLoader())) {
            Class<?> c = loader.loadClass(LeaveOneOut.class.getName());
            return (double[]) c.getDeclaredMethod("scoreHere", String.class, String.class)
                    .invoke(null, gold.toString(), root.resolve("corpus/sample").toString());
        }
    }

    /** Runs inside the pruned class loader: extracts one report and scores it (score.py's rules). */
    public static double[] scoreHere(String goldFile, String corpus) throws IOException {
        Extractor extractor = Extractor.fromClasspath();
        GoldScorer scorer = new GoldScorer(Lexicon.fromClasspath(Extractor.TAXONOMIES), false);
        JsonObject gold = JSON.read(goldFile);
        Report report = Reports.parse(Path.of(corpus, gold.get("report").getAsString().value()));
        List<Fact> facts = new ArrayList<>();
        extractor.extract(report, facts::add);
        scorer.score(report.fileName(), gold, facts);
        var t = scorer.totals;
        return new double[] {t.get("initiatives").p(), t.get("initiatives").r(), t.get("initiatives").f(),
                t.get("partners").f(), t.get("metrics").f(), t.get("outcomes").r(),
                scorer.typeAccuracy(), scorer.statusAccuracy()};
    }

    /** Loads this project's classes and resources from its own URLs first (the pruned copies first of all). */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls, ClassLoader parent) { super(urls, parent); }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (!name.startsWith("org.practicegraph.")) return super.loadClass(name, resolve);
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try { c = findClass(name); } catch (ClassNotFoundException e) { return super.loadClass(name, resolve); }
                }
                if (resolve) resolveClass(c);
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            URL u = findResource(name);
            return u != null ? u : super.getResource(name);
        }
    }

}
