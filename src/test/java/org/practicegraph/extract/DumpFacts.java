package org.practicegraph.extract;

import java.nio.file.Path;

import org.practicegraph.report.Reports;

/**
 * Test-scope tool: prints every fact the extractor draws from the reports named on the command line,
 * with the rule id of its first evidence, for reading a wrong fact back to its rule.
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.practicegraph.extract.DumpFacts FILE…}
 */
public final class DumpFacts {
    private DumpFacts() {}

    public static void main(String[] args) throws Exception {
        Extractor extractor = Extractor.fromClasspath();
        for (String a : args) {
            System.out.println("== " + a);
            extractor.extract(Reports.parse(Path.of(a)), f -> System.out.println("  " + f));
        }
    }
}
