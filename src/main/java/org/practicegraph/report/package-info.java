/**
 * Reads report files into {@link org.practicegraph.report.Report}s: decoded text, headings, the
 * quality statement's score (or, for an overall summary page, the {@link org.practicegraph.report.Overview}:
 * rating, percentage, statement scores, date), and sentences with character offsets into that text.
 *
 * <p>In: a file (bytes). Out: a {@code Report}, or a {@link org.practicegraph.report.ReportException}
 * naming the file and the problem. Formats sit behind {@link org.practicegraph.report.ReportFormat}
 * (text and Markdown, HTML with jsoup, PDF with PDFBox); {@link org.practicegraph.report.Reports} is
 * the facade and holds the registry. HTML and PDF are reduced to Markdown by {@code Outline} and
 * parsed by the text format, so one parser sees every format and offsets index that text. This
 * package knows nothing of extraction, RDF or storage.
 */
package org.practicegraph.report;
