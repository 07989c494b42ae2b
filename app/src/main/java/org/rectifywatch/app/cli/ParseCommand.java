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
import org.rectifywatch.ingest.decode.DecodedPage;
import org.rectifywatch.ingest.decode.PageDecoder;
import org.rectifywatch.ingest.extract.ArticleExtractor;
import org.rectifywatch.ingest.extract.ExtractedArticle;
import org.rectifywatch.processor.parse.ReportParser;
import org.rectifywatch.processor.report.ReportAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pipeline parse FILE...}: one parsed report per input as JSON Lines (or pretty JSON). */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parses rectification reports and prints one JSON object per file: metadata, figures, issues with "
                + "status, commitments and classification (topic, pillar, keywords), warnings.")
public final class ParseCommand implements Callable<Integer> {

    @Option(names = "--pretty", description = "Indented JSON instead of one object per line.")
    boolean pretty;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Report files: text (UTF-8, one paragraph per line) or HTML pages (decoded and extracted as the crawler does).")
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
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                System.err.println("parse: cannot read " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                        + "); check the path and permissions");
                failures++;
                continue;
            }
            String name = file.getFileName().toString();
            ReportInput input = input(bytes, name, file);
            ParsedReport report = analyzer == null ? parser.parse(input) : analyzer.analyze(input).withFile(name);
            out.println(pretty ? Json.writePretty(report) : Json.write(report));
        }
        return failures == 0 ? 0 : 1;
    }

    /** Text files are UTF-8; an HTML page goes through the crawler's decoding and article extraction. */
    static ReportInput input(byte[] bytes, String name, Path file) {
        String utf8 = new String(bytes, StandardCharsets.UTF_8);
        if (!looksLikeHtml(utf8)) {
            return new ReportInput(utf8, null, null, null, name);
        }
        DecodedPage page = PageDecoder.decode(bytes, null, null);
        ExtractedArticle article = ArticleExtractor.extract(page.text(), file.toAbsolutePath().toUri().toString(), null);
        return new ReportInput(article.text(), article.title(), null, article.pageDate(), name);
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
