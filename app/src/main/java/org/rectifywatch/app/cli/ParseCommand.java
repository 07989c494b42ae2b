package org.rectifywatch.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rectifywatch.ingest.publish.LocalFiles;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.report.ParseWarning;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.processor.parse.ReportInput;
import org.rectifywatch.processor.parse.ReportParser;
import org.rectifywatch.processor.report.ReportAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pipeline parse FILE...}: one parsed report per input as JSON Lines (or pretty JSON). A file is read exactly
 * as {@code pipeline ingest files} publishes it ({@link LocalFiles#read}) and parsed as the processor parses it, and
 * the output says what the processor would do with it ({@code verdict}).
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Parses rectification reports and prints one JSON object per file: metadata, figures, issues with "
                + "status, commitments and classification (topic, pillar, keywords), warnings, and the verdict: "
                + "\"accepted\", or the reason the processor sends the report to reports.dlq (TOO_LARGE, NOT_A_REPORT, "
                + "NO_ISSUES_FOUND), in which case no issues are printed.",
                "A file `pipeline ingest files` would skip (unreadable, empty_text, mojibake) is named on stderr; exit 1."})
public final class ParseCommand implements Callable<Integer> {
    /** The verdict of a report the processor indexes. */
    static final String ACCEPTED = "accepted";

    @Option(names = "--pretty", description = "Indented JSON instead of one object per line.")
    boolean pretty;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Report files, read as `pipeline ingest files` reads them: text (UTF-8 or GBK/GB18030, detected; "
                    + "one paragraph per line) or HTML pages (decoded and extracted as the crawler does).")
    List<Path> files;

    @Option(names = "--no-classify", description = "Parse only: leave topic, pillar and keywords empty (faster start).")
    boolean noClassify;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ReportParser parser = new ReportParser();
        ReportAnalyzer analyzer = noClassify ? null : ReportAnalyzer.standard();
        int failures = 0;
        for (Path file : files) {
            LocalFiles.Read read = LocalFiles.read(file);
            if (!read.ok()) {
                System.err.println("parse: skipped " + file + ": " + read.skipReason() + " (" + read.detail() + "); "
                        + (LocalFiles.UNREADABLE.equals(read.skipReason()) ? "check the path and permissions"
                        : "`pipeline ingest files` would not publish it either"));
                failures++;
                continue;
            }
            ReportInput input = input(read.file(), file.getFileName().toString());
            ParsedReport report = analyzer == null ? parser.parse(input) : analyzer.analyze(input);
            Optional<ParseWarning> rejected = rejection(report);
            if (rejected.isPresent()) {
                System.err.println("parse: " + file + ": the processor would send it to reports.dlq as "
                        + rejected.get().code() + " (" + rejected.get().detail() + ")");
                // issues of a rejected report (e.g. of an oversized report's first part) are never indexed
                report = report.withIssues(List.of());
            }
            ObjectNode json = Json.MAPPER.valueToTree(report);
            json.put("verdict", rejected.map(w -> w.code().name()).orElse(ACCEPTED));
            out.println(pretty ? Json.writePretty(json) : Json.write(json));
        }
        return failures == 0 ? 0 : 1;
    }

    /** What the processor gives the parser for a file published by {@code ingest files}: text, title and page date. */
    static ReportInput input(LocalFiles.FileText file, String name) {
        return new ReportInput(file.text(), file.title(), null, file.pageDate(), name);
    }

    /** The processor's rule: the first warning that rejects the report is the reason it is dead-lettered. */
    static Optional<ParseWarning> rejection(ParsedReport report) {
        return report.warnings().stream().filter(w -> w.code().rejects()).findFirst();
    }
}
