package org.practicegraph.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Check every report graph against the SHACL shapes (ontology/shapes.ttl).",
        description = "Prints one line per report graph and one per violation. Exit code 0 when all conform, 4 when some do not.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin DataOptions data;
    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Shapes shapes = Loader.bundledShapes();
        int failing = 0, graphs = 0;
        try (Store store = data.open(spec.commandLine().getErr())) {
            for (String g : store.graphNames()) {
                if (!g.startsWith(data.iris().reportGraphPrefix())) continue;
                graphs++;
                ValidationReport report = ShaclValidator.get().validate(shapes, store.graph(g));
                out.println((report.conforms() ? "conforms  " : "VIOLATES  ") + g);
                if (!report.conforms()) {
                    failing++;
                    for (ReportEntry e : report.getEntries())
                        out.println("  " + e.focusNode() + " " + (e.resultPath() == null ? "" : e.resultPath() + " ") + e.message());
                }
            }
        }
        out.println(graphs + " report graphs, " + failing + " not conforming");
        out.flush();
        return failing == 0 ? ExitCodes.OK : ExitCodes.NOT_VALID;
    }
}
