package org.practicegraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.system.Txn;
import org.practicegraph.store.Store;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        header = "Run a SPARQL query against a database or reports, without a server.",
        description = "Example: practice-graph query queries/authorities-by-score.rq --format csv")
final class QueryCommand implements Callable<Integer> {
    enum Format { table, csv, tsv, json, xml }

    @Mixin DataOptions data;

    static final class Source {
        @Parameters(index = "0", paramLabel = "FILE.rq", description = "File holding the query.") Path file;
        @Option(names = {"-e", "--query"}, paramLabel = "SPARQL", description = "The query text.") String text;
    }

    @ArgGroup(exclusive = true, multiplicity = "1") Source source;
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "SELECT result format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}. CONSTRUCT/DESCRIBE print Turtle.")
    Format format;
    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        String sparql = source.text != null ? source.text : readQuery(source.file);
        Query query;
        try {
            query = QueryFactory.create(sparql);
        } catch (QueryParseException e) {
            throw new BadInputException((source.file != null ? source.file : "query") + ": not valid SPARQL (" + e.getMessage() + ")");
        }
        try (Store store = data.open(spec.commandLine().getErr())) {
            PrintWriter pw = spec.commandLine().getOut();
            pw.flush();
            OutputStream out = new WriterOutputStream(pw);
            Txn.executeRead(store.dataset(), () -> {
                try (QueryExecution qe = QueryExecution.create(query, DatasetFactory.wrap(store.dataset()))) {
                    if (query.isSelectType()) print(qe.execSelect(), out);
                    else if (query.isAskType()) pw.println(qe.execAsk());
                    else RDFDataMgr.write(out, query.isConstructType() ? qe.execConstruct() : qe.execDescribe(), RDFFormat.TURTLE_PRETTY);
                }
            });
            out.flush();
        }
        return ExitCodes.OK;
    }

    private void print(org.apache.jena.query.ResultSet rs, OutputStream out) {
        switch (format) {
            case table -> ResultSetFormatter.out(out, rs);
            case csv -> ResultSetFormatter.outputAsCSV(out, rs);
            case tsv -> ResultSetFormatter.outputAsTSV(out, rs);
            case json -> ResultSetFormatter.outputAsJSON(out, rs);
            case xml -> ResultSetFormatter.outputAsXML(out, rs);
        }
    }

    private static String readQuery(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read query file (" + e.getMessage() + ")");
        }
    }
}
