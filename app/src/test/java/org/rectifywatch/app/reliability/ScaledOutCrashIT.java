package org.rectifywatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.app.reliability.ReliabilityRow.Builder;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.AlertRecord;

/**
 * Two processor and two sink instances (each its own JVM) share a backfill; one of each is SIGKILLed mid-way and the
 * survivors take its partitions over: every report, issue and alert is indexed once and committed once on its topic.
 */
@Tag("integration")
class ScaledOutCrashIT {
    private static final String PREFIX = "http://backfill.test/scaled/";

    /** Issue documents so far; 0 while the index is not there or not searchable yet. */
    private static long issuesOrZero(Stages stages) {
        try {
            return stages.issues(PREFIX);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    @Test
    void oneOfTwoProcessorsAndOneOfTwoSinksKilledMidBackfill() throws Exception {
        Builder row = new Builder("f9-two-of-each-one-killed", "Faults",
                "Two processor and two sink instances (each its own JVM); one processor and one sink SIGKILLed mid-backfill, the others go on");
        // no follow-up report (s02): its completions could race the wall-clock raise and make alert figures timing-dependent
        Backfill backfill = Backfill.of(PREFIX, 0, 10, name -> !name.startsWith("s02"));
        try (LocalKafka kafka = LocalKafka.startTemporary();
             Stages stages = new Stages("scaled", kafka.bootstrap(), SharedStack.elasticsearch().url())) {
            kafka.createPipelineTopics();
            long killedAtIssues;
            long total = backfill.expectedIssues();
            try (ChildPipeline p1 = ChildPipeline.start(ChildPipeline.processor(stages, Files.createTempDirectory("rel-scaled-p1-")).named("f9-processor-1"));
                 ChildPipeline p2 = ChildPipeline.start(ChildPipeline.processor(stages, Files.createTempDirectory("rel-scaled-p2-")).named("f9-processor-2"));
                 ChildPipeline s1 = ChildPipeline.start(ChildPipeline.sink(stages).named("f9-sink-1"));
                 ChildPipeline s2 = ChildPipeline.start(ChildPipeline.sink(stages).named("f9-sink-2"))) {
                // published while the services start: straight after the topics are created a loaded broker can refuse
                // the idempotent producer's retries (OUT_OF_ORDER_SEQUENCE_NUMBER) until the batch expires
                backfill.publish(kafka.bootstrap());
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (issuesOrZero(stages) < total / 5 && p1.isAlive() && s1.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(p1.isAlive()).as("the first processor died by itself: %s", p1.tail()).isTrue();
                assertThat(s1.isAlive()).as("the first sink died by itself: %s", s1.tail()).isTrue();
                p1.kill();
                s1.kill();
                killedAtIssues = stages.issues(PREFIX);
                assertThat(killedAtIssues).as("the kill must happen mid-backfill").isPositive().isLessThan(total);

                Duration settle = Duration.ofMinutes(4);
                long issues = Stages.awaitStable(() -> stages.issues(PREFIX), total, settle);
                long reports = Stages.awaitStable(() -> stages.reports(PREFIX), backfill.expectedReports(), Duration.ofSeconds(30));
                long raised = Stages.awaitStable(() -> stages.alerts(PREFIX, "raised"), backfill.expectedRaisedAlerts(), Duration.ofMinutes(1));
                long wrongReports = backfill.items().stream().filter(i -> stages.issuesOf(i.raw().url()) != i.expectedIssues()).count();
                Map<String, Integer> issueRecords = TopicReader.perKey(TopicReader.all(kafka.bootstrap(), Topics.ISSUES_CLASSIFIED),
                        r -> r.value() == null ? null : Json.read(r.value(), JsonNode.class).path("report_url").asText() + "#" + r.key(), PREFIX);
                Map<String, Integer> alertEvents = TopicReader.perKey(TopicReader.all(kafka.bootstrap(), Topics.ALERTS_OVERDUE), r -> {
                    if (r.value() == null) {
                        return null;
                    }
                    AlertRecord a = Json.read(r.value(), AlertRecord.class);
                    return a.reportUrl() + " " + a.alertId() + " " + a.state();
                }, PREFIX);
                IndexAudit issueAudit = IndexAudit.of(stages.search, stages.index("issues"), TopicReader.all(kafka.bootstrap(), Topics.ISSUES_CLASSIFIED));
                row.outcome("Killed with " + killedAtIssues + " of " + total + " issues indexed. The surviving processor restored the dead one's "
                                + "tasks from their changelogs (its open transactions aborted) and the surviving sink took the dead one's partitions "
                                + "from their committed offsets once the group had rebalanced; every report, issue and alert is committed once on its "
                                + "topic and indexed once.")
                        .count("reports indexed", backfill.expectedReports(), reports)
                        .count("issue documents", total, issues)
                        .count("reports with a wrong issue count", 0, wrongReports)
                        .count("open alerts", backfill.expectedRaisedAlerts(), raised)
                        .count("issue ids committed on issues.classified", total, issueRecords.size())
                        .count("issue ids committed more than once", 0, TopicReader.duplicates(issueRecords))
                        .count("alert events committed more than once", 0, TopicReader.duplicates(alertEvents))
                        .count("surviving processor and sink still running (1 = yes)", 1, p2.isAlive() && s2.isAlive() ? 1 : 0);
                issueAudit.addTo(row, "issues");
            }
            ReliabilityRow r = row.build(getClass().getSimpleName() + "#oneOfTwoProcessorsAndOneOfTwoSinksKilledMidBackfill");
            r.write(ReliabilityRow.DEFAULT_DIR);
            System.out.println(r.id() + ": " + r.outcome());
            assertThat(r.counts()).allSatisfy(c -> assertThat(c.actual()).as(c.what()).isEqualTo(c.expected()));
        }
    }
}
