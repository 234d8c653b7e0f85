package org.practicegraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a deterministic synthetic corpus: reports with the sample reports' structure (title, score
 * line, score wording, commitment, key findings sections) made of a shuffled mix of the sample
 * paragraphs, with the council named, the score and the figures varied. Every file is named
 * {@code synthetic-NNNNNN.txt}, ends with a {@code ©} footer saying it is synthetic (the parser skips
 * footers) and is listed in {@code manifest.csv}; {@code SYNTHETIC-README} (no extension, so loaders skip it) describes the folder.
 * The same seed, size and samples give byte-identical files.
 * <pre>
 *   java -cp "$(cat bench/target/classpath.txt):bench/target/classes" org.practicegraph.bench.CorpusGenerator \
 *        --samples corpus/sample --authorities src/main/resources/authority/authorities.csv \
 *        --size 1000 --seed 42 --out bench/work/corpus-1000
 * </pre>
 */
public final class CorpusGenerator {
    private static final String COMMITMENT = "The local authority commitment";
    private static final String KEY_FINDINGS = "Key findings for this quality statement";
    private static final String[] WORDING = {"", "Evidence shows significant shortfalls", "Evidence shows some shortfalls",
            "Evidence shows a good standard", "Evidence shows an exceptional standard"};
    private static final Pattern PERCENT = Pattern.compile("\\b(\\d{1,2})(?:\\.\\d)?%");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,%£-])\\b(\\d{1,3}(?:,\\d{3})*)\\b(?![\\d%.,]\\d)");

    /** A council from the register. */
    record Council(String gss, String name, List<String> variants) {}

    private final List<String> commitments = new ArrayList<>();
    private final Map<String, List<String>> sectionParagraphs = new LinkedHashMap<>();
    private final List<Council> councils;

    private CorpusGenerator(List<Path> samples, List<Council> councils) {
        this.councils = councils;
        for (Path p : samples) read(p);
        if (commitments.isEmpty() || sectionParagraphs.isEmpty())
            throw new IllegalStateException("no usable paragraphs in the sample reports");
    }

    /**
     * @param samplesDir  a folder of sample reports ({@code *.txt})
     * @param authorities the council register CSV
     * @return a generator over their paragraphs and councils
     */
    public static CorpusGenerator of(Path samplesDir, Path authorities) {
        try (Stream<Path> s = Files.list(samplesDir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            return new CorpusGenerator(files, councils(authorities));
        } catch (IOException e) {
            throw new UncheckedIOException(samplesDir + ": " + e.getMessage(), e);
        }
    }

    private static List<Council> councils(Path csv) throws IOException {
        List<Council> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("gss,")) continue;
            String[] c = line.split(",", -1);
            List<String> variants = new ArrayList<>(List.of(c[1]));
            if (c.length > 4 && !c[4].isBlank()) variants.addAll(List.of(c[4].split(";")));
            out.add(new Council(c[0], c[1], variants));
        }
        return out;
    }

    /** Splits a sample into the commitment paragraph(s) and key-findings paragraphs by section. */
    private void read(Path file) {
        String text;
        try { text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\uFEFF", ""); }
        catch (IOException e) { throw new UncheckedIOException(e); }
        String part = "";
        String section = null;
        for (String block : text.split("\n\\s*\n")) {
            String line = block.strip().replaceFirst("^#{1,6}\\s+", "");
            if (line.isEmpty() || line.matches("([-*_]\\s*){3,}") || line.startsWith("©")) continue;
            if (line.equalsIgnoreCase(COMMITMENT)) { part = "commitment"; continue; }
            if (line.equalsIgnoreCase(KEY_FINDINGS)) { part = "findings"; continue; }
            boolean heading = !line.contains("\n") && line.length() < 100 && !line.matches(".*[.!?:]$");
            if (part.equals("findings") && heading) { section = line; continue; }
            if (heading || line.length() < 80) continue;
            if (part.equals("commitment")) commitments.add(line);
            else if (part.equals("findings") && section != null)
                sectionParagraphs.computeIfAbsent(section, k -> new ArrayList<>()).add(line);
        }
    }

    /**
     * @param n    the report's number (0-based)
     * @param seed the corpus seed
     * @return the report's text
     */
    public Generated report(int n, long seed) {
        Random r = new Random(seed * 1_000_003L + n);
        Council council = councils.get(r.nextInt(councils.size()));
        int score = 1 + weighted(r);
        StringBuilder sb = new StringBuilder();
        sb.append("# Learning, improvement and innovation\n\n");
        sb.append("Score: ").append(score).append("\n\n");
        sb.append(score).append(" - ").append(WORDING[score]).append("\n\n");
        sb.append("## ").append(COMMITMENT).append("\n\n");
        sb.append(commitments.get(r.nextInt(commitments.size()))).append("\n\n");
        sb.append("## ").append(KEY_FINDINGS).append("\n\n");
        for (var e : sectionParagraphs.entrySet()) {
            List<String> pool = e.getValue();
            int k = Math.max(2, Math.min(pool.size(), (int) Math.round(pool.size() * (0.12 + 0.14 * r.nextDouble()))));
            sb.append("## ").append(e.getKey()).append("\n\n");
            List<String> shuffled = new ArrayList<>(pool);
            java.util.Collections.shuffle(shuffled, r);
            for (String p : shuffled.subList(0, k)) sb.append(vary(p, council, r)).append("\n\n");
        }
        sb.append("© Synthetic report generated by practice-graph-bench (seed ").append(seed).append(", report ")
                .append(n).append("). Not a Care Quality Commission publication.\n");
        LocalDate published = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(700));
        return new Generated(String.format(Locale.ROOT, "synthetic-%06d.txt", n), sb.toString(), council, score, published);
    }

    /** Scores as CQC gives them: mostly 2 and 3. */
    private static int weighted(Random r) {
        int x = r.nextInt(100);
        return x < 5 ? 0 : x < 35 ? 1 : x < 90 ? 2 : 3;
    }

    /** Names the report's council where a sample named one, and varies the figures. */
    private String vary(String paragraph, Council council, Random r) {
        String p = paragraph;
        for (Council c : councils)
            for (String v : c.variants())
                if (!v.isBlank() && p.contains(v) && c != council) p = p.replace(v, council.name());
        Matcher m = PERCENT.matcher(p);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, (1 + r.nextInt(99)) + "%");
        m.appendTail(sb);
        m = NUMBER.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long v = Long.parseLong(m.group(1).replace(",", ""));
            // keep years, and the small counts that read as words ("2 teams")
            String rep = (v >= 1990 && v <= 2035) || v < 10 ? m.group(1)
                    : String.format(Locale.UK, "%,d", Math.max(10, Math.round(v * (0.5 + r.nextDouble()))));
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** One generated report. */
    public record Generated(String fileName, String text, Council council, int score, LocalDate published) {}

    /**
     * Writes reports {@code 0..size-1}, {@code manifest.csv} and {@code SYNTHETIC-README} (no extension, so loaders skip it) into {@code out}.
     *
     * @return the total bytes of report text written
     */
    public long write(Path out, int size, long seed) throws IOException {
        Files.createDirectories(out);
        try (Stream<Path> old = Files.list(out)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("synthetic-")).toList()) Files.delete(p);
        }
        long bytes = 0;
        try (Writer manifest = Files.newBufferedWriter(out.resolve("manifest.csv"), StandardCharsets.UTF_8)) {
            manifest.write("file,authority,gss,published,url\n");
            for (int i = 0; i < size; i++) {
                Generated g = report(i, seed);
                byte[] b = g.text().getBytes(StandardCharsets.UTF_8);
                Files.write(out.resolve(g.fileName()), b);
                bytes += b.length;
                manifest.write(g.fileName() + "," + csv(g.council().name()) + "," + g.council().gss() + "," + g.published() + ",\n");
            }
        }
        Files.writeString(out.resolve("SYNTHETIC-README"), "Synthetic corpus: not CQC reports.\n\n"
                + "Generated by `org.practicegraph.bench.CorpusGenerator` for benchmarking (size " + size + ", seed " + seed
                + "). Each `synthetic-*.txt` mixes paragraphs of the sample reports in `corpus/sample/` with the council, "
                + "score and figures varied at random; none of it is a finding about any real council. "
                + "Every file ends with a footer saying so.\n");
        return bytes;
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** {@code --size N --seed S --out DIR [--samples DIR] [--authorities CSV]} */
    public static void main(String[] args) throws IOException {
        Map<String, String> a = Args.parse(args);
        Path samples = Path.of(a.getOrDefault("samples", "corpus/sample"));
        Path authorities = Path.of(a.getOrDefault("authorities", "src/main/resources/authority/authorities.csv"));
        int size = Integer.parseInt(a.getOrDefault("size", "1000"));
        long seed = Long.parseLong(a.getOrDefault("seed", "42"));
        Path out = Path.of(a.getOrDefault("out", "bench/work/corpus-" + size));
        long t0 = System.nanoTime();
        long bytes = of(samples, authorities).write(out, size, seed);
        System.out.printf(Locale.ROOT, "wrote %d synthetic reports (%.1f MB) to %s in %.1f s%n", size, bytes / 1e6, out,
                (System.nanoTime() - t0) / 1e9);
    }
}
