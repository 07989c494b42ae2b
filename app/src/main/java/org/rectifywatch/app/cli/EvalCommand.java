package org.rectifywatch.app.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rectifywatch.processor.eval.EvalCorpus;
import org.rectifywatch.processor.eval.EvalSummary;
import org.rectifywatch.processor.eval.Evaluator;
import org.rectifywatch.processor.parse.ReportParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pipeline eval}: scores the parser against gold annotations, per file and overall. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Parses every report that has a gold annotation (same base name, .txt and .json) and prints "
                + "segmentation P/R/F1, metadata accuracy, status and topic accuracy, commitment recall/precision "
                + "and figure recall, per file and overall.")
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--gold", required = true, paramLabel = "DIR", description = "Directory of gold annotations (*.json).")
    Path gold;

    @Option(names = "--reports", required = true, paramLabel = "DIR", description = "Directory of report texts (*.txt).")
    Path reports;

    @Option(names = "--details", description = "List mismatches under each file (missed/extra issues, metadata, "
            + "commitments, figures).")
    boolean details;

    @Override
    public Integer call() {
        for (Path dir : new Path[] {gold, reports}) {
            if (!Files.isDirectory(dir)) {
                System.err.println("eval: " + dir + " is not a directory");
                return 2;
            }
        }
        List<Evaluator.GoldReport> corpus = EvalCorpus.load(gold, reports);
        if (corpus.isEmpty()) {
            System.err.println("eval: no gold file in " + gold + " has a report of the same base name in " + reports);
            return 2;
        }
        ReportParser parser = new ReportParser();
        EvalSummary summary = Evaluator.evaluate(corpus, parser::parse);
        summary.print(new PrintStream(System.out, true, StandardCharsets.UTF_8), details);
        return 0;
    }
}
