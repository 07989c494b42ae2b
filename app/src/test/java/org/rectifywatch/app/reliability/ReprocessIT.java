package org.rectifywatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.processor.report.ReportAnalyzer;
import org.rectifywatch.processor.service.Reprocess;

/**
 * A parser upgrade reaches what is already indexed: a backfill processed by an "old parser" (one that misses the last
 * issue of longer reports), then {@code pipeline reprocess} under the current one, leaves Elasticsearch holding
 * exactly what a fresh run of the current parser produces — the same reports, the same issue ids, the same alerts
 * — and a second reprocess changes nothing. Real brokers (the fresh run on a broker of its own, since the topics of
 * the first hold what its processor wrote), real Elasticsearch. {@code -Dreprocess.copies=N} sets the backfill's size (9 reports per copy).
 */
class ReprocessIT {
    private static final String PREFIX = "https://reprocess.test/";

    /** The parser before the upgrade: it does not see the last issue of a report with an odd number of them. */
    static final class OldParser extends ReportAnalyzer {
        private final ReportAnalyzer current = ReportAnalyzer.standard();

        OldParser() {
            super(null, null);
        }

        @Override
        public String version() {
            return current.version() + "-old";
        }

        @Override
        public ParsedReport analyze(RawReport raw) {
            ParsedReport p = current.analyze(raw);
            int n = p.issues().size();
            return n < 3 || n % 2 == 0 ? p : p.withIssues(new ArrayList<>(p.issues().subList(0, n - 1)));
        }
    }

    @Test
    void aReprocessAfterAParserUpgradeLeavesWhatAFreshRunOfTheNewParserLeaves() throws Exception {
        int copies = Integer.getInteger("reprocess.copies", 3);
        Duration wait = Duration.ofMinutes(4 + copies / 20);
        Backfill backfill = Backfill.of(PREFIX, copies);
        ReportAnalyzer current = ReportAnalyzer.standard();
        OldParser old = new OldParser();
        long oldIssues = backfill.items().stream().mapToLong(i -> old.analyze(i.raw()).issueCount()).sum();
        long newIssues = backfill.items().stream().mapToLong(i -> current.analyze(i.raw()).issues().size()).sum();
        assertThat(newIssues).as("the upgrade reads more issues").isGreaterThan(oldIssues);
        String es = SharedStack.elasticsearch().url();
        try (LocalKafka kafka = LocalKafka.startTemporary()) {
            Map<String, String> upgradedIssues;
            Map<String, String> upgradedReports;
            Map<String, String> upgradedAlerts;
            try (Stages upgraded = new Stages("reprocess-upgraded", kafka.bootstrap(), es)) {
                upgraded.startProcessor(old);
                upgraded.startSink();
                backfill.publish(kafka.bootstrap());
                assertThat(Stages.awaitStable(() -> upgraded.issues(PREFIX), oldIssues, wait)).isEqualTo(oldIssues);
                upgraded.processor().close();

                upgraded.startProcessor(current);
                KafkaSettings settings = KafkaSettings.from(ConfigSource.of(Map.of("kafka.bootstrap", kafka.bootstrap())));
                ByteArrayOutputStream progress = new ByteArrayOutputStream();
                Reprocess.Result first = Reprocess.run(settings, Duration.ofMinutes(10), new PrintStream(progress, true, StandardCharsets.UTF_8));
                assertThat(first.sent()).isEqualTo(backfill.expectedReports());
                assertThat(Stages.awaitStable(() -> upgraded.issues(PREFIX), newIssues, wait)).isEqualTo(newIssues);
                long versions = upgraded.processor().metrics().reportsParsed.get();
                assertThat(versions).as("only reports the new parser reads differently get a version").isPositive()
                        .isLessThan(backfill.expectedReports());

                Reprocess.Result second = Reprocess.run(settings, Duration.ofMinutes(10), new PrintStream(progress, true, StandardCharsets.UTF_8));
                assertThat(second.sent()).isEqualTo(backfill.expectedReports());
                Stages.awaitStable(() -> upgraded.processor().metrics().reportsUnchanged.get(), backfill.expectedReports(), wait);
                assertThat(upgraded.processor().metrics().reportsParsed.get()).as("a second reprocess changes nothing").isEqualTo(versions);
                upgradedIssues = ids(upgraded, "issues", "report_url", "problem");
                upgradedReports = ids(upgraded, "reports", "url", "issue_count");
                upgradedAlerts = ids(upgraded, "alerts", "report_url", "state");
            }
            // a fresh run needs its own broker: on the first one, the topics hold what the first processor wrote
            try (LocalKafka freshKafka = LocalKafka.startTemporary();
                 Stages fresh = new Stages("reprocess-fresh", freshKafka.bootstrap(), es)) {
                fresh.startProcessor(current);
                fresh.startSink();
                backfill.publish(freshKafka.bootstrap());
                assertThat(Stages.awaitStable(() -> fresh.issues(PREFIX), newIssues, wait)).isEqualTo(newIssues);
                Stages.awaitStable(() -> fresh.reports(PREFIX), backfill.expectedReports(), wait);
                Thread.sleep(3000); // alerts follow their issues
                assertThat(upgradedIssues).isEqualTo(ids(fresh, "issues", "report_url", "problem")).hasSize((int) newIssues);
                assertThat(upgradedReports).isEqualTo(ids(fresh, "reports", "url", "issue_count"));
                Map<String, String> freshAlerts = ids(fresh, "alerts", "report_url", "state");
                upgradedAlerts.values().removeIf("withdrawn"::equals); // raised under the old reading only: never valid
                assertThat(upgradedAlerts).isEqualTo(freshAlerts).isNotEmpty();
            }
        }
    }

    /** Document id → one field, for the scenario's documents under the backfill's prefix (paged: a backfill may be large). */
    private static Map<String, String> ids(Stages s, String logical, String urlField, String field) {
        String idField = switch (logical) {
            case "issues" -> "issue_id";
            case "reports" -> "report_id";
            default -> "alert_id";
        };
        s.search.refresh(s.index(logical));
        Map<String, String> m = new TreeMap<>();
        String after = null;
        while (true) {
            JsonNode hits = s.search.search(s.index(logical), "{\"size\":5000,\"_source\":[\"" + field + "\"],"
                    + "\"sort\":[{\"" + idField + "\":\"asc\"}],"
                    + (after == null ? "" : "\"search_after\":[" + com.fasterxml.jackson.databind.node.TextNode.valueOf(after) + "],")
                    + "\"query\":{\"prefix\":{\"" + urlField + "\":\"" + PREFIX + "\"}}}").at("/hits/hits");
            if (hits.isEmpty()) {
                return m;
            }
            for (JsonNode h : hits) {
                m.put(h.path("_id").asText(), h.path("_source").path(field).asText());
                after = h.path("sort").path(0).asText();
            }
        }
    }
}
