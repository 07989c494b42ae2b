package org.rectifywatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.model.wire.DeadLetters;
import org.rectifywatch.sink.write.Backoff;
import org.rectifywatch.sink.write.BulkWriter;
import org.rectifywatch.sink.write.SinkAction;
import org.rectifywatch.sink.write.SinkCounters;

/** The sink on the local Kafka and Elasticsearch: idempotent replays, deletes, versions, dead letters, notifications. */
@Tag("integration")
class SinkIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private SinkFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new SinkFixture(SharedStack.kafka().bootstrap(), SharedStack.elasticsearch().url());
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.close();
    }

    @Test
    void replayingTheSameTopicContentLeavesIdenticalDocumentsAndCounts() throws Exception {
        for (int r = 0; r < 5; r++) {
            fx.send(fx.reports, "r" + r, SinkFixture.report("r" + r, 1));
        }
        for (int i = 0; i < 300; i++) {
            fx.send(fx.issues, "i" + i, SinkFixture.issue("i" + i, 1, "2021-02-05"));
        }
        for (int a = 0; a < 4; a++) {
            // every state, both kinds of alert
            AlertState state = AlertState.values()[a];
            fx.send(fx.alerts, "a" + a, a % 2 == 0 ? SinkFixture.alert("a" + a, state) : SinkFixture.reportOverdue("a" + a, state));
        }
        int total = 309;
        Map<String, String> reports1;
        Map<String, String> issues1;
        Map<String, String> alerts1;
        try (ElasticsearchSink sink = new ElasticsearchSink(fx.config("g1-" + fx.id, Map.of())).start()) {
            SinkFixture.await("first pass", WAIT, () -> sink.counters().acknowledged() == total);
            assertThat(sink.counters().indexed()).isEqualTo(total);
            assertThat(sink.counters().stale()).isZero();
        }
        reports1 = fx.snapshot(fx.prefix + "-reports");
        issues1 = fx.snapshot(fx.prefix + "-issues");
        alerts1 = fx.snapshot(fx.prefix + "-alerts");
        assertThat(reports1).hasSize(5);
        assertThat(issues1).hasSize(300);
        assertThat(alerts1).hasSize(4);

        // a second consumer group replays everything from the start: every write is a version conflict
        try (ElasticsearchSink sink = new ElasticsearchSink(fx.config("g2-" + fx.id, Map.of())).start()) {
            SinkFixture.await("replay", WAIT, () -> sink.counters().acknowledged() == total);
            assertThat(sink.counters().indexed()).isZero();
            assertThat(sink.counters().stale()).isEqualTo(total);
        }
        assertThat(fx.snapshot(fx.prefix + "-reports")).isEqualTo(reports1);
        assertThat(fx.snapshot(fx.prefix + "-issues")).isEqualTo(issues1);
        assertThat(fx.snapshot(fx.prefix + "-alerts")).isEqualTo(alerts1);

        JsonNode report = fx.source(fx.prefix + "-reports", "r0").path("_source");
        assertThat(report.path("figures").path("disciplined_persons").asInt()).isEqualTo(12);
        assertThat(report.path("figures_other").get(0).asText()).isEqualTo("odd_figure=3");
        assertThat(report.path("status_counts").path("in_progress").asInt()).isEqualTo(1);
        JsonNode hit = fx.request("POST", "/" + fx.prefix + "-issues/_search",
                "{\"query\":{\"match\":{\"problem_tokens\":\"浅表化\"}}}").path("hits").path("total").path("value");
        assertThat(hit.asInt()).as("whitespace-analysed token field finds a segmented word").isEqualTo(300);
        JsonNode publicationOverdue = fx.source(fx.prefix + "-alerts", "a3").path("_source");
        assertThat(publicationOverdue.path("alert_kind").asText()).isEqualTo("report_overdue");
        assertThat(publicationOverdue.path("state").asText()).isEqualTo("superseded");
        assertThat(publicationOverdue.path("superseded_by").asText()).isEqualTo("a3-next");
        assertThat(publicationOverdue.path("feedback_date").asText()).isEqualTo("2025-01-16");
        assertThat(fx.count(fx.prefix + "-alerts")).isEqualTo(4);
        assertThat(fx.request("POST", "/" + fx.prefix + "-alerts/_count", "{\"query\":{\"term\":{\"state\":\"raised\"}}}")
                .path("count").asLong()).as("open alerts").isEqualTo(1);
    }

    @Test
    void eachTransitionOfAnAlertOverwritesItsDocumentAndAReplayedOlderOneDoesNot() throws Exception {
        fx.send(fx.alerts, "t1", SinkFixture.alert("t1", AlertState.raised));
        fx.send(fx.alerts, "t1", SinkFixture.alert("t1", AlertState.raised, "问题 t1（报告修订后）"));
        fx.send(fx.alerts, "t1", SinkFixture.alert("t1", AlertState.superseded));
        fx.send(fx.alerts, "t2", SinkFixture.reportOverdue("t2", AlertState.raised));
        fx.send(fx.alerts, "t2", SinkFixture.reportOverdue("t2", AlertState.resolved));
        try (ElasticsearchSink sink = new ElasticsearchSink(fx.config("g-" + fx.id, Map.of())).start()) {
            SinkFixture.await("5 transitions", WAIT, () -> sink.counters().acknowledged() == 5);
        }
        String alias = fx.prefix + "-alerts";
        JsonNode t1 = fx.source(alias, "t1");
        assertThat(t1.path("_source").path("state").asText()).isEqualTo("superseded");
        assertThat(t1.path("_source").path("problem").asText()).as("the update before it").isEqualTo("问题 t1");
        assertThat(t1.path("_source").path("closed_at").asText()).isEqualTo("2023-06-01T00:00:00Z");
        JsonNode t2 = fx.source(alias, "t2").path("_source");
        assertThat(t2.path("state").asText()).isEqualTo("resolved");
        assertThat(t2.path("resolved_by_report_url").asText()).isEqualTo("https://example.gov.cn/songling-report.html");

        // the raised record arriving again at its old offset (a redelivery) cannot reopen the alert
        SinkCounters counters = new SinkCounters();
        try (var client = co.elastic.clients.transport.rest5_client.low_level.Rest5Client.builder(java.net.URI.create(fx.esUrl)).build()) {
            BulkWriter writer = new BulkWriter(client, new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1)), counters);
            byte[] raised = Json.bytes(org.rectifywatch.sink.index.DocumentMapper.alert(SinkFixture.alert("t1", AlertState.raised), java.time.Instant.now()));
            long version = t1.path("_version").asLong();
            var origin = new SinkAction.Origin(fx.alerts, 0, version - 3, "t1".getBytes(StandardCharsets.UTF_8), raised);
            assertThat(writer.write(List.of(SinkAction.index(alias, "t1", version - 2, raised, origin)))).isEmpty();
        }
        assertThat(counters.stale()).isEqualTo(1);
        assertThat(fx.source(alias, "t1").path("_source").path("state").asText()).isEqualTo("superseded");
    }

    @Test
    void aTombstoneDeletesAndAnOlderVersionAfterANewerOneIsIgnored() throws Exception {
        fx.send(fx.issues, "keep", SinkFixture.issue("keep", 1, "2021-02-05"));
        fx.send(fx.issues, "keep", SinkFixture.issue("keep", 2, "2021-02-05"));
        fx.send(fx.issues, "gone", SinkFixture.issue("gone", 1, "2021-02-05"));
        fx.send(fx.issues, "gone", null);
        try (ElasticsearchSink sink = new ElasticsearchSink(fx.config("g-" + fx.id, Map.of())).start()) {
            SinkFixture.await("4 records", WAIT, () -> sink.counters().acknowledged() == 4);
            assertThat(sink.counters().deleted()).isEqualTo(1);
        }
        String alias = fx.prefix + "-issues";
        assertThat(fx.source(alias, "gone")).isNull();
        JsonNode keep = fx.source(alias, "keep");
        assertThat(keep.path("_source").path("report_version").asInt()).isEqualTo(2);
        long newest = keep.path("_version").asLong();

        // the older content arriving late (a lower source offset) is refused and counted as stale
        SinkCounters counters = new SinkCounters();
        try (var client = co.elastic.clients.transport.rest5_client.low_level.Rest5Client.builder(java.net.URI.create(fx.esUrl)).build()) {
            BulkWriter writer = new BulkWriter(client, new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1)), counters);
            byte[] old = Json.bytes(org.rectifywatch.sink.index.DocumentMapper.issue(SinkFixture.issue("keep", 1, "2021-02-05"), java.time.Instant.now()));
            var origin = new SinkAction.Origin(fx.issues, 0, newest - 2, "keep".getBytes(StandardCharsets.UTF_8), old);
            assertThat(writer.write(List.of(SinkAction.index(alias, "keep", newest - 1, old, origin)))).isEmpty();
        }
        assertThat(counters.stale()).isEqualTo(1);
        assertThat(counters.indexed()).isZero();
        assertThat(fx.source(alias, "keep").path("_source").path("report_version").asInt()).isEqualTo(2);
    }

    /** A trickle is written as soon as the sink has read all there is: the linger only gathers records still coming. */
    @Test
    void recordsAreWrittenAtOnceWhenNothingMoreIsWaitingInTheTopics() throws Exception {
        try (ElasticsearchSink sink = new ElasticsearchSink(fx.config("g-" + fx.id, Map.of("sink.bulk.linger", "10m"))).start()) {
            for (int round = 1; round <= 3; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 3; i++) {
                    fx.send(fx.issues, "t" + round + "-" + i, SinkFixture.issue("t" + round + "-" + i, 1, "2021-02-05"));
                }
                int expected = 3 * round;
                SinkFixture.await(expected + " records written with a 10-minute linger", Duration.ofSeconds(30),
                        () -> sink.counters().acknowledged() == expected);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
            }
            assertThat(sink.counters().indexed()).isEqualTo(9);
        }
    }

    @Test
    void aMalformedDocumentGoesToTheDeadLetterTopicAndTheNextRecordsAreIndexed() throws Exception {
        fx.send(fx.issues, "ok1", SinkFixture.issue("ok1", 1, "2021-02-05"));
        fx.send(fx.issues, "bad-date", SinkFixture.issue("bad-date", 1, "二〇二一年二月"));
        fx.send(fx.issues, "not-json", "{this is not json".getBytes(StandardCharsets.UTF_8));
        for (int i = 2; i <= 20; i++) {
            fx.send(fx.issues, "ok" + i, SinkFixture.issue("ok" + i, 1, "2021-02-05"));
        }
        try (ElasticsearchSink sink = new ElasticsearchSink(fx.config("g-" + fx.id, Map.of())).start()) {
            SinkFixture.await("22 records", WAIT, () -> sink.counters().acknowledged() == 22);
            assertThat(sink.counters().dlq()).isEqualTo(2);
            assertThat(sink.counters().indexed()).isEqualTo(20);
        }
        assertThat(fx.count(fx.prefix + "-issues")).isEqualTo(20);
        List<ConsumerRecord<byte[], byte[]>> dead = fx.readAll(fx.dlq, 2, WAIT);
        assertThat(dead).hasSize(2);
        ConsumerRecord<byte[], byte[]> esRejected = dead.stream().filter(r -> new String(r.key()).equals("bad-date")).findFirst().orElseThrow();
        assertThat(DeadLetters.get(esRejected.headers(), DeadLetters.REASON)).isEqualTo("ES_REJECTED");
        assertThat(DeadLetters.get(esRejected.headers(), DeadLetters.STAGE)).isEqualTo("sink");
        assertThat(DeadLetters.get(esRejected.headers(), DeadLetters.DETAIL)).contains("feedback_date").contains("HTTP 400");
        assertThat(DeadLetters.get(esRejected.headers(), DeadLetters.SOURCE)).startsWith(fx.issues + "-");
        assertThat(new String(esRejected.value(), StandardCharsets.UTF_8)).contains("二〇二一年二月");
        ConsumerRecord<byte[], byte[]> unreadable = dead.stream().filter(r -> new String(r.key()).equals("not-json")).findFirst().orElseThrow();
        assertThat(DeadLetters.get(unreadable.headers(), DeadLetters.REASON)).isEqualTo("DESERIALIZATION");
        assertThat(new String(unreadable.value(), StandardCharsets.UTF_8)).isEqualTo("{this is not json");
    }

    @Test
    void theWebhookGetsExactlyOneNotificationPerAlertAndStateAcrossRestarts() throws Exception {
        List<JsonNode> items = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/robot/send", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n = calls.incrementAndGet();
            int status = n == 1 ? 503 : 200; // the first delivery attempt fails: retried with backoff
            if (status == 200) {
                Json.read(body, JsonNode.class).path("items").forEach(items::add);
            }
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send?access_token=SECRET";
        // every kind and state pushed, digests cut quickly
        Map<String, String> hook = Map.of("sink.webhook.url", url, "sink.notify.push", "all", "sink.notify.interval", "200ms");
        try {
            fx.send(fx.alerts, "a1", SinkFixture.alert("a1", AlertState.raised));
            fx.send(fx.alerts, "a2", SinkFixture.reportOverdue("a2", AlertState.raised));
            try (ElasticsearchSink sink = new ElasticsearchSink(fx.config("g1-" + fx.id, hook)).start()) {
                SinkFixture.await("two notifications", WAIT, () -> items.size() == 2);
                SinkFixture.await("two alerts indexed", WAIT, () -> sink.counters().acknowledged() == 2);
                // the alert is republished unchanged (e.g. after a processor restart), then updated (its report was
                // edited): the document follows, the people notified hear nothing new
                fx.send(fx.alerts, "a1", SinkFixture.alert("a1", AlertState.raised));
                fx.send(fx.alerts, "a1", SinkFixture.alert("a1", AlertState.raised, "问题 a1（报告修订后）"));
                SinkFixture.await("republished and updated alert indexed", WAIT, () -> sink.counters().acknowledged() == 4);
                Thread.sleep(1500);
                assertThat(sink.counters().notified()).isEqualTo(2);
                assertThat(sink.notifier().alive()).isTrue();
            }
            assertThat(fx.source(fx.prefix + "-alerts", "a1").path("_source").path("problem").asText()).isEqualTo("问题 a1（报告修订后）");
            fx.send(fx.alerts, "a1", SinkFixture.alert("a1", AlertState.resolved));
            fx.send(fx.alerts, "a2", SinkFixture.reportOverdue("a2", AlertState.withdrawn));
            // restart with a new consumer group: the notifier re-reads every alert from the start,
            // and only the ledger in the notify-state topic stands between it and duplicates
            try (ElasticsearchSink sink = new ElasticsearchSink(fx.config("g2-" + fx.id, hook)).start()) {
                SinkFixture.await("the resolution and the withdrawal", WAIT, () -> items.size() == 4);
                SinkFixture.await("all alerts indexed", WAIT, () -> sink.counters().acknowledged() == 6);
                Thread.sleep(2000);
                assertThat(sink.counters().notified()).isEqualTo(2);
            }
        } finally {
            server.stop(0);
        }
        assertThat(items).hasSize(4);
        List<String> events = items.stream().map(i -> i.path("alert").path("alert_id").asText() + " " + i.path("event").asText()).toList();
        assertThat(events).containsExactlyInAnyOrder("a1 alert.raised", "a2 alert.raised", "a1 alert.resolved", "a2 alert.withdrawn");
        assertThat(events.subList(0, 2)).containsExactlyInAnyOrder("a1 alert.raised", "a2 alert.raised");
        List<String> titles = items.stream().map(i -> i.path("title").asText()).toList();
        assertThat(titles).containsExactlyInAnyOrder("整改逾期提醒：卫滨区", "整改报告逾期未公开：中共松岭县委", "整改逾期已销号：卫滨区",
                "整改报告逾期提醒已撤回：中共松岭县委");
        assertThat(items).allSatisfy(i -> assertThat(i.path("idempotency_key").asText()).isNotEmpty());
        assertThat(fx.source(fx.prefix + "-alerts", "a1").path("_source").path("state").asText()).isEqualTo("resolved");
    }

    @Test
    void anAlertTheWebhookRefusesGoesToTheDeadLetterTopicWithTheWebhooksAnswer() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cgi-bin/webhook/send", ex -> {
            ex.getRequestBody().readAllBytes();
            calls.incrementAndGet();
            // WeCom answers 200 with an error code for a key it does not know: a refusal, not worth retrying
            byte[] answer = "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/cgi-bin/webhook/send?key=WRONG";
        try {
            fx.send(fx.alerts, "refused-1", SinkFixture.alert("refused-1", AlertState.raised));
            try (ElasticsearchSink sink = new ElasticsearchSink(fx.config("g-refused-" + fx.id,
                    Map.of("sink.webhook.url", url, "sink.webhook.format", "wecom", "sink.notify.interval", "100ms"))).start()) {
                SinkFixture.await("the refusal dead-lettered", WAIT, () -> sink.counters().dlq() == 1);
                assertThat(sink.counters().notified()).isZero();
                assertThat(sink.counters().notifyFailures.get()).isEqualTo(1);
            }
        } finally {
            server.stop(0);
        }
        assertThat(calls.get()).as("a refusal is not retried").isEqualTo(1);
        List<ConsumerRecord<byte[], byte[]>> dead = fx.readAll(fx.dlq, 1, WAIT);
        assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("refused-1");
        assertThat(DeadLetters.get(dead.get(0).headers(), DeadLetters.REASON)).isEqualTo("WEBHOOK_REFUSED");
        assertThat(DeadLetters.get(dead.get(0).headers(), DeadLetters.DETAIL)).contains("93000").doesNotContain("WRONG");
        assertThat(Json.read(dead.get(0).value(), AlertRecord.class).alertId()).isEqualTo("refused-1");
    }
}
