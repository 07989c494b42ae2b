package org.rectifywatch.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.AlertKind;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.sink.SinkFixture;
import org.rectifywatch.sink.config.SinkConfig;
import org.rectifywatch.sink.write.SinkCounters;

/**
 * The notifier's decisions on a loopback robot, with records handed over directly, an in-memory ledger and a
 * ticker the test moves: the per-kind policy, digests after the interval, backfill summaries, the receiver's size
 * limit, the idempotency key, the same digest again after a crash between the robot's answer and the ledger write,
 * and signed requests.
 */
class AlertNotifierTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T04:00:00Z"), SHANGHAI);
    private final AtomicLong ticker = new AtomicLong();
    private LoopbackRobot robot;
    private long offset;

    @AfterEach
    void stop() {
        if (robot != null) {
            robot.close();
        }
    }

    private AlertNotifier notifier(NotifiedLedger ledger, Map<String, String> extra) {
        Map<String, String> m = new HashMap<>();
        m.put("sink.webhook.url", robot.url());
        m.put("sink.webhook.format", "dingtalk");
        m.put("sink.notify.interval", "1m");
        m.putAll(extra);
        SinkConfig config = SinkConfig.from(new ConfigSource(m, Map.of()));
        return new AlertNotifier(config, ledger, new SinkCounters(), null, CLOCK, ticker::get, null);
    }

    private void feed(AlertNotifier n, AlertRecord a) {
        n.intake(new ConsumerRecord<>("alerts.overdue", 0, offset++, a.alertId(), Json.bytes(a)));
    }

    private void after(Duration d) {
        ticker.addAndGet(d.toNanos());
    }

    private static AlertRecord kind(AlertRecord a, AlertKind k) {
        return new AlertRecord(a.alertId(), k, a.state(), a.reason(), a.issueId(), a.reportId(), a.target(), a.provinceHint(),
                a.inspector(), a.problem(), a.topic(), a.pillar(), a.commitmentText(), a.dueDate(), a.feedbackDate(), a.reportUrl(),
                a.reportTitle(), a.raisedAt(), a.updatedAt(), a.closedAt(), a.resolvedByIssueId(), a.resolvedByReportUrl(), a.supersededBy());
    }

    @Test
    void thePolicyPushesCommitmentAndReportOverdueInOneDigestAfterTheIntervalAndKeepsRectificationOverdueOut() throws Exception {
        robot = new LoopbackRobot(20, Duration.ofMinutes(1), null);
        NotifiedLedger ledger = NotifiedLedger.inMemory();
        AlertNotifier n = notifier(ledger, Map.of("sink.notify.backfill.old", "100"));
        feed(n, SinkFixture.alert("a1", AlertState.raised));
        feed(n, kind(SinkFixture.alert("x1", AlertState.raised), AlertKind.rectification_overdue));
        feed(n, SinkFixture.reportOverdue("p1", AlertState.raised));
        feed(n, SinkFixture.alert("a2", AlertState.withdrawn));
        n.deliverDue();
        assertThat(robot.messages()).as("within the interval: waiting for more").isEmpty();
        after(Duration.ofSeconds(61));
        n.deliverDue();
        assertThat(robot.messages()).hasSize(1);
        LoopbackRobot.Message m = robot.messages().get(0);
        assertThat(m.refs()).containsExactly("a1", "p1");
        assertThat(m.idempotencyKey()).startsWith("digest-");
        assertThat(robot.keyMismatches.get()).isZero();
        JsonNode md = m.body().path("markdown");
        assertThat(md.path("title").asText()).isEqualTo("整改动态汇总：2 条");
        assertThat(md.path("text").asText()).contains("**整改逾期提醒：卫滨区**").contains("**整改报告逾期未公开：中共松岭县委**")
                .contains("- 期限：2021-12-31（逾期 1796 天）").contains("本条共 2 条。");
        assertThat(ledger.contains("a1|raised")).isTrue();
        assertThat(ledger.contains("x1|raised")).isFalse();

        // the same events again (a redelivery), and an update of a raised alert: nothing new to say
        feed(n, SinkFixture.alert("a1", AlertState.raised));
        feed(n, SinkFixture.alert("a1", AlertState.raised, "问题 a1（报告修订后）"));
        after(Duration.ofMinutes(2));
        n.deliverDue();
        assertThat(robot.messages()).hasSize(1);
        assertThat(n.stats().items()).isEqualTo(2);
    }

    @Test
    void aBackfillIsSentAsCompactDigestsHeadedByASummaryOfEverythingWaiting() throws Exception {
        robot = new LoopbackRobot(20, Duration.ofMinutes(1), null);
        AlertNotifier n = notifier(NotifiedLedger.inMemory(), Map.of("sink.notify.backfill.max.items", "50"));
        ticker.addAndGet(Duration.ofSeconds(30).toNanos()); // up a while: the rate's bucket (empty at start) has refilled
        for (int i = 0; i < 120; i++) {
            feed(n, i % 3 == 0 ? SinkFixture.reportOverdue("p" + i, AlertState.raised) : SinkFixture.alert("a" + i, AlertState.raised));
        }
        n.deliverDue(); // raised long ago: a backfill goes out at once, as fast as the rate allows
        assertThat(robot.messages()).hasSize(3);
        String text = robot.messages().get(0).body().path("markdown").path("text").asText();
        assertThat(text).startsWith("### 整改动态汇总（回溯）：50 条").contains("回溯：共 120 条待发送（整改报告逾期未公开 40 条、整改逾期提醒 80 条；涉及 2 个单位、2 个省份）")
                .contains("#### 卫滨区（").contains("#### 中共松岭县委（").contains("- 整改逾期提醒：卫滨区 [原文](https://example.gov.cn/r1.html) `a1`");
        assertThat(robot.refs()).hasSize(120);
        assertThat(robot.messages().get(2).body().path("markdown").path("text").asText()).contains("回溯：共 20 条待发送");
    }

    @Test
    void aWeComDigestStaysWithinTheRobotsMessageSize() throws Exception {
        robot = new LoopbackRobot(20, Duration.ofMinutes(1), null);
        AlertNotifier n = notifier(NotifiedLedger.inMemory(), Map.of("sink.webhook.format", "wecom", "sink.notify.digest.max.items", "10",
                "sink.notify.backfill.old", "100"));
        ticker.addAndGet(Duration.ofSeconds(30).toNanos()); // up a while: the rate's bucket (empty at start) has refilled
        for (int i = 0; i < 10; i++) {
            feed(n, SinkFixture.alert("a" + i, AlertState.raised, "问题 " + i + "：" + "资金使用不规范，".repeat(40)));
        }
        n.deliverDue(); // ten waiting: a full digest goes out without waiting for the interval
        assertThat(robot.messages()).isNotEmpty();
        for (LoopbackRobot.Message m : robot.messages()) {
            assertThat(m.body().path("markdown").path("content").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(4096);
        }
        assertThat(robot.messages().get(0).refs().size()).isBetween(1, 9);
    }

    @Test
    void aDigestWhoseAnswerWasLostGoesOutAgainWithTheSameKeyAfterARestart() throws Exception {
        robot = new LoopbackRobot(20, Duration.ofMinutes(1), null);
        NotifiedLedger ledger = NotifiedLedger.inMemory();
        Map<String, String> fast = Map.of("sink.webhook.timeout", "300ms", "sink.notify.backfill.old", "100");
        AlertNotifier first = notifier(ledger, fast);
        feed(first, SinkFixture.alert("a1", AlertState.raised));
        feed(first, SinkFixture.alert("a2", AlertState.raised));
        robot.swallowFor(Duration.ofSeconds(1));
        robot.swallowAnswers.set(1);
        after(Duration.ofMinutes(2));
        first.deliverDue(); // the robot took it, the answer never came: the notifier dies before it knows
        assertThat(robot.messages()).hasSize(1);
        assertThat(ledger.contains("a1|raised")).isFalse();

        offset = 0;
        AlertNotifier restarted = notifier(ledger, fast);
        feed(restarted, SinkFixture.alert("a2", AlertState.raised)); // read back in another order, and one more item
        feed(restarted, SinkFixture.alert("a1", AlertState.raised));
        feed(restarted, SinkFixture.alert("a3", AlertState.raised));
        after(Duration.ofMinutes(2));
        restarted.deliverDue();
        restarted.deliverDue();
        List<LoopbackRobot.Message> ms = robot.messages();
        assertThat(ms).hasSize(3);
        assertThat(ms.get(1).idempotencyKey()).as("the same digest, the same key").isEqualTo(ms.get(0).idempotencyKey());
        assertThat(ms.get(1).refs()).containsExactlyInAnyOrderElementsOf(ms.get(0).refs());
        assertThat(ms.get(2).refs()).containsExactly("a3");
        assertThat(ms.get(2).idempotencyKey()).isNotEqualTo(ms.get(0).idempotencyKey());
        assertThat(ledger.contains("a1|raised") && ledger.contains("a2|raised") && ledger.contains("a3|raised")).isTrue();
    }

    @Test
    void aSignedRobotTakesSignedDigestsAndRefusesAWrongSecret() throws Exception {
        robot = new LoopbackRobot(20, Duration.ofMinutes(1), "SECa1b2c3d4e5f6");
        AlertNotifier good = notifier(NotifiedLedger.inMemory(), Map.of("sink.webhook.secret", "SECa1b2c3d4e5f6"));
        feed(good, SinkFixture.alert("a1", AlertState.raised));
        after(Duration.ofMinutes(2));
        good.deliverDue();
        assertThat(robot.messages()).hasSize(1);
        assertThat(robot.refusedForSignature.get()).isZero();

        AlertNotifier wrong = notifier(NotifiedLedger.inMemory(), Map.of("sink.webhook.secret", "SECwrong"));
        feed(wrong, SinkFixture.alert("a1", AlertState.raised));
        after(Duration.ofMinutes(2));
        wrong.deliverDue();
        assertThat(robot.refusedForSignature.get()).isEqualTo(1);
        assertThat(wrong.stats().refused()).as("a refusal, not retried").isEqualTo(1);
        assertThat(wrong.stats().pending()).isZero();
    }
}
