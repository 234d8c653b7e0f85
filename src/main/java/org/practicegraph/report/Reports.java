package org.practicegraph.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads report files. The common case:
 * <pre>
 *   Report r = Reports.parse(Path.of("corpus/sample/003_874a80aed6dcf2ea.txt"));
 *   r.score();        // 3
 *   r.sentences();    // with offsets into r.text()
 * </pre>
 * Checks that hold for every format (size, emptiness, binary content, UTF-8) are made here,
 * before a format sees the text.
 */
public final class Reports {
    /** Reports are tens of kilobytes; anything this large is not one. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private static final List<ReportFormat> FORMATS = List.of(new TextReportFormat(), new HtmlReportFormat(), new PdfReportFormat());

    private Reports() {}

    /** @return whether some format reads files with this name */
    public static boolean isReportFile(Path file) {
        return format(file.getFileName().toString()) != null;
    }

    /**
     * @param file a report file
     * @return the parsed report
     * @throws ReportException naming the file and the problem (unreadable, empty, binary, not UTF-8, no score, …)
     */
    public static Report parse(Path file) {
        return parse(file.getFileName().toString(), read(file));
    }

    /**
     * Reads a report file's bytes, refusing one over {@link #MAX_BYTES} before reading it.
     *
     * @param file a report file
     * @return its content
     * @throws ReportException naming the file when it is too large or cannot be read
     */
    public static byte[] read(Path file) {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES)
                throw new ReportException(name, "file is " + size / (1024 * 1024) + " MiB, over the " + MAX_BYTES / (1024 * 1024) + " MiB limit for a report");
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ReportException(name, "cannot read file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    /**
     * @param fileName the file name (chooses the format, names the report)
     * @param bytes    the file's content
     * @return the parsed report
     * @throws ReportException naming the file and the problem
     */
    public static Report parse(String fileName, byte[] bytes) {
        ReportFormat format = format(fileName);
        if (format == null)
            throw new ReportException(fileName, "unsupported file type (expected .txt, .md, .html or .pdf)");
        return format.read(fileName, bytes, sha256(bytes));
    }

    private static ReportFormat format(String fileName) {
        return FORMATS.stream().filter(f -> f.accepts(fileName)).findFirst().orElse(null);
    }

    /** Strict UTF-8 (a UTF-8 BOM is dropped); line endings normalised to {@code \n}. */
    static String decode(String fileName, byte[] bytes) {
        checkNotEmptyOrBinary(fileName, bytes);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ReportException(fileName, "file is not valid UTF-8 text (" + e.getMessage() + ")");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (text.isBlank()) throw new ReportException(fileName, "file has no text (only whitespace)");
        return text;
    }

    /** Refuses empty files, UTF-16 and binary content (NUL bytes) in a text format. */
    static void checkNotEmptyOrBinary(String fileName, byte[] bytes) {
        if (bytes.length == 0) throw new ReportException(fileName, "file is empty");
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)))
            throw new ReportException(fileName, "file is UTF-16; save it as UTF-8");
        for (byte b : bytes)
            if (b == 0) throw new ReportException(fileName, "file is binary (contains NUL bytes), not a text report");
    }

    /** @param bytes a file's content @return its SHA-256 as lower-case hex */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
