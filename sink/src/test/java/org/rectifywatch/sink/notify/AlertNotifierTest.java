package org.rectifywatch.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.sink.SinkFixture;
import org.rectifywatch.sink.config.SinkConfig;
import org.rectifywatch.sink.write.SinkCounters;

/**
 * The notifier's decisions on a real loopback webhook: one delivery per (alert id, state), updates of a raised
 * alert not delivered again, days overdue counted from the due date on the injected day in the configured zone,
 * and messages that read naturally for each kind and state.
 */
class AlertNotifierTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String url;
    private long offset;

    @BeforeEach
    void startWebhook() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stopWebhook() {
        server.stop(0);
    }

    private AlertNotifier notifier(String format, Clock clock, NotifiedLedger ledger, SinkCounters counters) {
        Map<String, String> m = new HashMap<>();
        m.put("sink.webhook.url", url);
        m.put("sink.webhook.format", format);
        SinkConfig config = SinkConfig.from(new ConfigSource(m, Map.of()));
        return new AlertNotifier(config, ledger, counters, null, clock, null);
    }

    private boolean feed(AlertNotifier n, AlertRecord a) throws InterruptedException {
        return n.handle(new ConsumerRecord<>("alerts.overdue", 0, offset++, a.alertId(), Json.bytes(a)));
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), SHANGHAI);
    }

    private JsonNode message(int i) {
        return Json.read(received.get(i), JsonNode.class);
    }

    @Test
    void eachStateOfAnAlertIsDeliveredOnceAndAnUpdateOfARaisedAlertIsNotDeliveredAgain() throws Exception {
        SinkCounters counters = new SinkCounters();
        NotifiedLedger ledger = NotifiedLedger.inMemory();
        AlertNotifier n = notifier("generic", at("2026-12-01T04:00:00Z"), ledger, counters);

        assertThat(feed(n, SinkFixture.alert("a1", AlertState.raised))).isTrue();
        assertThat(feed(n, SinkFixture.alert("a2", AlertState.raised))).isTrue();
        // the report was edited: the same alert, raised again with new problem text
        assertThat(feed(n, SinkFixture.alert("a1", AlertState.raised, "问题 a1（报告修订后）"))).isTrue();
        // a redelivery of the first record after a crash
        assertThat(feed(n, SinkFixture.alert("a1", AlertState.raised))).isTrue();
        assertThat(received).hasSize(2);

        feed(n, SinkFixture.alert("a1", AlertState.resolved));
        feed(n, SinkFixture.alert("a2", AlertState.withdrawn));
        feed(n, SinkFixture.alert("a3", AlertState.raised));
        feed(n, SinkFixture.alert("a3", AlertState.superseded));
        feed(n, SinkFixture.reportOverdue("p1", AlertState.raised));
        feed(n, SinkFixture.reportOverdue("p1", AlertState.resolved));
        // each closing state repeated: not delivered twice
        feed(n, SinkFixture.alert("a1", AlertState.resolved));
        feed(n, SinkFixture.alert("a2", AlertState.withdrawn));
        feed(n, SinkFixture.alert("a3", AlertState.superseded));
        feed(n, SinkFixture.reportOverdue("p1", AlertState.resolved));

        List<String> events = received.stream().map(b -> Json.read(b, JsonNode.class))
                .map(j -> j.path("alert").path("alert_id").asText() + " " + j.path("event").asText()).toList();
        assertThat(events).containsExactly("a1 alert.raised", "a2 alert.raised", "a1 alert.resolved", "a2 alert.withdrawn",
                "a3 alert.raised", "a3 alert.superseded", "p1 alert.raised", "p1 alert.resolved");
        assertThat(counters.notified.get()).isEqualTo(8);
        assertThat(ledger.contains(NotifiedLedger.key("a1", AlertState.raised))).isTrue();
        assertThat(ledger.contains(NotifiedLedger.key("a2", AlertState.resolved))).isFalse();
        // the alert as delivered is the one first raised, not the update
        assertThat(message(0).path("alert").path("problem").asText()).isEqualTo("问题 a1");
    }

    @Test
    void aLedgerThatSurvivesRestartsKeepsARestartedNotifierFromRepeatingAnEvent() throws Exception {
        NotifiedLedger ledger = NotifiedLedger.inMemory();
        feed(notifier("generic", at("2026-12-01T04:00:00Z"), ledger, new SinkCounters()), SinkFixture.alert("a1", AlertState.raised));
        AlertNotifier restarted = notifier("generic", at("2026-12-02T04:00:00Z"), ledger, new SinkCounters());
        feed(restarted, SinkFixture.alert("a1", AlertState.raised));
        feed(restarted, SinkFixture.alert("a1", AlertState.withdrawn));
        assertThat(received).hasSize(2);
        assertThat(message(1).path("event").asText()).isEqualTo("alert.withdrawn");
    }

    @Test
    void daysOverdueAreCountedFromTheDueDateOnTheDayTheMessageIsSentInTheConfiguredZone() throws Exception {
        // 2026-12-01T20:00Z is already 2 December in Shanghai: 2021-12-31 → 2026-12-02 is 1797 days
        AlertNotifier n = notifier("generic", at("2026-12-01T20:00:00Z"), NotifiedLedger.inMemory(), new SinkCounters());
        feed(n, SinkFixture.alert("a1", AlertState.raised));
        assertThat(message(0).path("days_overdue").asLong()).isEqualTo(1797);
        assertThat(message(0).path("days_overdue_as_of").asText()).isEqualTo("2026-12-02");
        assertThat(message(0).path("alert").has("days_overdue")).as("not part of the alert record").isFalse();

        // the same alert a day earlier, and counted in UTC, reads one day less
        AlertNotifier utc = notifier("generic", Clock.fixed(Instant.parse("2026-12-01T20:00:00Z"), ZoneId.of("UTC")),
                NotifiedLedger.inMemory(), new SinkCounters());
        feed(utc, SinkFixture.alert("a1", AlertState.raised));
        assertThat(message(1).path("days_overdue").asLong()).isEqualTo(1796);

        AlertNotifier ding = notifier("dingtalk", at("2026-12-01T20:00:00Z"), NotifiedLedger.inMemory(), new SinkCounters());
        feed(ding, SinkFixture.alert("a1", AlertState.raised));
        assertThat(message(2).path("markdown").path("text").asText()).contains("- 期限：2021-12-31（逾期 1797 天）");
    }

    @Test
    void aReportOverdueMessageNamesTheUnitTheInspectionTeamTheFeedbackAndTheNotice() throws Exception {
        // raised on the Shanghai day 2026-12-01: 2025-07-16 → 2026-12-01 is 503 days
        AlertNotifier n = notifier("dingtalk", at("2026-12-01T04:00:00Z"), NotifiedLedger.inMemory(), new SinkCounters());
        feed(n, SinkFixture.reportOverdue("p1", AlertState.raised));
        JsonNode md = message(0).path("markdown");
        assertThat(md.path("title").asText()).isEqualTo("整改报告逾期未公开：中共松岭县委");
        assertThat(md.path("text").asText()).isEqualTo("""
                ### 整改报告逾期未公开：中共松岭县委

                - 巡视组：省委第一巡视组
                - 反馈日期：2025-01-16
                - 应公开日期：2025-07-16（逾期 503 天）
                - 类型：收到巡视反馈后未按期公开整改报告
                - 说明：due date passed
                - 反馈通知：[省委第一巡视组向松岭县委反馈巡视情况](https://example.gov.cn/notice-songling.html)
                - 编号：p1""");
        assertThat(md.path("text").asText()).doesNotContain("问题：").doesNotContain("null");

        feed(n, SinkFixture.reportOverdue("p1", AlertState.resolved));
        JsonNode published = message(1).path("markdown");
        assertThat(published.path("title").asText()).isEqualTo("整改报告已公开：中共松岭县委");
        // closed on 2025-09-01 (Shanghai): 47 days late then
        assertThat(published.path("text").asText()).contains("- 应公开日期：2025-07-16（关闭时逾期 47 天）")
                .contains("- 整改报告：https://example.gov.cn/songling-report.html");
    }

    @Test
    void withdrawnAndSupersededMessagesSayWhy() throws Exception {
        AlertNotifier n = notifier("wecom", at("2026-12-01T04:00:00Z"), NotifiedLedger.inMemory(), new SinkCounters());
        feed(n, SinkFixture.alert("a2", AlertState.withdrawn));
        feed(n, SinkFixture.alert("a3", AlertState.superseded));
        AlertRecord bare = SinkFixture.alert("a4", AlertState.withdrawn);
        feed(n, new AlertRecord(bare.alertId(), bare.kind(), bare.state(), null, bare.issueId(), bare.reportId(), bare.target(),
                bare.provinceHint(), bare.inspector(), bare.problem(), bare.topic(), bare.pillar(), bare.commitmentText(),
                bare.dueDate(), bare.feedbackDate(), bare.reportUrl(), bare.reportTitle(), bare.raisedAt(), bare.updatedAt(),
                bare.closedAt(), null, null, null));
        String withdrawn = message(0).path("markdown").path("content").asText();
        assertThat(withdrawn).startsWith("### 整改逾期提醒已撤回：卫滨区").contains("- 原因：the issue was removed from its report")
                .contains("- 问题：问题 a2");
        String superseded = message(1).path("markdown").path("content").asText();
        assertThat(superseded).startsWith("### 整改期限已调整：卫滨区").contains("- 原因：due date revised to 2022-06-30")
                .contains("- 后续提醒：a3-next");
        assertThat(message(2).path("markdown").path("content").asText()).as("a withdrawal without a reason still says what it means")
                .contains("- 原因：问题已从报告中删除，或报告已撤回");
    }

    @Test
    void withoutAWebhookEventsAreLoggedWithTheirDaysOverdue() {
        String line = AlertMessage.line(SinkFixture.reportOverdue("p1", AlertState.raised), at("2026-12-01T04:00:00Z"));
        assertThat(line).isEqualTo("alert.raised p1: 整改报告逾期未公开：中共松岭县委 — 巡视组 省委第一巡视组, 反馈 2025-01-16"
                + " (due 2025-07-16, 503 days overdue, due date passed) https://example.gov.cn/notice-songling.html");
    }
}
