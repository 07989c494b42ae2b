package org.rectifywatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.rectifywatch.app.reliability.ReliabilityRow.Builder;
import org.rectifywatch.ingest.IngestConfig;
import org.rectifywatch.ingest.crawl.Crawler;
import org.rectifywatch.ingest.crawl.PassSummary;
import org.rectifywatch.ingest.profile.SampleSiteProfile;
import org.rectifywatch.localstack.LocalStack;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.samples.SampleReports;
import org.rectifywatch.samples.site.SampleSite;
import org.rectifywatch.sink.write.SinkCounters;

/**
 * Faults 2 and 3 on a private Kafka and Elasticsearch (both are stopped here): the broker restarted on its data
 * dir while the crawler, the processor and the sink work; Elasticsearch stopped for 30 s during a backfill.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InfrastructureFaultsIT {
    private LocalStack stack;
    private Stages stages;

    @BeforeAll
    void start() throws Exception {
        stack = LocalStack.start(null, 0, 0);
        stages = new Stages("infra", stack.kafka().bootstrap(), stack.elasticsearch().url());
        stages.startProcessor();
        stages.startSink();
    }

    @AfterAll
    void stop() {
        if (stages != null) {
            stages.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void brokerRestartedOnItsDataDirDuringABackfillAndACrawl() throws Exception {
        Builder row = new Builder("f3-broker-restart", "Faults",
                "Kafka broker stopped and restarted on the same data dir during a backfill and a crawl pass");
        String prefix = "http://backfill.test/broker/";
        Backfill backfill = Backfill.of(prefix, 8);
        try (SampleSite site = SampleSite.start();
             Crawler crawler = new Crawler(IngestConfig.from(stages.config().with("ingest.host.delay", "400ms")
                     .with("ingest.backoff.base", "100ms").with("ingest.backoff.max", "1s")), List.of(SampleSiteProfile.of(site.url())))) {
            backfill.publish(stack.kafka().bootstrap());
            CompletableFuture<PassSummary> pass = CompletableFuture.supplyAsync(crawler::runOnce);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((site.requests().size() < 4 || stages.sink().counters().indexed() < 50) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long indexedBefore = stages.sink().counters().indexed();
            int requestsBefore = site.requests().size();
            long t0 = System.nanoTime();
            stack.kafka().stopBroker();
            Thread.sleep(5000);
            stack.kafka().restart();
            double restartSeconds = (System.nanoTime() - t0) / 1e9;
            PassSummary s = pass.get(3, TimeUnit.MINUTES);
            assertThat(pass.isDone()).isTrue();

            // the crawl pass walks the 巡视巡察 column with its profile; the 通知公告 column's samples are not crawled
            long siteIssues = SampleReports.all().stream().filter(x -> x.column().equals(SampleReports.MAIN_COLUMN))
                    .mapToLong(x -> Json.read(x.expectedJson(), JsonNode.class).get("issue_count").asLong()).sum();
            long issues = Stages.awaitStable(() -> stages.issues(prefix), backfill.expectedIssues(), Duration.ofMinutes(2));
            long crawled = Stages.awaitStable(() -> stages.issues(site.url() + "/"), siteIssues, Duration.ofMinutes(1));
            Map<String, Integer> rawPerUrl = TopicReader.perKey(TopicReader.all(stack.kafka().bootstrap(), Topics.REPORTS_RAW),
                    r -> r.key(), site.url() + "/");
            // the site's feedback announcements go to reports.raw too (kind feedback_notice); they are not reports
            Map<String, Integer> rawReportsPerUrl = new TreeMap<>(rawPerUrl);
            site.notices().forEach(n -> rawReportsPerUrl.remove(site.url() + n.path()));
            Map<String, Integer> issueRecords = TopicReader.perKey(TopicReader.all(stack.kafka().bootstrap(), Topics.ISSUES_CLASSIFIED),
                    r -> r.value() == null ? null : Json.read(r.value(), JsonNode.class).path("report_url").asText() + "#" + r.key(), "http");
            row.outcome(String.format("The broker was stopped for %.1f s (stop, 5 s pause, start on the same data dir) after %d documents were indexed "
                    + "and %d requests of the crawl pass were made. The crawler's "
                    + "idempotent producer waited and resent, the Streams threads and the sink's consumer reconnected; the pass "
                    + "finished (%s) and everything landed once.", restartSeconds, indexedBefore, requestsBefore, s.line()))
                    .count("reports published by the crawl pass", site.reports().size(), s.published())
                    .count("crawled reports on reports.raw more than once", 0, TopicReader.duplicates(rawPerUrl))
                    .count("crawled reports on reports.raw", site.reports().size(), rawReportsPerUrl.size())
                    .count("crawled feedback notices on reports.raw", site.notices().size(), rawPerUrl.size() - rawReportsPerUrl.size())
                    .count("issue documents of the crawled reports", siteIssues, crawled)
                    .count("issue documents of the backfill", backfill.expectedIssues(), issues)
                    .count("reports indexed", backfill.expectedReports() + site.reports().size(),
                            stages.reports(prefix) + stages.reports(site.url() + "/"))
                    .count("issue ids committed more than once", 0, TopicReader.duplicates(issueRecords))
                    .count("processor RUNNING, sink running (1 = yes)", 1,
                            stages.processor().streams().state() == KafkaStreams.State.RUNNING && stages.sink().isRunning() ? 1 : 0);
            finish(row, "brokerRestartedOnItsDataDirDuringABackfillAndACrawl");
        }
    }

    @Test
    @Order(2)
    void elasticsearchStoppedFor30SecondsDuringABackfill() throws Exception {
        Builder row = new Builder("f2-elasticsearch-outage", "Faults",
                "Elasticsearch stopped for 30 s during a backfill, then started again on the same data");
        String prefix = "http://backfill.test/es-outage/";
        Backfill backfill = Backfill.of(prefix, 8, 12, name -> true); // copies the broker scenario did not publish
        SinkCounters c = stages.sink().counters();
        long indexed0 = c.indexed();
        long dlq0 = c.dlq();
        long retries0 = c.retries.get();
        backfill.publish(stack.kafka().bootstrap());
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (c.indexed() - indexed0 < 40 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long indexedAtStop = c.indexed() - indexed0;
        stack.elasticsearch().stop(); // returns once the node process has exited (it shuts down gracefully first)
        long stoppedAt = System.nanoTime();
        long indexedWhenGone = c.indexed();
        long retriesWhenGone = c.retries.get();
        Thread.sleep(30_000);
        long indexedDuringOutage = c.indexed() - indexedWhenGone;
        boolean sinkAliveDuringOutage = stages.sink().isRunning();
        long retriesDuringOutage = c.retries.get() - retriesWhenGone;
        long parsedDuringOutage = stages.processor().metrics().issuesOut.get();
        stack.elasticsearch().startAgain();
        double outage = (System.nanoTime() - stoppedAt) / 1e9;
        long issues = Stages.awaitStable(() -> stages.issues(prefix), backfill.expectedIssues(), Duration.ofMinutes(2));
        long reports = stages.reports(prefix);
        long wrong = backfill.items().stream().filter(i -> stages.issuesOf(i.raw().url()) != i.expectedIssues()).count();
        row.outcome(String.format("Stopped after %d documents of the backfill were indexed; Elasticsearch was unreachable for %.0f s (process gone for 30 s, then its start-up). "
                        + "The sink kept running, retried with backoff (%d retries) and committed no offset it had not written; the "
                        + "processor went on (Kafka unaffected). After the restart every document was written once; replays of "
                        + "writes whose answer was lost count as version conflicts (stale %d), not as new documents.",
                        indexedAtStop, outage, retriesDuringOutage, c.stale()))
                .count("issue documents", backfill.expectedIssues(), issues)
                .count("reports indexed", backfill.expectedReports(), reports)
                .count("reports with a wrong issue count", 0, wrong)
                .count("documents indexed while Elasticsearch was down", 0, indexedDuringOutage)
                .count("sink alive during the outage (1 = yes)", 1, sinkAliveDuringOutage ? 1 : 0)
                .count("sink retried during the outage (1 = yes)", 1, retriesDuringOutage > 0 ? 1 : 0)
                .count("records sent to sink.dlq", 0, c.dlq() - dlq0)
                .count("sink running after recovery (1 = yes)", 1, stages.sink().isRunning() ? 1 : 0);
        assertThat(parsedDuringOutage).isPositive();
        finish(row, "elasticsearchStoppedFor30SecondsDuringABackfill");
    }

    private void finish(Builder row, String method) {
        ReliabilityRow r = row.build(getClass().getSimpleName() + "#" + method);
        r.write(ReliabilityRow.DEFAULT_DIR);
        assertThat(r.counts()).allSatisfy(x -> assertThat(x.actual()).as(x.what()).isEqualTo(x.expected()));
    }
}
