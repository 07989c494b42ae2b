package org.rectifywatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.app.reliability.ReliabilityRow.Builder;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.AlertRecord;

/**
 * Fault 1: the processor is SIGKILLed mid-backfill (a separate JVM: no close, open transactions, a group member
 * that never says goodbye) and a new instance with the same application id and an empty state dir takes over.
 */
@Tag("integration")
class ProcessorCrashIT {
    private static final String PREFIX = "http://backfill.test/crash/";
    private static final String FOLLOW_UP = "s02";

    @Test
    void aKilledProcessorIsReplacedWithoutLossDuplicatesOrRepeatedNotifications() throws Exception {
        Builder row = new Builder("f1-processor-crash", "Faults",
                "Processor killed (SIGKILL of its JVM) mid-backfill; a new instance with the same application id and an empty state dir starts");
        // The follow-up report (s02) completes issues of s01 and so resolves their alerts. It comes in a second wave, once
        // the first wave's alerts are raised: processed together, a completion can overtake the wall-clock check and the
        // alert is then never raised (see the report), which would make the figures depend on timing.
        Backfill backfill = Backfill.of(PREFIX, 14);
        Backfill firstWave = Backfill.of(PREFIX, 14, name -> !name.startsWith(FOLLOW_UP));
        // the first wave in two parts: the second is published just before the kill, so input is left unprocessed
        // however fast the first processor went through the first part (a fresh JVM once committed it all before the
        // test's first look at the index)
        Backfill firstPart = Backfill.of(PREFIX, 0, 7, name -> !name.startsWith(FOLLOW_UP));
        Backfill secondPart = Backfill.of(PREFIX, 7, 7, name -> !name.startsWith(FOLLOW_UP));
        Backfill secondWave = Backfill.of(PREFIX, 14, name -> name.startsWith(FOLLOW_UP));
        try (LocalKafka kafka = LocalKafka.startTemporary();
             WebhookReceiver webhook = new WebhookReceiver();
             LogCapture logs = LogCapture.watching(WebhookReceiver.URL_MARKER);
             Stages stages = new Stages("crash", kafka.bootstrap(), SharedStack.elasticsearch().url())) {
            kafka.createPipelineTopics();
            // every alert event pushed (not only the default kinds and states), in digests cut quickly
            stages.with("sink.webhook.url", webhook.url()).with("sink.notify.push", "all").with("sink.notify.interval", "200ms").startSink();
            firstPart.publish(kafka.bootstrap());

            long killedAt;
            try (ChildPipeline first = ChildPipeline.start(ChildPipeline.processor(stages,
                    Files.createTempDirectory("rel-crash-first-")).named("f1-processor"))) {
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                long threshold = firstWave.expectedIssues() / 8;
                while (stages.issues(PREFIX) < threshold && first.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(first.isAlive()).as("the first processor died by itself: %s", first.log()).isTrue();
                secondPart.publish(kafka.bootstrap());
                first.kill();
                killedAt = stages.issues(PREFIX);
            }
            assertThat(killedAt).as("the kill must happen mid-backfill").isPositive().isLessThan(firstWave.expectedIssues());

            stages.startProcessor();
            Duration settle = Duration.ofMinutes(3);
            long firstWaveIssues = Stages.awaitStable(() -> stages.issues(PREFIX), firstWave.expectedIssues(), settle);
            long firstWaveAlerts = Stages.awaitStable(() -> stages.alerts(PREFIX, "raised"), firstWave.expectedRaisedAlerts(), Duration.ofSeconds(60));
            assertThat(firstWaveIssues).isEqualTo(firstWave.expectedIssues());
            assertThat(firstWaveAlerts).isEqualTo(firstWave.expectedRaisedAlerts());
            secondWave.publish(kafka.bootstrap());
            long issues = Stages.awaitStable(() -> stages.issues(PREFIX), backfill.expectedIssues(), settle);
            long raised = Stages.awaitStable(() -> stages.alerts(PREFIX, "raised"), backfill.expectedRaisedAlerts(), Duration.ofSeconds(60));
            long resolved = Stages.awaitStable(() -> stages.alerts(PREFIX, "resolved"), backfill.expectedResolvedAlerts(), Duration.ofSeconds(30));
            long reports = stages.reports(PREFIX);
            long wrongReports = backfill.items().stream()
                    .filter(i -> stages.issuesOf(i.raw().url()) != i.expectedIssues()).count();

            // exactly once inside Kafka: every issue and report id once among the committed records
            Map<String, Integer> issueRecords = TopicReader.perKey(TopicReader.all(kafka.bootstrap(), Topics.ISSUES_CLASSIFIED),
                    r -> r.value() == null ? null : Json.read(r.value(), com.fasterxml.jackson.databind.JsonNode.class).path("report_url").asText() + "#" + r.key(), PREFIX);
            List<ConsumerRecord<String, byte[]>> alertRecords = TopicReader.all(kafka.bootstrap(), Topics.ALERTS_OVERDUE);
            Map<String, Integer> alertEvents = TopicReader.perKey(alertRecords, r -> {
                if (r.value() == null) {
                    return null;
                }
                AlertRecord a = Json.read(r.value(), AlertRecord.class);
                return a.reportUrl() + " " + a.alertId() + " " + a.state();
            }, PREFIX);
            long expectedAlertEvents = alertEvents.size();

            // notifications: every alert event delivered once; they are paced per channel, so they may still be arriving
            // when the last alert is searchable
            Stages.awaitStable(webhook::deliveries, expectedAlertEvents, settle);
            Map<String, Integer> delivered = webhook.perEvent();
            Set<String> notifiedIds = new HashSet<>();
            delivered.keySet().forEach(k -> notifiedIds.add(k.substring(0, k.indexOf(' '))));
            Thread.sleep(2000); // a late duplicate would arrive now
            delivered = webhook.perEvent();

            row.outcome("Killed with " + killedAt + " of " + firstWave.expectedIssues() + " issues of the first wave indexed. The new instance restored "
                    + "the state stores from their changelogs, the open transactions of the dead one were aborted, and processing resumed "
                    + "from the last committed offsets. A second wave of follow-up reports then resolved alerts. Every issue and alert event is committed once on its topic, indexed once, "
                    + "and every alert event was delivered to the webhook once; the webhook URL appears in no log line.")
                    .count("reports indexed", backfill.expectedReports(), reports)
                    .count("issue documents", backfill.expectedIssues(), issues)
                    .count("reports with a wrong issue count", 0, wrongReports)
                    .count("issue ids committed on issues.classified", backfill.expectedIssues(), issueRecords.size())
                    .count("issue ids committed more than once", 0, TopicReader.duplicates(issueRecords))
                    .count("open alerts", backfill.expectedRaisedAlerts(), raised)
                    .count("resolved alerts", backfill.expectedResolvedAlerts(), resolved)
                    .count("alert events committed more than once", 0, TopicReader.duplicates(alertEvents))
                    .count("webhook deliveries", expectedAlertEvents, webhook.deliveries())
                    .count("alert events delivered more than once", 0, delivered.values().stream().filter(n -> n > 1).count())
                    .count("log lines with the webhook secret", 0, logs.linesContaining(WebhookReceiver.URL_MARKER).size());
            ReliabilityRow r = row.build(getClass().getSimpleName() + "#aKilledProcessorIsReplacedWithoutLossDuplicatesOrRepeatedNotifications");
            r.write(ReliabilityRow.DEFAULT_DIR);
            assertThat(r.counts()).allSatisfy(c -> assertThat(c.actual()).as(c.what()).isEqualTo(c.expected()));
            assertThat(stages.processor().streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            assertThat(notifiedIds).hasSize((int) (backfill.expectedRaisedAlerts() + backfill.expectedResolvedAlerts()));
        }
    }
}
