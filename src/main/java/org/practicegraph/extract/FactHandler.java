package org.practicegraph.extract;

import org.practicegraph.report.Report;

/** Receives what an extractor finds, in document order. Partners come before the initiatives that name them. */
public interface FactHandler {
    /** Called once before the report's facts. */
    default void startReport(Report report) {}

    /** @param fact one extracted fact */
    void handle(Fact fact);

    /** Called once after the report's facts. */
    default void endReport(Report report) {}
}
