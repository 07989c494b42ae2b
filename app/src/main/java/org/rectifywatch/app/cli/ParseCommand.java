package org.rectifywatch.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.processor.parse.ReportInput;
import org.rectifywatch.processor.parse.ReportParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pipeline parse FILE...}: one parsed report per input as JSON Lines (or pretty JSON). */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parses rectification reports (UTF-8 text, one paragraph per line) and prints one JSON object "
                + "per file: metadata, figures, issues with status and commitments, warnings.")
public final class ParseCommand implements Callable<Integer> {

    @Option(names = "--pretty", description = "Indented JSON instead of one object per line.")
    boolean pretty;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Report files (.txt, UTF-8).")
    List<Path> files;

    private final ReportParser parser = new ReportParser();

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int failures = 0;
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("parse: cannot read " + file + " as UTF-8 text (" + e.getClass().getSimpleName()
                        + ": " + e.getMessage() + "); check the path and encoding");
                failures++;
                continue;
            }
            if (looksLikeHtml(text)) {
                System.err.println("parse: " + file + " is HTML; extract its text first (one paragraph per line) "
                        + "and pass the .txt file");
                failures++;
                continue;
            }
            String name = file.getFileName().toString();
            ParsedReport report = parser.parse(new ReportInput(text, null, null, null, name));
            out.println(pretty ? Json.writePretty(report) : Json.write(report));
        }
        return failures == 0 ? 0 : 1;
    }

    static boolean looksLikeHtml(String text) {
        String head = text.stripLeading();
        if (head.startsWith("\ufeff")) {
            head = head.substring(1).stripLeading();
        }
        // a report text never starts with '<'; an HTML page (or XML fragment) does
        return head.startsWith("<");
    }
}
