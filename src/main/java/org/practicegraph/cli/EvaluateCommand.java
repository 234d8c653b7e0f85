package org.practicegraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.practicegraph.evaluate.Evaluation;
import org.practicegraph.evaluate.Evaluator;
import org.practicegraph.evaluate.GoldException;
import org.practicegraph.evaluate.GoldReport;
import org.practicegraph.evaluate.Sparql;
import org.practicegraph.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        header = "Score the graph's extraction against gold annotations (as score.py does).",
        description = {"Reads every *.json gold file in --gold (format: docs/evaluation.md), queries the graph "
                + "and prints precision, recall and F1 per kind, accuracies, and a last line starting OK or SHORT: "
                + "the same lines as score.py, so they can be diffed.",
                "",
                "Example: practice-graph evaluate --data my-reports/ --gold my-gold/ --verbose"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Every figure meets its floor.", "2:Bad command line.",
                "3:A gold file, report or endpoint cannot be used.", "5:A figure is below its --min-* floor."})
final class EvaluateCommand implements Callable<Integer> {
    @Mixin DataOptions data;

    @Option(names = "--gold", required = true, paramLabel = "DIR", description = "Folder of gold JSON files, one per report.")
    Path gold;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Score a running server's SPARQL endpoint (e.g. http://localhost:3030/practice/sparql) instead of loading data.")
    String endpoint;

    @Option(names = {"-v", "--verbose"}, description = "First list each missed gold item and each extracted item that matches none.")
    boolean verbose;

    @Option(names = "--min-initiatives", paramLabel = "F", defaultValue = "0", description = "Floor on initiatives F1 (0 to 1).")
    double minInitiatives;
    @Option(names = "--min-partners", paramLabel = "F", defaultValue = "0", description = "Floor on partners F1.")
    double minPartners;
    @Option(names = "--min-metrics", paramLabel = "F", defaultValue = "0", description = "Floor on metrics F1.")
    double minMetrics;
    @Option(names = "--min-outcomes", paramLabel = "F", defaultValue = "0", description = "Floor on outcomes recall.")
    double minOutcomes;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        if (endpoint != null && (data.db != null || data.data != null || data.manifest != null)) {
            // a usage error, but found after parsing: picocli's own handler would not see it
            spec.commandLine().getErr().println("error: --endpoint scores a running server: leave out --db, --data and --manifest"
                    + "\nTry 'practice-graph evaluate --help' for more information.");
            return ExitCodes.USAGE;
        }
        List<GoldReport> golds;
        try {
            golds = GoldReport.readFolder(gold);
        } catch (GoldException e) {
            throw new BadInputException(e.getMessage());
        }
        Evaluation result;
        if (endpoint != null) {
            try {
                result = Evaluator.evaluate(Sparql.endpoint(endpoint), golds);
            } catch (QueryExceptionHTTP | HttpException e) {
                throw new BadInputException(endpoint + ": cannot query the endpoint (" + e.getMessage() + ")");
            }
        } else {
            try (Store store = data.open(spec.commandLine().getErr())) {
                result = Evaluator.evaluate(Sparql.of(store.dataset()), golds);
            }
        }
        Evaluation.Floors floors = new Evaluation.Floors(minInitiatives, minPartners, minMetrics, minOutcomes);
        PrintWriter out = spec.commandLine().getOut();
        result.lines(verbose, floors).forEach(out::println);
        out.flush();
        return result.meets(floors) ? ExitCodes.OK : ExitCodes.BELOW_FLOOR;
    }
}
