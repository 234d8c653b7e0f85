package org.practicegraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.practicegraph.publish.PracticeStatistics;
import org.practicegraph.rdf.Iris;
import org.practicegraph.store.LoadResult;
import org.practicegraph.store.Loader;
import org.practicegraph.store.Manifest;
import org.practicegraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "load", mixinStandardHelpOptions = true,
        header = "Load reports into a TDB2 database, one named graph per report.",
        description = {"Reads .txt, .md, .html (saved CQC web pages) and .pdf reports. Each report is read, extracted, checked",
                "against ontology/shapes.ttl and committed in batches (--batch-size); a file that fails is reported and leaves the",
                "database as it was, and the batch goes on. Reloading a changed report replaces its graph; a report whose bytes",
                "and manifest row are unchanged is skipped (--force reloads it).",
                "A first load into an empty database goes through TDB2's bulk loader (as tdb2.tdbloader does), which is several",
                "times cheaper; the database is then the load's alone until it ends, and if it is interrupted the database refuses",
                "to open: delete the folder and load again (--no-bulk loads in transactions instead).",
                "Exit code 0 when every file loaded or was unchanged, 3 when some could not be loaded."})
final class LoadCommand implements Callable<Integer> {
    @Option(names = "--db", required = true, paramLabel = "DIR", description = "TDB2 database directory (created when missing).")
    Path db;
    @Option(names = "--manifest", paramLabel = "CSV", description = "Manifest (file,authority,gss,published,url[,report]). Without FILE arguments, loads the files it lists.")
    Path manifest;
    @Option(names = "--base", paramLabel = "IRI", defaultValue = Iris.DEFAULT_BASE,
            description = "Base of the data IRIs to mint; use the same one when serving. Default: ${DEFAULT-VALUE}.")
    String base;
    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + Loader.DEFAULT_BATCH_SIZE,
            description = "Reports committed per transaction (1: each alone). A crash loses at most the batch in progress. Default: ${DEFAULT-VALUE}.")
    int batchSize;
    @Option(names = "--threads", paramLabel = "N", description = "Files parsed and extracted at once (writing stays in file order). Default: one per processor.")
    Integer threads;
    @Option(names = "--no-bulk", description = "Load an empty database in transactions too, instead of through TDB2's bulk loader.")
    boolean noBulk;
    @Option(names = "--force", description = "Reload every file, even those the database holds unchanged.")
    boolean force;
    @Parameters(arity = "0..*", paramLabel = "FILE|DIR", description = "Report files or folders (a folder's manifest.csv is used).")
    List<Path> inputs;
    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Manifest m = manifest != null ? Manifest.read(manifest) : null;
        List<Path> files = inputs != null && !inputs.isEmpty() ? inputs
                : m != null ? m.entries().stream().map(Manifest.Entry::file).toList() : null;
        if (files == null) throw new BadInputException("nothing to load: give report files or folders, or --manifest");
        try (Store store = Store.open(db)) {
            Loader.Builder loader = Loader.create().store(store).iris(DataOptions.iris(base)).manifest(m).force(force).batchSize(batchSize).bulkWhenEmpty(!noBulk)
                    .onWarning(err::println).progress(ProgressBarProgress.forConsole());
            if (threads != null) loader.threads(threads);
            LoadResult r = loader.build().load(files);
            r.problems().forEach(p -> err.println("error: " + p));
            // the aggregate canned queries read the precomputed statistics: keep them in step with the reports,
            // recomputing them (seconds at a thousand reports) only when what they count has changed
            PracticeStatistics.of(DataOptions.iris(base)).refreshIfChanged(store);
            out.println(r.summary());
            return r.ok() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
