package org.practicegraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.system.Txn;
import org.practicegraph.publish.Dumps;
import org.practicegraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Write the whole graph as N-Quads, TriG, JSON-LD or Turtle.",
        description = {"nquads, trig and jsonld keep one named graph per report; turtle writes the union of all graphs.",
                "jsonld is compacted with the context served at /ns/context.jsonld (embedded unless --context names its URL).",
                "--gzip (or an --output ending in .gz) compresses the output.",
                "Example: practice-graph export --db db --format nquads --gzip --output practice-graph.nq.gz"})
final class ExportCommand implements Callable<Integer> {
    enum Format {
        nquads(RDFFormat.NQUADS, Dumps.Format.NQUADS), trig(RDFFormat.TRIG_BLOCKS, Dumps.Format.TRIG),
        jsonld(RDFFormat.JSONLD11, Dumps.Format.JSONLD), turtle(RDFFormat.TURTLE_BLOCKS, null);

        final RDFFormat rdf;
        /** The dump format, keeping named graphs; null for the union-graph formats. */
        final Dumps.Format dump;

        Format(RDFFormat rdf, Dumps.Format dump) { this.rdf = rdf; this.dump = dump; }
    }

    @Mixin DataOptions data;
    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "One of: ${COMPLETION-CANDIDATES}.")
    Format format;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write (default: standard output).")
    Path output;
    @Option(names = "--gzip", description = "Compress with gzip (implied by an --output ending in .gz).")
    boolean gzip;
    @Option(names = "--context", paramLabel = "URL", description = "For jsonld: the @context URL to reference instead of embedding the context, "
            + "e.g. http://localhost:3030/ns/context.jsonld.")
    String context;
    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        try (Store store = data.open(spec.commandLine().getErr());
             OutputStream out = output != null ? Files.newOutputStream(output) : new WriterOutputStream(spec.commandLine().getOut())) {
            boolean zip = gzip || (output != null && output.getFileName().toString().endsWith(".gz"));
            if (format.dump != null) {
                Dumps.write(store, format.dump, zip, out, context);
            } else {
                OutputStream target = zip ? new GZIPOutputStream(out) : out;
                Txn.executeRead(store.dataset(), () -> RDFDataMgr.write(target, DatasetFactory.wrap(store.dataset()).getUnionModel(), format.rdf));
                if (target instanceof GZIPOutputStream z) z.finish();
            }
        }
        return ExitCodes.OK;
    }
}
