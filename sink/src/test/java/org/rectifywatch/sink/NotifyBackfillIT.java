package org.rectifywatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.sink.notify.AlertNotifier;
import org.rectifywatch.sink.notify.LoopbackRobot;
import org.rectifywatch.sink.notify.NotifiedLedger;
import org.rectifywatch.sink.write.SinkCounters;

/**
 * A backfill of 1,000 alerts through the real broker to a signed DingTalk-style robot that enforces its rate
 * (20 messages in any 6-s window here, 20 a minute in production: the same bucket, a shorter window so the test
 * takes seconds) and refuses beyond it: every alert arrives in digests, none refused, none lost across a notifier
 * restart in the middle, and any alert named twice only in a repeat of the same digest (same idempotency key).
 */
@Tag("integration")
class NotifyBackfillIT {
    private static final int ALERTS = 1_000;
    private static final String SIGNING = "SEC7f3b9c2d1e0a4b5c6d";
    private SinkFixture fx;
    private LoopbackRobot robot;

    @BeforeEach
    void setUp() throws Exception {
        // the notifier needs Kafka only; Elasticsearch is not contacted
        fx = new SinkFixture(SharedStack.kafka().bootstrap(), "http://127.0.0.1:9");
        robot = new LoopbackRobot(20, Duration.ofSeconds(6), SIGNING);
    }

    @AfterEach
    void tearDown() throws Exception {
        robot.close();
        fx.close();
    }

    private AlertNotifier start(Map<String, String> settings, NotifiedLedger ledger, List<Thread> threads) {
        AlertNotifier n = new AlertNotifier(fx.config("notify-" + fx.id, settings), ledger, new SinkCounters(), null);
        Thread t = new Thread(n, "notify-under-test");
        t.start();
        threads.add(t);
        return n;
    }

