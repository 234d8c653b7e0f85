/**
 * Reads report files into {@link org.practicegraph.report.Report}s: decoded text, headings, the
 * quality statement's score, and sentences with character offsets into that text.
 *
 * <p>In: a file (bytes). Out: a {@code Report}, or a {@link org.practicegraph.report.ReportException}
 * naming the file and the problem. Formats sit behind {@link org.practicegraph.report.ReportFormat};
 * {@link org.practicegraph.report.Reports} is the facade. This package knows nothing of extraction,
 * RDF or storage.
 */
package org.practicegraph.report;
