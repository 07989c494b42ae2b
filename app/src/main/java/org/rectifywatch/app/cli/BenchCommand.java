package org.rectifywatch.app.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.rectifywatch.app.bench.BenchTexts;
import org.rectifywatch.app.bench.BenchmarkReport;
import org.rectifywatch.app.bench.CrawlBench;
import org.rectifywatch.app.bench.EndToEndBench;
import org.rectifywatch.app.bench.ProcessorBench;
import org.rectifywatch.localstack.LocalStack;
import org.rectifywatch.processor.bench.ClassifierBenchmark;
import org.rectifywatch.processor.bench.DeadlineBenchmark;
import org.rectifywatch.processor.bench.ParserBenchmark;
import org.rectifywatch.sink.bench.SinkBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pipeline bench NAME}: each benchmark measures its baseline in the same run and prints both. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs a benchmark against a baseline measured in the same run: processor, parser, classifier, deadlines, sink, e2e or crawl. "
                + "Each ends with the line 'bench NAME: <value> <unit> vs baseline <value> <unit> = ratio R'; "
                + "--update-docs records the figures in docs/BENCHMARKS.md.")
public final class BenchCommand implements Callable<Integer> {
    enum Name { processor, parser, classifier, deadlines, sink, e2e, crawl }

    @Parameters(index = "0", description = "processor | parser | classifier | deadlines | sink | e2e | crawl")
    Name name;

    @Option(names = "--corpus", description = "Folder of report texts to add to the shipped samples (default: ../shared/corpus/reports when present).")
    Path corpus;

    @Option(names = "--reports", defaultValue = "10000", description = "e2e: reports in the backfill (default 10000).")
    int reports;

    @Option(names = "--sites", defaultValue = "500", description = "crawl: simulated sites in the loopback farm (default 500).")
    int sites;

    @Option(names = "--workers", defaultValue = "128", description = "crawl: workers of the N-worker pass (default 128).")
    int workers;

    @Option(names = "--one-worker-sites", defaultValue = "25",
            description = "crawl: sites of the one-worker pass, timed on part of the farm and scaled up (default 25).")
    int oneWorkerSites;

    @Option(names = "--delay", defaultValue = "200ms", description = "crawl: the per-host delay (ingest.host.delay; default 200ms).")
    String delay;

    @Option(names = "--update-docs", description = "Write the figures into docs/BENCHMARKS.md.")
    boolean updateDocs;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path texts = corpus != null ? corpus : BenchTexts.defaultCorpus();
        BenchmarkReport.Capture capture = new BenchmarkReport.Capture(out);
        switch (name) {
            case processor -> ProcessorBench.run(BenchTexts.load(texts), capture.stream());
            case parser -> ParserBenchmark.run(capture.stream());
            case classifier -> ClassifierBenchmark.run(capture.stream());
            case deadlines -> DeadlineBenchmark.run(capture.stream());
            case sink -> {
                try (LocalStack stack = LocalStack.start(null, 0, 0)) {
                    SinkBenchmark.run(stack.elasticsearch().url(), stack.kafka().bootstrap(), capture.stream());
                }
            }
            case e2e -> EndToEndBench.run(BenchTexts.load(texts), reports, capture.stream());
            case crawl -> CrawlBench.run(sites, workers, oneWorkerSites,
                    org.rectifywatch.ingest.profile.Durations.parse(delay), capture.stream());
        }
        if (updateDocs) {
            BenchmarkReport.update(Path.of("docs", "BENCHMARKS.md"), name.name(), capture.text());
        }
        return 0;
    }
}
