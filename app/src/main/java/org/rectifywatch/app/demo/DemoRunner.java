package org.rectifywatch.app.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rectifywatch.ingest.IngestConfig;
import org.rectifywatch.ingest.crawl.Crawler;
import org.rectifywatch.ingest.crawl.PassSummary;
import org.rectifywatch.ingest.profile.SampleSiteProfile;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.profile.UrlProfiles;
import org.rectifywatch.localstack.LocalStack;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.config.ElasticsearchSettings;
import org.rectifywatch.processor.service.ProcessorConfig;
import org.rectifywatch.processor.service.ProcessorMetrics;
import org.rectifywatch.processor.service.ProcessorService;
import org.rectifywatch.samples.site.SampleSite;
import org.rectifywatch.sink.ElasticsearchSink;
import org.rectifywatch.sink.config.SinkConfig;
import org.rectifywatch.sink.write.SinkCounters;

/**
 * The whole product on one machine: local Kafka and Elasticsearch, the sample site, and the crawler,
 * processor and sink in this process. The crawler reads the site's 巡视巡察 column with the sample profile and its
 * 通知公告 column, which no profile describes, by URL alone (a profile built from the URL, as
 * {@code pipeline ingest --url} builds it). Waits until everything the crawler published is searchable, then
 * prints a summary read back from Elasticsearch.
 */
public final class DemoRunner implements AutoCloseable {
    private final PrintStream out;
    private final Path data;
    private final Path corpusReports;
    private LocalStack stack;
    private SampleSite site;
    private ProcessorService processor;
    private ElasticsearchSink sink;
    private Crawler crawler;

    /** {@code openAlerts} counts open alerts of every kind, {@code openReportOverdue} the units owing a rectification report. */
    public record Result(long reports, long issues, long openAlerts, long openReportOverdue, String esUrl, String bootstrap) {
        public String lastLine() {
            return "demo: " + reports + " reports, " + issues + " issues, " + openAlerts + " overdue alerts (" + openReportOverdue
                    + " publication overdue) indexed at " + esUrl;
        }
    }

    public DemoRunner(PrintStream out, Path data) {
        this(out, data, null);
    }

    /** With {@code corpusReports}, the site also serves those texts in a second column that is crawled too. */
    public DemoRunner(PrintStream out, Path data, Path corpusReports) {
        this.out = out;
        this.data = data;
        this.corpusReports = corpusReports;
    }

