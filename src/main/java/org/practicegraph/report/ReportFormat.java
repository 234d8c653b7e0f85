package org.practicegraph.report;

/**
 * A report file format (plain text, Markdown, …). Formats are looked up by {@link Reports}.
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
}
