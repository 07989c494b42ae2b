package org.rectifywatch.app.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rectifywatch.processor.classify.CrossValidation;
import org.rectifywatch.processor.eval.EvalCorpus;
import org.rectifywatch.processor.eval.EvalSummary;
import org.rectifywatch.processor.eval.Evaluator;
import org.rectifywatch.processor.report.ReportAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pipeline eval}: scores the parser against gold annotations, per file and overall. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Parses every report that has a gold annotation (same base name, .txt and .json) and prints "
                + "segmentation P/R/F1, metadata accuracy, status and topic accuracy, commitment recall/precision "
                + "and figure recall, per file and overall. --cross-validate instead scores the topic classifier "
                + "leave-one-report-out on the gold problems, so no score is measured on training data.")
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--gold", required = true, paramLabel = "DIR", description = "Directory of gold annotations (*.json).")
    Path gold;

    @Option(names = "--reports", paramLabel = "DIR", description = "Directory of report texts (*.txt); required "
            + "unless --cross-validate.")
    Path reports;

    @Option(names = "--cross-validate", description = "Topic classifier only: for each gold report, train without its "
            + "rows of training.tsv and classify its gold problems; prints strict/lenient accuracy and the confusion table.")
    boolean crossValidate;

    @Option(names = "--details", description = "List mismatches under each file (missed/extra issues, metadata, "
            + "commitments, figures).")
    boolean details;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (crossValidate) {
            if (!Files.isDirectory(gold)) {
                System.err.println("eval: " + gold + " is not a directory");
                return 2;
            }
            out.print(CrossValidation.leaveOneReportOut(gold).format());
            return 0;
        }
        if (reports == null) {
            System.err.println("eval: --reports DIR is required (or use --cross-validate)");
            return 2;
        }
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
        // parse and classify, as the processor does, so topic accuracy is measured too
        ReportAnalyzer analyzer = ReportAnalyzer.standard();
        EvalSummary summary = Evaluator.evaluate(corpus, analyzer::analyze);
        summary.print(out, details);
        return 0;
    }
}
