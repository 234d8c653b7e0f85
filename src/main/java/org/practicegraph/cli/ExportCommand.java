package org.practicegraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.system.Txn;
import org.practicegraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Write the whole graph as N-Quads, TriG, JSON-LD or Turtle.",
        description = {"nquads, trig and jsonld keep one named graph per report; turtle writes the union of all graphs.",
                "Example: practice-graph export --db db --format trig --output practice-graph.trig"})
final class ExportCommand implements Callable<Integer> {
    enum Format {
        nquads(RDFFormat.NQUADS, true), trig(RDFFormat.TRIG_BLOCKS, true), jsonld(RDFFormat.JSONLD11, true),
        turtle(RDFFormat.TURTLE_BLOCKS, false);

        final RDFFormat rdf;
        final boolean quads;

        Format(RDFFormat rdf, boolean quads) { this.rdf = rdf; this.quads = quads; }
    }

    @Mixin DataOptions data;
    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "One of: ${COMPLETION-CANDIDATES}.")
    Format format;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write (default: standard output).")
    Path output;
    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        try (Store store = data.open(spec.commandLine().getErr());
             OutputStream out = output != null ? Files.newOutputStream(output) : new WriterOutputStream(spec.commandLine().getOut())) {
            Txn.executeRead(store.dataset(), () -> {
                if (format.quads) RDFDataMgr.write(out, DatasetFactory.wrap(store.dataset()), format.rdf);
                else RDFDataMgr.write(out, DatasetFactory.wrap(store.dataset()).getUnionModel(), format.rdf);
            });
        }
        return ExitCodes.OK;
    }
}
