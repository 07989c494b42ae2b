package org.rectifywatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.rectifywatch.ingest.profile.SiteProfiles;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.ops.CrashPoint;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.samples.SampleReports;
import org.rectifywatch.samples.site.SampleSite;

/**
 * The crash windows of the sink, the notifier and the crawler, each closed by a real crash: the service runs in a JVM
 * of its own that halts exactly at the window ({@link CrashPoint}, armed with {@code rectify.crash.at}), and a new
 * instance takes over. One broker and one in-process processor serve the three scenarios.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashWindowsIT {
    private static final String PREFIX = "http://backfill.test/windows/";
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private LocalKafka kafka;
    private Stages processor;
    private Backfill backfill;

    @BeforeAll
    void start() throws Exception {
        kafka = LocalKafka.startTemporary();
        kafka.createPipelineTopics();
        processor = new Stages("windows", kafka.bootstrap(), SharedStack.elasticsearch().url());
        processor.startProcessor();
        // no follow-up report (s02): its completions could race the wall-clock raise and make alert figures timing-dependent
        backfill = Backfill.of(PREFIX, 0, 3, name -> !name.startsWith("s02"));
        backfill.publish(kafka.bootstrap());
        long issues = Stages.awaitStable(() -> onTopic(Topics.ISSUES_CLASSIFIED, "report_url", PREFIX), backfill.expectedIssues(), SETTLE);
        long alerts = Stages.awaitStable(() -> onTopic(Topics.ALERTS_OVERDUE, "report_url", PREFIX), backfill.expectedRaisedAlerts(), Duration.ofMinutes(1));
        assertThat(issues).as("issue records of the backfill on issues.classified").isEqualTo(backfill.expectedIssues());
        assertThat(alerts).as("alert records of the backfill on alerts.overdue").isEqualTo(backfill.expectedRaisedAlerts());
    }

    @AfterAll
    void stop() {
        if (processor != null) {
            processor.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void aSinkKilledBetweenABulkRequestAndItsOffsetCommitIndexesEverythingOnce() throws Exception {
        Builder row = new Builder("f6-sink-killed-mid-bulk", "Faults",
                "Sink (its own JVM) halted right after Elasticsearch answered its second _bulk request, before the offsets were committed; a new instance starts");
        try (Stages sink = new Stages("windows-bulk", kafka.bootstrap(), SharedStack.elasticsearch().url())
                .with("sink.bulk.max.actions", "10")
                .with("sink.bulk.max.in.flight", "1")) {
            int firstExit;
            long atKill;
            try (ChildPipeline first = ChildPipeline.start(ChildPipeline.sink(sink).named("f6-sink").armed("sink.bulk.sent:2"))) {
                firstExit = first.awaitExit(Duration.ofMinutes(2));
                assertThat(firstExit).as("the first sink must halt at the crash point: %s", first.tail()).isEqualTo(CrashPoint.EXIT_STATUS);
            }
            long killedAt = System.nanoTime();
            atKill = documents(sink);
            ChildPipeline second = ChildPipeline.start(ChildPipeline.sink(sink).named("f6-sink"));
            try (second) {
                double pause = RestartPause.firstChange(() -> documents(sink), atKill, killedAt, Duration.ofMinutes(3));
                System.out.printf("restart pause: sink killed mid-bulk → first new document after %.1f s%n", pause);
                long issues = Stages.awaitStable(() -> sink.issues(PREFIX), backfill.expectedIssues(), SETTLE);
                long reports = Stages.awaitStable(() -> sink.reports(PREFIX), backfill.expectedReports(), Duration.ofSeconds(30));
                long raised = Stages.awaitStable(() -> sink.alerts(PREFIX, "raised"), backfill.expectedRaisedAlerts(), Duration.ofSeconds(30));
                List<IndexAudit> audits = List.of(
                        IndexAudit.of(sink.search, sink.index("reports"), TopicReader.all(kafka.bootstrap(), Topics.REPORTS_PARSED)),
                        IndexAudit.of(sink.search, sink.index("issues"), TopicReader.all(kafka.bootstrap(), Topics.ISSUES_CLASSIFIED)),
                        IndexAudit.of(sink.search, sink.index("alerts"), TopicReader.all(kafka.bootstrap(), Topics.ALERTS_OVERDUE)));
                assertThat(second.stop()).as("clean stop of the second sink: %s", second.tail()).isEqualTo(ChildPipeline.SIGTERM_STATUS);
                Map<String, Long> summary = stoppedSummary(second.log());
                row.outcome(String.format("The first sink halted (status %d) once its second _bulk request of 10 actions was answered, with %d "
                                + "documents written and the offsets of the last batches not committed. The new instance wrote its first new document "
                                + "%.1f s after the crash, re-read from the committed offsets and replayed what was written already: "
                                + "Elasticsearch refused the replays as version conflicts (stale %d), so every document is there once, "
                                + "at the version of its key's last record.", firstExit, atKill, pause, summary.getOrDefault("stale", -1L)))
                        .count("first sink halted at the crash point (status 137)", CrashPoint.EXIT_STATUS, firstExit)
                        .count("killed mid-backfill: documents written before the crash, fewer than all (1 = yes)", 1,
                                atKill > 0 && atKill < backfill.expectedReports() + backfill.expectedIssues() + backfill.expectedRaisedAlerts() ? 1 : 0)
                        .count("reports indexed", backfill.expectedReports(), reports)
                        .count("issue documents", backfill.expectedIssues(), issues)
                        .count("open alerts", backfill.expectedRaisedAlerts(), raised)
                        .count("replays refused as version conflicts by the new instance (1 = yes)", 1, summary.getOrDefault("stale", 0L) > 0 ? 1 : 0);
                audits.get(0).addTo(row, "reports");
                audits.get(1).addTo(row, "issues");
                audits.get(2).addTo(row, "alerts");
                finish(row, "aSinkKilledBetweenABulkRequestAndItsOffsetCommitIndexesEverythingOnce");
            }
        }
    }

    @Test
    @Order(2)
    void aNotifierKilledBetweenAWebhook2xxAndItsLedgerWriteRepeatsThatDigestOnly() throws Exception {
        Builder row = new Builder("f8-notifier-killed-before-ledger", "Faults",
                "Sink (its own JVM) halted after the webhook answered 2xx to its second digest, before the ledger write; a new instance starts");
        int nth = 2;
        try (WebhookReceiver webhook = new WebhookReceiver();
             Stages sink = new Stages("windows-notify", kafka.bootstrap(), SharedStack.elasticsearch().url())
                     .with("sink.webhook.url", webhook.url())
                     .with("sink.notify.push", "all")
                     .with("sink.notify.interval", "200ms")
                     .with("sink.notify.digest.max.items", "5")) {
            // every alert event on the topic, as the notifier must deliver it: one per (alert id, state)
            Map<String, Integer> events = TopicReader.perKey(TopicReader.all(kafka.bootstrap(), Topics.ALERTS_OVERDUE), r -> {
                if (r.value() == null) {
                    return null;
                }
                AlertRecord a = Json.read(r.value(), AlertRecord.class);
                return a.alertId() + " " + a.state();
            }, "");
            int firstExit;
            try (ChildPipeline first = ChildPipeline.start(ChildPipeline.sink(sink).named("f8-sink").armed("notifier.delivered:" + nth))) {
                firstExit = first.awaitExit(Duration.ofMinutes(2));
                assertThat(firstExit).as("the first sink must halt at the crash point: %s", first.tail()).isEqualTo(CrashPoint.EXIT_STATUS);
            }
            List<JsonNode> before = webhook.digests();
            assertThat(before).as("digests before the crash").hasSizeGreaterThanOrEqualTo(nth);
            JsonNode crashed = before.get(nth - 1);
            List<String> crashedEvents = new ArrayList<>();
            crashed.path("items").forEach(i -> crashedEvents.add(WebhookReceiver.event(i)));
            ChildPipeline second = ChildPipeline.start(ChildPipeline.sink(sink).named("f8-sink"));
            try (second) {
                Stages.awaitStable(webhook::deliveries, events.size() + (long) crashedEvents.size(), SETTLE);
                Thread.sleep(2000); // a late repeat would arrive now
                assertThat(second.stop()).as("clean stop of the second sink: %s", second.tail()).isEqualTo(ChildPipeline.SIGTERM_STATUS);
            }
            List<JsonNode> digests = webhook.digests();
            Map<String, Integer> perEvent = new TreeMap<>();
            digests.forEach(d -> d.path("items").forEach(i -> perEvent.merge(WebhookReceiver.event(i), 1, Integer::sum)));
            List<String> repeated = perEvent.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).sorted().toList();
            JsonNode firstAfter = digests.size() > before.size() ? digests.get(before.size()) : null;
            String crashedKey = crashed.path("idempotency_key").asText("");
            long sameKey = firstAfter != null && !crashedKey.isEmpty()
                    && crashedKey.equals(firstAfter.path("idempotency_key").asText()) ? 1 : 0;
            long lost = events.keySet().stream().filter(e -> !perEvent.containsKey(e)).count();
            row.outcome(String.format("The first sink halted (status %d) after the webhook's 2xx to digest %d (%d alert events, key %s), "
                            + "before writing it to notify.state; %d digests had arrived. The new instance read the ledger and its open "
                            + "intent, sent that digest again first with the same idempotency key, then the rest: delivery is "
                            + "at-least-once, and a repeat is possible only in this window, recognisable by its key.",
                            firstExit, nth, crashedEvents.size(), crashedKey, before.size()))
                    .count("first sink halted at the crash point (status 137)", CrashPoint.EXIT_STATUS, firstExit)
                    .count("digests before the crash (the crash point's)", nth, before.size())
                    .count("alert events delivered (every event + the crashed digest's again)", events.size() + (long) crashedEvents.size(),
                            webhook.deliveries())
                    .count("alert events never delivered", 0, lost)
                    .count("events delivered more than once = the crashed digest's (1 = yes)", 1,
                            repeated.equals(crashedEvents.stream().sorted().toList()) ? 1 : 0)
                    .count("the new instance's first digest repeats the crashed one's idempotency key (1 = yes)", 1, sameKey);
            finish(row, "aNotifierKilledBetweenAWebhook2xxAndItsLedgerWriteRepeatsThatDigestOnly");
        }
    }

    @Test
    @Order(3)
    void aCrawlerKilledBetweenAPublishAndItsStateWriteRepublishesThatPageOnlyIdentically() throws Exception {
        Builder row = new Builder("f7-crawler-killed-before-state", "Faults",
                "Crawler (its own JVM) halted right after its third page was acknowledged on reports.raw, before its crawl.state write; a new instance crawls");
        int nth = 3;
        try (SampleSite site = SampleSite.start();
             Stages crawl = new Stages("windows-crawl", kafka.bootstrap(), SharedStack.elasticsearch().url())
                     .with("ingest.host.delay", "100ms")) {
            Path profiles = Files.createTempDirectory("rel-windows-").resolve("profiles.json");
            Files.write(profiles, Json.bytes(new SiteProfiles.ProfilesFile("crash window test", List.of(SampleSiteProfile.of(site.url())))));
            assertThat(SiteProfiles.load(profiles)).containsExactly(SampleSiteProfile.of(site.url()));
            int firstExit;
            try (ChildPipeline first = ChildPipeline.start(ChildPipeline.crawler(crawl, profiles).named("f7-ingest").armed("crawler.published:" + nth))) {
                firstExit = first.awaitExit(Duration.ofMinutes(2));
                assertThat(firstExit).as("the first crawler must halt at the crash point: %s", first.tail()).isEqualTo(CrashPoint.EXIT_STATUS);
            }
            String pages = site.url() + "/";
            Map<String, Integer> afterCrash = TopicReader.perKey(TopicReader.all(kafka.bootstrap(), Topics.REPORTS_RAW), r -> r.key(), pages);
            PassSummary second;
            try (Crawler crawler = new Crawler(IngestConfig.from(crawl.config()), List.of(SampleSiteProfile.of(site.url())))) {
                second = crawler.runOnce();
            }
            List<ConsumerRecord<String, byte[]>> raw = TopicReader.all(kafka.bootstrap(), Topics.REPORTS_RAW).stream()
                    .filter(r -> r.key() != null && r.key().startsWith(pages)).toList();
            Map<String, List<RawReport>> perUrl = new TreeMap<>();
            raw.forEach(r -> perUrl.computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(WireSerdes.RAW_REPORT.deserializer().deserialize(Topics.REPORTS_RAW, r.value())));
            List<String> twice = perUrl.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
            long identical = twice.stream().filter(u -> {
                List<RawReport> rs = perUrl.get(u);
                return rs.size() == 2 && rs.get(0).sha256().equals(rs.get(1).sha256()) && rs.get(0).text().equals(rs.get(1).text());
            }).count();
            long pagesExpected = site.reports().size() + site.notices().size();
            long siteIssues = SampleReports.all().stream().filter(x -> x.column().equals(SampleReports.MAIN_COLUMN))
                    .mapToLong(x -> Json.read(x.expectedJson(), JsonNode.class).get("issue_count").asLong()).sum();
            // downstream: the processor sees the repeat as unchanged text and emits nothing for it
            Stages.awaitStable(() -> onTopic(Topics.ISSUES_CLASSIFIED, "report_url", pages), siteIssues, SETTLE);
            Thread.sleep(3000); // a duplicate from the repeated page would follow its first output
            Map<String, Integer> issueRecords = TopicReader.perKey(TopicReader.all(kafka.bootstrap(), Topics.ISSUES_CLASSIFIED),
                    r -> r.value() == null ? null : Json.read(r.value(), JsonNode.class).path("report_url").asText() + "#" + r.key(), pages);
            Map<String, Integer> reportRecords = TopicReader.perKey(TopicReader.all(kafka.bootstrap(), Topics.REPORTS_PARSED),
                    r -> r.value() == null ? null : Json.read(r.value(), JsonNode.class).path("url").asText() + "#" + r.key(), pages);
            row.outcome(String.format("The first crawler halted (status %d) after %d pages were on reports.raw, the last without its crawl.state "
                            + "record. The new instance read crawl.state, published that page once more — the same key, SHA-256 and text "
                            + "(%s) — and the rest of the site (%s). The processor saw the repeat as unchanged text: no report, issue "
                            + "or alert record came of it.", firstExit, afterCrash.size(), twice, second.line()))
                    .count("first crawler halted at the crash point (status 137)", CrashPoint.EXIT_STATUS, firstExit)
                    .count("pages on reports.raw at the crash (the crash point's)", nth, afterCrash.size())
                    .count("pages on reports.raw (reports and feedback notices)", pagesExpected, perUrl.size())
                    .count("pages published more than once", 1, twice.size())
                    .count("repeated page identical (same key, SHA-256, text) (1 = yes)", 1, identical)
                    .count("issue ids committed on issues.classified", siteIssues, issueRecords.size())
                    .count("issue ids committed more than once", 0, TopicReader.duplicates(issueRecords))
                    .count("report versions committed more than once", 0, TopicReader.duplicates(reportRecords));
            finish(row, "aCrawlerKilledBetweenAPublishAndItsStateWriteRepublishesThatPageOnlyIdentically");
        }
    }

    /** Records on {@code topic} whose JSON {@code field} starts with {@code prefix}. */
    private long onTopic(String topic, String field, String prefix) {
        return TopicReader.all(kafka.bootstrap(), topic).stream()
                .filter(r -> r.value() != null && Json.read(r.value(), JsonNode.class).path(field).asText().startsWith(prefix)).count();
    }

    private static long documents(Stages s) {
        return s.reports(PREFIX) + s.issues(PREFIX) + s.alerts(PREFIX, "raised");
    }

    /** The counters of a sink's last line, {@code sink stopped: consumed=… indexed=… stale=…}. */
    static Map<String, Long> stoppedSummary(String log) {
        Map<String, Long> m = new TreeMap<>();
        String line = log.lines().filter(l -> l.contains("sink stopped:")).reduce((a, b) -> b).orElse("");
        Matcher x = Pattern.compile("(\\w+)=(\\d+)").matcher(line);
        while (x.find()) {
            m.put(x.group(1), Long.parseLong(x.group(2)));
        }
        return m;
    }

    private void finish(Builder row, String method) {
        ReliabilityRow r = row.build(getClass().getSimpleName() + "#" + method);
        r.write(ReliabilityRow.DEFAULT_DIR);
        System.out.println(r.id() + ": " + r.outcome());
        assertThat(r.counts()).allSatisfy(x -> assertThat(x.actual()).as(x.what()).isEqualTo(x.expected()));
    }
}