    @Test
    void everyAlertOfALargeBackfillArrivesInDigestsWithinTheRobotsRateAcrossARestart() throws Exception {
        Set<String> expected = new LinkedHashSet<>();
        for (int i = 0; i < ALERTS; i++) {
            String id = (i % 4 == 0 ? "p" : "a") + i;
            fx.sendAsync(fx.alerts, id, i % 4 == 0 ? SinkFixture.reportOverdue(id, AlertState.raised) : SinkFixture.alert(id, AlertState.raised));
            expected.add(id);
        }
        fx.flush();
        Map<String, String> s = new HashMap<>();
        s.put("sink.webhook.url", robot.url());
        s.put("sink.webhook.format", "dingtalk");
        s.put("sink.webhook.secret", SIGNING);
        s.put("sink.webhook.rate", "20/6s");
        s.put("sink.notify.backfill.max.items", "20");
        s.put("sink.notify.interval", "500ms");
        List<Thread> threads = new java.util.ArrayList<>();
        long started = System.nanoTime();

        NotifiedLedger ledger1 = NotifiedLedger.load(fx.config("x", Map.of()).kafka(), fx.notifyState);
        AlertNotifier first = start(s, ledger1, threads);
        SinkFixture.await("a third of the backfill", Duration.ofSeconds(90), () -> robot.refs().size() >= ALERTS / 3);
        first.requestStop();
        threads.get(0).join(30_000);
        ledger1.close();
        int beforeRestart = robot.refs().size();
        assertThat(first.alive()).as("a requested stop is not a death").isTrue();

        NotifiedLedger ledger2 = NotifiedLedger.load(fx.config("x", Map.of()).kafka(), fx.notifyState);
        AlertNotifier second = start(s, ledger2, threads);
        SinkFixture.await("the whole backfill", Duration.ofSeconds(120), () -> robot.refs().size() >= ALERTS);
        double seconds = (System.nanoTime() - started) / 1e9;
        Thread.sleep(1500); // a late repeat would arrive now
        AlertNotifier.Stats stats = second.stats();
        second.requestStop();
        threads.get(1).join(30_000);
        ledger2.close();

        Map<String, Integer> counts = robot.refCounts();
        Set<String> repeated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
        System.out.printf("notify backfill: %d alerts in %d digests (%d before the restart), %.1f s, %d refused for rate, %d alerts repeated%n",
                ALERTS, robot.messages().size(), beforeRestart, seconds, robot.refusedForRate.get(), repeated.size());
        assertThat(robot.refs()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(robot.refusedForRate.get()).as("messages the robot refused for its rate").isZero();
        assertThat(robot.refusedForSignature.get()).as("messages with a wrong signature").isZero();
        assertThat(robot.keyMismatches.get()).as("header and body idempotency keys disagree").isZero();
        assertThat(robot.messages()).allSatisfy(m -> assertThat(m.refs().size()).isBetween(1, 20));
        assertThat(robot.messages().get(0).body().path("markdown").path("text").asText()).contains("回溯：共 ");
        for (String r : repeated) {
            Set<String> keys = robot.messages().stream().filter(m -> m.refs().contains(r)).map(LoopbackRobot.Message::idempotencyKey)
                    .collect(Collectors.toSet());
            assertThat(keys).as("alert %s named again only in a repeat of the same digest", r).hasSize(1);
        }
        assertThat(stats.pending()).isZero();
        assertThat(stats.alive()).isTrue();
    }

    @Test
    void twoInstancesSharingTheWorkThroughARebalanceDoNotRepeatWhatTheOtherDelivered() throws Exception {
        int alerts = 600;
        Set<String> expected = new LinkedHashSet<>();
        for (int i = 0; i < alerts; i++) {
            String id = "b" + i;
            fx.sendAsync(fx.alerts, id, SinkFixture.alert(id, AlertState.raised));
            expected.add(id);
        }
        fx.flush();
        Map<String, String> s = new HashMap<>();
        s.put("sink.webhook.url", robot.url());
        s.put("sink.webhook.format", "dingtalk");
        s.put("sink.webhook.secret", SIGNING);
        // two instances share the robot: each keeps to half its limit
        s.put("sink.webhook.rate", "10/6s");
        s.put("sink.notify.backfill.max.items", "15");
        s.put("sink.notify.interval", "500ms");
        List<Thread> threads = new java.util.ArrayList<>();
        NotifiedLedger ledgerA = NotifiedLedger.load(fx.config("x", Map.of()).kafka(), fx.notifyState);
        AlertNotifier a = start(s, ledgerA, threads);
        SinkFixture.await("a quarter", Duration.ofSeconds(90), () -> robot.refs().size() >= alerts / 4);
        NotifiedLedger ledgerB = NotifiedLedger.load(fx.config("x", Map.of()).kafka(), fx.notifyState);
        AlertNotifier b = start(s, ledgerB, threads); // joins the group: partitions move between the two
        SinkFixture.await("everything", Duration.ofSeconds(120), () -> robot.refs().size() >= alerts);
        Thread.sleep(2000);
        a.requestStop();
        b.requestStop();
        for (Thread t : threads) {
            t.join(30_000);
        }
        ledgerA.close();
        ledgerB.close();
        Map<String, Integer> counts = robot.refCounts();
        Set<String> repeated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
        System.out.printf("notify rebalance: %d alerts in %d digests by two instances (%d + %d), %d alerts repeated, %d refused for rate%n",
                alerts, robot.messages().size(), a.stats().digests(), b.stats().digests(), repeated.size(), robot.refusedForRate.get());
        assertThat(robot.refs()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(b.stats().digests()).as("the second instance took part").isPositive();
        for (String r : repeated) {
            Set<String> keys = robot.messages().stream().filter(m -> m.refs().contains(r)).map(LoopbackRobot.Message::idempotencyKey)
                    .collect(Collectors.toSet());
            assertThat(keys).as("alert %s named again only in a repeat of the same digest", r).hasSize(1);
        }
        assertThat(robot.refusedForRate.get()).isZero();
    }
}