    /** Starts everything, crawls once, waits until it is searchable and prints the summary. */
    public Result run(Duration timeout) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        start();
        crawlAndSettle(timeout);
        Result r = summarize();
        out.printf("(%.1f s)%n", (System.nanoTime() - t0) / 1e9);
        return r;
    }

    public void start() throws IOException {
        out.println("starting local Kafka and Elasticsearch …");
        stack = LocalStack.start(data, 0, 0);
        site = corpusReports == null ? SampleSite.start() : SampleSite.start(corpusReports);
        out.printf("kafka.bootstrap=%s%nelasticsearch.url=%s%nsample site at %s (%d articles; %s with its profile, %s by URL "
                        + "without one)%n", stack.kafka().bootstrap(), stack.elasticsearch().url(), site.url(), site.articles().size(),
                SampleSite.COLUMN, SampleSite.PLAIN_COLUMN);
        Path state = data != null ? data.resolve("streams") : Files.createTempDirectory("rectify-demo-streams-");
        Map<String, String> common = Map.of("kafka.bootstrap", stack.kafka().bootstrap(), "es.url", stack.elasticsearch().url());
        ConfigSource config = ConfigSource.of(common)
                .with("processor.state.dir", state.toString())
                .with("processor.application.id", "rectify-demo")
                .with("processor.punctuation.interval", "10s")
                .with("sink.group.id", "rectify-demo-sink")
                .with("sink.bulk.linger", "100ms")
                .with("ingest.host.delay", "20ms");
        processor = new ProcessorService(ProcessorConfig.from(config));
        processor.start();
        sink = new ElasticsearchSink(SinkConfig.from(config)).start();
        List<SiteProfile> profiles = new ArrayList<>(List.of(SampleSiteProfile.of(site.url()),
                UrlProfiles.of(site.url() + SampleSite.PLAIN_COLUMN, UrlProfiles.DEFAULT_MAX_PAGES)));
        if (corpusReports != null) {
            profiles.add(SampleSiteProfile.column("corpus", site.url(), SampleSite.CORPUS, 3));
        }
        crawler = new Crawler(IngestConfig.from(config), profiles);
    }

    /** One crawl pass, then wait until everything it published is processed and written. */
    public PassSummary crawlAndSettle(Duration timeout) throws InterruptedException {
        long t0 = System.nanoTime();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-progress");
            t.setDaemon(true);
            return t;
        });
        progress.scheduleAtFixedRate(() -> out.println("  " + progressLine()), 2, 2, TimeUnit.SECONDS);
        try {
            out.println("crawling the sample site …");
            PassSummary pass = crawler.runOnce();
            out.println("crawl: " + pass.line());
            awaitQuiet(pass, timeout.minus(Duration.ofNanos(System.nanoTime() - t0)));
            out.println("  " + progressLine());
            return pass;
        } finally {
            progress.shutdownNow();
        }
    }

    /** Prints the summary read back from Elasticsearch. */
    public Result summarize() {
        try (SearchClient search = new SearchClient(ElasticsearchSettings.local(stack.elasticsearch().url()))) {
            for (String index : List.of("rectify-reports", "rectify-issues", "rectify-alerts")) {
                search.refresh(index);
            }
            DemoSummary.Totals totals = new DemoSummary(search, stack.elasticsearch().url(), ZoneId.of("Asia/Shanghai")).print(out);
            return new Result(totals.reports(), totals.issues(), totals.openAlerts(), totals.openReportOverdue(),
                    stack.elasticsearch().url(), stack.kafka().bootstrap());
        }
    }

    public SampleSite site() {
        return site;
    }

    /** Everything the crawler published was processed, and everything the processor emitted was written. */
    private void awaitQuiet(PassSummary pass, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(timeout.toNanos(), Duration.ofSeconds(30).toNanos());
        long published = pass.published() + pass.changed() + pass.notices() + pass.noticesChanged();
        int quietRounds = 0;
        while (System.nanoTime() < deadline) {
            ProcessorMetrics m = processor.metrics();
            long emitted = m.reportsParsed.get() + m.issuesOut.get() + m.issuesDeleted.get() + m.alertRecordsOut.get();
            SinkCounters c = sink.counters();
            long written = c.indexed.get() + c.deleted.get() + c.stale.get() + c.dlq.get();
            boolean done = m.reportsIn.get() >= published && written >= emitted;
            quietRounds = done ? quietRounds + 1 : 0;
            if (quietRounds >= 3) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the pipeline did not settle in time: " + progressLine()
                + " — rerun with RECTIFY_LOG_LEVEL=DEBUG to see which stage stalls");
    }

    private String progressLine() {
        ProcessorMetrics m = processor.metrics();
        SinkCounters c = sink.counters();
        return String.format("progress: reports parsed %d (DLQ %d), issues emitted %d, alerts raised %d, documents indexed %d",
                m.reportsParsed.get(), m.deadLetters.get(), m.issuesOut.get(), m.alertsRaised.get(), c.indexed.get());
    }

    public LocalStack stack() {
        return stack;
    }

    @Override
    public void close() {
        if (crawler != null) {
            crawler.close();
        }
        if (sink != null) {
            sink.close();
        }
        if (processor != null) {
            processor.close();
        }
        if (site != null) {
            site.close();
        }
        if (stack != null) {
            stack.close();
        }
    }
}
