package org.practicegraph.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file describing reports: {@code file,authority,gss,published,url}, optionally followed by a
 * {@code report} column. Empty cells mean "unknown". File names are relative to the manifest's folder
 * and may not leave it. Rows with the same {@code report} id are the files (summary page, statement
 * pages) of one published report: they must agree on the council and the publication date.
 * <pre>
 *   file,authority,gss,published,url,report
 *   003_874a80aed6dcf2ea.txt,Hillingdon,E09000017,2024-06-21,https://www.cqc.org.uk/…,
 *   dorset-summary.html,Dorset,E06000059,2025-03-14,,dorset-2025
 *   dorset-safeguarding.pdf,Dorset,E06000059,2025-03-14,,dorset-2025
 * </pre>
 */
public final class Manifest {
    /** The name under which a folder's manifest is picked up without being named. */
    public static final String DEFAULT_NAME = "manifest.csv";
    static final List<String> COLUMNS = List.of("file", "authority", "gss", "published", "url");
    /** The optional last column: the id of the published report a file is part of. */
    static final String GROUP_COLUMN = "report";

    /**
     * One row.
     *
     * @param file      the report file, resolved against the manifest's folder
     * @param authority the council's name, or null
     * @param gss       its GSS code, or null
     * @param published publication date, or null
     * @param url       where it was published, or null
     * @param group     the id of the published report this file is one part of, or null
     */
    public record Entry(Path file, String authority, String gss, LocalDate published, String url, String group) {
        /** A row without a report group. */
        public Entry(Path file, String authority, String gss, LocalDate published, String url) {
            this(file, authority, gss, published, url, null);
        }
    }

    private final Path path;
    private final Map<String, Entry> byFileName;

    private Manifest(Path path, Map<String, Entry> byFileName) {
        this.path = path;
        this.byFileName = byFileName;
    }

    /**
     * @param csv the manifest file
     * @return the manifest
     * @throws ManifestException naming the file, the line and the problem
     */
    public static Manifest read(Path csv) {
        Path folder = csv.toAbsolutePath().getParent();
        Map<String, Entry> entries = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            var parser = format.parse(in);
            List<String> header = parser.getHeaderNames();
            boolean grouped = header.size() == COLUMNS.size() + 1 && header.subList(0, COLUMNS.size()).equals(COLUMNS)
                    && header.get(COLUMNS.size()).equals(GROUP_COLUMN);
            if (!header.equals(COLUMNS) && !grouped)
                throw new ManifestException(csv, 1, "header must be " + String.join(",", COLUMNS) + " (optionally ," + GROUP_COLUMN
                        + ") but is " + String.join(",", header));
            Map<String, Entry> groups = new LinkedHashMap<>();
            for (CSVRecord r : parser) {
                long line = r.getParser().getCurrentLineNumber();
                if (r.size() != header.size())
                    throw new ManifestException(csv, line, "expected " + header.size() + " columns, found " + r.size());
                Entry e = entry(csv, line, folder, r, grouped ? blankToNull(r.get(GROUP_COLUMN)) : null);
                if (entries.put(e.file().getFileName().toString(), e) != null)
                    throw new ManifestException(csv, line, "file " + r.get("file") + " is listed twice");
                if (e.group() != null) checkGroup(csv, line, groups.putIfAbsent(e.group(), e), e);
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ManifestException(csv, 0, "cannot read manifest (" + e.getMessage() + ")");
        }
        return new Manifest(csv, entries);
    }

    /** The files of one published report share one council and one publication date. */
    private static void checkGroup(Path csv, long line, Entry first, Entry e) {
        if (first == null) return;
        if (!java.util.Objects.equals(first.authority(), e.authority()))
            throw new ManifestException(csv, line, "report " + e.group() + " names two councils (" + first.authority() + ", " + e.authority() + "); a report is about one");
        if (!java.util.Objects.equals(first.published(), e.published()))
            throw new ManifestException(csv, line, "report " + e.group() + " has two publication dates (" + first.published() + ", " + e.published() + "); its files share one");
    }

    private static Entry entry(Path csv, long line, Path folder, CSVRecord r, String group) {
        String file = r.get("file");
        if (file.isEmpty()) throw new ManifestException(csv, line, "no file name");
        Path resolved = folder.resolve(file).normalize();
        if (!resolved.startsWith(folder))
            throw new ManifestException(csv, line, "file " + file + " is outside the manifest's folder");
        if (!Files.isRegularFile(resolved))
            throw new ManifestException(csv, line, "file " + file + " does not exist");
        String gss = blankToNull(r.get("gss"));
        if (gss != null && !gss.matches("E(06|07|08|09|10)\\d{6}"))
            throw new ManifestException(csv, line, "gss '" + gss + "' is not an English council GSS code (e.g. E09000017)");
        LocalDate published = null;
        String date = blankToNull(r.get("published"));
        if (date != null) {
            try { published = LocalDate.parse(date); }
            catch (DateTimeParseException e) { throw new ManifestException(csv, line, "published '" + date + "' is not a date (YYYY-MM-DD)"); }
        }
        String url = blankToNull(r.get("url"));
        if (url != null && !url.matches("https?://\\S+"))
            throw new ManifestException(csv, line, "url '" + url + "' is not an http(s) URL");
        return new Entry(resolved, blankToNull(r.get("authority")), gss, published, url, group);
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }

    /** @return the manifest file */
    public Path path() { return path; }

    /** @return the rows, in file order */
    public List<Entry> entries() { return List.copyOf(byFileName.values()); }

    /** @return the row for a report file, matched by file name */
    public Optional<Entry> entry(Path file) { return Optional.ofNullable(byFileName.get(file.getFileName().toString())); }
}
