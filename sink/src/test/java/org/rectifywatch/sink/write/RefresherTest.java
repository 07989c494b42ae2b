package org.rectifywatch.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every state of the refresher against a transport the test answers by hand. */
class RefresherTest {
    private final List<Collection<String>> sent = new ArrayList<>();
    private final List<Consumer<Exception>> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final SinkCounters counters = new SinkCounters();
    private final Refresher refresher = new Refresher((indices, done) -> {
        sent.add(indices);
        answers.add(done);
    }, new RefreshPolicy(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofHours(1), DrainCheck.OFF), counters);

    @Test
    void nothingWrittenNothingDue() {
        assertThat(refresher.millisUntilDue(1_000)).isEqualTo(Long.MAX_VALUE);
        refresher.maybeRefresh(1_000);
        refresher.written(Map.of(), 1_000);
        refresher.maybeRefresh(1_000);
        assertThat(sent).isEmpty();
    }

    @Test
    void oneRefreshAtATimeCoveringEveryIndexDueMeanwhile() {
        refresher.written(Map.of("a", 900L), 1_000); // 100 ms old: due 25 ms later
        assertThat(refresher.millisUntilDue(1_000)).isEqualTo(25);
        refresher.maybeRefresh(1_010);
        assertThat(sent).isEmpty();
        refresher.maybeRefresh(1_025);
        assertThat(sent).containsExactly(Set.of("a"));
        assertThat(counters.lastRefreshSentAt.get()).as("stamped for the benchmark's account of a backlog's end").isEqualTo(1_025);
        assertThat(counters.lastRefreshDoneAt.get()).as("not answered yet").isZero();

        refresher.written(Map.of("a", 1_030L), 1_030);
        refresher.written(Map.of("b", 1_030L), 1_040);
        assertThat(refresher.millisUntilDue(2_000)).as("one is running").isEqualTo(Long.MAX_VALUE);
        refresher.maybeRefresh(2_000);
        assertThat(sent).hasSize(1);
        answers.get(0).accept(null);
        assertThat(counters.refreshes.get()).isEqualTo(1);
        assertThat(counters.lastRefreshDoneAt.get()).isPositive();
        assertThat(refresher.millisUntilDue(1_040)).as("b was never refreshed: due after a quarter of its 10 ms").isEqualTo(2);
        refresher.maybeRefresh(1_042);
        assertThat(sent).as("a only 200 ms after its last refresh").containsExactly(Set.of("a"), Set.of("b"));
        answers.get(1).accept(null);
        assertThat(refresher.millisUntilDue(1_100)).isEqualTo(125);
        refresher.maybeRefresh(1_225);
        assertThat(sent).containsExactly(Set.of("a"), Set.of("b"), Set.of("a"));
        answers.get(2).accept(null);
        assertThat(refresher.millisUntilDue(5_000)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aBacklogIsRefreshedLaterAndAFreshIndexBesideItDoesNotHurry() {
        refresher.written(Map.of("issues", 1_000L, "alerts", 60_900L), 61_000); // issues a minute old, alerts fresh
        assertThat(refresher.millisUntilDue(61_000)).isEqualTo(25);
        refresher.maybeRefresh(61_025);
        assertThat(sent).containsExactly(Set.of("alerts"));
        answers.get(0).accept(null);
        assertThat(refresher.millisUntilDue(61_025)).isEqualTo(4_975);
        refresher.written(Map.of("issues", 63_000L), 63_500); // a fresh issue joins: due once written
        assertThat(refresher.millisUntilDue(63_500)).isZero();
    }

    @Test
    void aBacklogIsRefreshedOnceNothingMoreIsWrittenToItsIndex() {
        Refresher quiet = new Refresher((indices, done) -> sent.add(indices),
                new RefreshPolicy(Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(2), DrainCheck.OFF), counters);
        quiet.written(Map.of("issues", 0L), 60_000); // a minute old: 15 s, unless the writes stop
        assertThat(quiet.millisUntilDue(60_000)).isEqualTo(2_000);
        quiet.written(Map.of("issues", 1_000L), 61_000);
        quiet.written(Map.of("issues", 2_000L), 62_000);
        assertThat(quiet.millisUntilDue(62_000)).as("still written to").isEqualTo(2_000);
        quiet.maybeRefresh(63_999);
        assertThat(sent).isEmpty();
        quiet.maybeRefresh(64_000);
        assertThat(sent).containsExactly(Set.of("issues"));
    }

    @Test
    void aBacklogIsRefreshedAsSoonAsTheInputIsFoundDrained() {
        List<Consumer<Exception>> running = new ArrayList<>();
        Refresher quiet = new Refresher((indices, done) -> {
            sent.add(indices);
            running.add(done);
        }, new RefreshPolicy(Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(2),
                new DrainCheck(Duration.ofMillis(250), "", "")),
                counters);
        assertThat(quiet.waiting(60_000)).as("nothing written").isFalse();
        quiet.written(Map.of("issues", 0L), 60_000);
        assertThat(quiet.waiting(60_100)).isTrue();
        quiet.drained(60_400);
        assertThat(quiet.millisUntilDue(60_400)).isZero();
        quiet.maybeRefresh(60_400);
        assertThat(sent).containsExactly(Set.of("issues"));
        assertThat(quiet.waiting(60_400)).as("running, nothing written since").isFalse();
        quiet.written(Map.of("issues", 1_000L), 60_500);
        assertThat(quiet.waiting(60_500)).as("written while a refresh runs: its end may be found meanwhile").isTrue();
        running.get(0).accept(null);
        quiet.written(Map.of("issues", 1_000L), 61_000);
        assertThat(quiet.millisUntilDue(61_000)).as("written after the input was drained: the quiet time again")
                .isEqualTo(2_000);
    }

    @Test
    void aFailedRefreshIsRetriedAfterTheLongestDelayNotEveryGap() {
        refresher.written(Map.of("a", 1_000L), 1_000);
        refresher.maybeRefresh(1_000);
        answers.get(0).accept(new java.io.IOException("connection refused"));
        assertThat(counters.refreshes.get()).isZero();
        assertThat(refresher.millisUntilDue(1_300)).isEqualTo(4_700);
        refresher.maybeRefresh(6_000);
        assertThat(sent).containsExactly(Set.of("a"), Set.of("a"));
        answers.get(1).accept(null);
        refresher.written(Map.of("b", 7_000L), 7_000);
        assertThat(refresher.millisUntilDue(7_000)).as("answered again: back to the gap").isZero();
    }

    @Test
    void startedItSendsEachRefreshWhenDueWithoutBeingAsked() throws Exception {
        List<Long> sentAt = new java.util.concurrent.CopyOnWriteArrayList<>();
        Refresher timed = new Refresher((indices, done) -> {
            sentAt.add(System.currentTimeMillis());
            done.accept(null);
        }, new RefreshPolicy(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofHours(1), DrainCheck.OFF), counters).start();
        try {
            long now = System.currentTimeMillis();
            timed.written(Map.of("a", now - 400), now); // due 100 ms from now
            timed.written(Map.of("b", now - 2_000), now); // due 500 ms from now
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (sentAt.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(sentAt).hasSize(2);
            assertThat(sentAt.get(0) - now).isBetween(100L, 400L);
            assertThat(sentAt.get(1) - now).isBetween(500L, 900L);
            assertThat(counters.refreshes.get()).isEqualTo(2);
        } finally {
            timed.close();
        }
    }

    @Test
    void finishRefreshesWhatWaitsAtOnce() throws Exception {
        refresher.written(Map.of("a", 1_000L), 61_000);
        Thread answering = new Thread(() -> {
            while (answers.isEmpty()) {
                Thread.onSpinWait();
            }
            answers.get(0).accept(null);
        });
        answering.start();
        refresher.finish(Duration.ofSeconds(5));
        answering.join();
        assertThat(sent).containsExactly(Set.of("a"));
        assertThat(counters.refreshes.get()).isEqualTo(1);
    }

    @Test
    void aBacklogsDocumentsAreRefreshedAheadOfItsEndWhenTheEndIsNearerThanTheirRefreshWouldTake() {
        long[] nanos = {0};
        Refresher ahead = new Refresher((indices, done) -> {
            sent.add(indices);
            answers.add(done);
        }, new RefreshPolicy(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofHours(1), DrainCheck.OFF), counters,
                () -> nanos[0]);
        ahead.written(Map.of("a", 0L), Map.of("a", 3_000), 10_000);
        assertThat(ahead.aheadOfTheEnd(0, 10_000)).as("what a refresh costs is not known yet").isFalse();
        ahead.maybeRefresh(15_000);
        nanos[0] += 300_000_000L; // 3,000 documents in 300 ms: 0.1 ms each
        answers.get(0).accept(null);

        ahead.written(Map.of("a", 0L, "b", 0L), Map.of("a", 900, "b", 600), 16_000); // 150 ms to refresh
        assertThat(ahead.aheadOfTheEnd(151, 16_000)).as("the end is further off than their refresh takes").isFalse();
        assertThat(ahead.aheadOfTheEnd(Long.MAX_VALUE, 16_000)).as("the end cannot be told").isFalse();
        assertThat(ahead.aheadOfTheEnd(150, 16_000)).isTrue();
        assertThat(sent).containsExactly(Set.of("a"), Set.of("a", "b"));
        assertThat(counters.refreshesAhead.get()).isEqualTo(1);
        assertThat(ahead.millisUntilDue(16_000)).as("nothing waits").isEqualTo(Long.MAX_VALUE);
        nanos[0] += 450_000_000L; // 1,500 documents in 450 ms: 0.3 ms each, learnt as 0.2 on average with the first
        answers.get(1).accept(null);

        ahead.written(Map.of("a", 0L), Map.of("a", 400), 17_000); // 80 ms: not worth a refresh of its own
        assertThat(ahead.aheadOfTheEnd(0, 17_000)).isFalse();
        assertThat(ahead.aheadOfTheEnd(5_000, 17_000)).as("the end further off again").isFalse();
        ahead.written(Map.of("a", 0L), Map.of("a", 100), 17_100); // 100 ms
        assertThat(ahead.aheadOfTheEnd(0, 17_100)).isTrue();
        nanos[0] += 1_000_000L; // 500 documents: too few to time
        answers.get(2).accept(null);
        ahead.written(Map.of("a", 0L), Map.of("a", 500), 18_000);
        assertThat(ahead.aheadOfTheEnd(0, 18_000)).as("once per approach to an end").isFalse();
        assertThat(ahead.aheadOfTheEnd(101, 18_000)).as("further off again: re-armed").isFalse();
        assertThat(ahead.aheadOfTheEnd(100, 18_000)).as("still 0.2 ms a document").isTrue();
        assertThat(counters.refreshesAhead.get()).isEqualTo(3);
    }
}
