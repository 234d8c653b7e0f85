package org.practicegraph.report;

/**
 * A report file format (plain text, Markdown, HTML, PDF). Formats are looked up by {@link Reports},
 * which tries them in registration order and uses the first that {@linkplain #accepts accepts} the
 * file name. Text formats implement {@link #parse}; formats that are not UTF-8 text (PDF) or need
 * the raw bytes (HTML, for its declared charset) override {@link #read}.
 */
public interface ReportFormat {
    /** @return a short name for messages, e.g. "text" */
    String name();

    /**
     * @param fileName a file name
     * @return whether this format reads files with that name
     */
    boolean accepts(String fileName);

    /**
     * Parses a decoded, normalised text.
     *
     * @param fileName the file name, for messages and the report's identifier
     * @param text     the text (UTF-8 decoded, BOM removed, {@code \n} line endings)
     * @param sha256   the hex digest of the file's bytes
     * @return the report
     * @throws ReportException when the text is not a report (no score, malformed score, …)
     */
    Report parse(String fileName, String text, String sha256);

    /**
     * Reads a file's bytes. By default: strict UTF-8 decoding (refusing empty, binary, UTF-16 and
     * malformed input), byte-order mark removed, line endings normalised, then {@link #parse}.
     *
     * @param fileName the file name, for messages and the report's identifier
     * @param bytes    the file's content
     * @param sha256   the hex digest of {@code bytes}
     * @return the report, whose {@link Report#text()} is the text every offset indexes
     * @throws ReportException naming the file and the problem
     */
    default Report read(String fileName, byte[] bytes, String sha256) {
        return parse(fileName, Reports.decode(fileName, bytes), sha256);
    }
}
