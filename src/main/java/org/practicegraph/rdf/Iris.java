package org.practicegraph.rdf;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Deterministic IRIs for the data: the same report and facts always get the same IRIs.
 * <pre>
 *   Iris iris = Iris.DEFAULT;
 *   iris.report("003_874a80aed6dcf2ea.txt");   // https://w3id.org/practice-graph/id/report/003_874a80aed6dcf2ea
 *   iris.partner("brunel-university");         // https://w3id.org/practice-graph/id/partner/brunel-university
 * </pre>
 *
 * @param base the data IRI base, ending in '/'
 */
public record Iris(String base) {
    /** The default data base, {@value}. */
    public static final String DEFAULT_BASE = "https://w3id.org/practice-graph/id/";
    /** IRIs under {@link #DEFAULT_BASE}. */
    public static final Iris DEFAULT = new Iris(DEFAULT_BASE);

    public Iris {
        if (!base.endsWith("/") && !base.endsWith("#")) base = base + "/";
    }

    /** @return the report node of a source file */
    public String report(String fileName) { return base + "report/" + reportSlug(fileName); }

    /** @return the name of the graph that holds everything extracted from one report */
    public String reportGraph(String fileName) { return reportGraphPrefix() + reportSlug(fileName); }

    /** @return what every report graph's name starts with */
    public String reportGraphPrefix() { return base + "graph/report/"; }

    /** @return the assessment of one quality statement in one report */
    public String assessment(String fileName, String statementSlug) {
        return base + "assessment/" + reportSlug(fileName) + "/" + statementSlug;
    }

    /** @return a known council, by its short name */
    public String authority(String name) { return base + "authority/" + slug(name); }

    /** @return the council of a report that does not say which council it is: one per report */
    public String unidentifiedAuthority(String fileName) { return base + "authority/unidentified/" + reportSlug(fileName); }

    public String initiative(String fileName, String key) { return base + "initiative/" + reportSlug(fileName) + "/" + slug(key); }

    /** @return a partner organisation: one IRI per organisation across reports */
    public String partner(String key) { return base + "partner/" + slug(key); }

    public String metric(String fileName, String key) { return base + "metric/" + reportSlug(fileName) + "/" + slug(key); }

    public String outcome(String fileName, String key) { return base + "outcome/" + reportSlug(fileName) + "/" + slug(key); }

    public String concern(String fileName, String key) { return base + "concern/" + reportSlug(fileName) + "/" + slug(key); }

    /** @return the evidence node of one sentence: {@code start}-{@code end} are its offsets */
    public String evidence(String fileName, int start, int end) {
        return base + "evidence/" + reportSlug(fileName) + "/" + start + "-" + end;
    }

    /** @return the dataset as a whole, the subject of its VoID and DCAT description */
    public String dataset() { return base + "dataset"; }

    /** @return the name of the graph holding the dataset's VoID and DCAT description */
    public String descriptionGraph() { return base + "graph/void"; }

    /** @return the name of the graph holding the scores as RDF Data Cube observations */
    public String cubeGraph() { return base + "graph/cube"; }

    /** @return the name of the graph holding the derived {@code pg:similarTo} links between initiatives */
    public String similarityGraph() { return base + "graph/similarity"; }

    /** @return the name of the graph holding the precomputed practice statistics (Data Cube observations) */
    public String statsGraph() { return base + "graph/stats"; }

    /**
     * @param from an initiative's IRI
     * @param to   the IRI of an initiative like it
     * @return the qualified {@code pg:Similarity} of {@code from} to {@code to}: the same pair always
     *         gets the same IRI, and (from, to) differs from (to, from)
     */
    public String similarity(String from, String to) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((from + " " + to).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return base + "similarity/" + java.util.HexFormat.of().formatHex(d, 0, 10);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ONS statistical geography namespace, {@value}: a GSS code appended names an area. */
    public static final String STATISTICAL_GEOGRAPHY = "http://statistics.data.gov.uk/id/statistical-geography/";

    /**
     * @param gss an ONS GSS code, e.g. E09000017
     * @return the ONS linked-data IRI of the area with that code (independent of {@link #base()})
     */
    public static String statisticalGeography(String gss) { return STATISTICAL_GEOGRAPHY + gss; }

    /** File name without extension, lower-cased and made IRI-safe. */
    static String reportSlug(String fileName) {
        return slug(EXTENSION.matcher(fileName).replaceFirst(""));
    }

    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z0-9]+$");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /**
     * Lower-case ASCII letters, digits, '_' and '-': accents dropped, every other run becomes '-'.
     * Called for every IRI a report mints (a few hundred per report), so it walks the characters
     * once instead of running a regular expression per step.
     */
    public static String slug(String s) {
        String ascii = s.chars().allMatch(c -> c < 128) ? s : MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        String lower = ascii.toLowerCase(Locale.ROOT).replace("&", "and");
        StringBuilder slug = new StringBuilder(lower.length());
        boolean gap = false;   // characters outside the slug alphabet seen since the last one kept
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
                if (gap && slug.length() > 0) slug.append('-');
                slug.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return slug.isEmpty() ? "x" : slug.toString();
    }

    /** @return the published report (summary and statement pages of one assessment) that a group of files makes up */
    public String reportGroup(String groupId) { return base + "report-group/" + slug(groupId); }
}
