package org.rectifywatch.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
    }, new RefreshPolicy(Duration.ofMillis(200), Duration.ofSeconds(5)), counters);

    @Test
    void nothingWrittenNothingDue() {
        assertThat(refresher.millisUntilDue(1_000)).isEqualTo(Long.MAX_VALUE);
        refresher.maybeRefresh(1_000);
        refresher.written(Set.of(), 1_000, 1_000);
        refresher.maybeRefresh(1_000);
        assertThat(sent).isEmpty();
    }

    @Test
    void oneRefreshAtATimeCoveringEveryIndexWrittenMeanwhile() {
        refresher.written(Set.of("a"), 900, 1_000); // 100 ms old: due 25 ms later
        assertThat(refresher.millisUntilDue(1_000)).isEqualTo(25);
        refresher.maybeRefresh(1_010);
        assertThat(sent).isEmpty();
        refresher.maybeRefresh(1_025);
        assertThat(sent).containsExactly(Set.of("a"));

        refresher.written(Set.of("b"), 1_030, 1_030);
        refresher.written(Set.of("c"), 1_030, 1_040);
        assertThat(refresher.millisUntilDue(2_000)).as("one is running").isEqualTo(Long.MAX_VALUE);
        refresher.maybeRefresh(2_000);
        assertThat(sent).hasSize(1);
        answers.get(0).accept(null);
        assertThat(counters.refreshes.get()).isEqualTo(1);
        assertThat(refresher.millisUntilDue(1_100)).as("200 ms after the last one started").isEqualTo(125);
        refresher.maybeRefresh(1_225);
        assertThat(sent).containsExactly(Set.of("a"), Set.of("b", "c"));
        answers.get(1).accept(null);
        assertThat(refresher.millisUntilDue(5_000)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aBacklogIsRefreshedLater() {
        refresher.written(Set.of("a"), 1_000, 61_000); // written a minute after it was created
        assertThat(refresher.millisUntilDue(61_000)).isEqualTo(5_000);
        refresher.written(Set.of("a"), 63_000, 63_500); // a fresh one joins: due half a second after it was written
        assertThat(refresher.millisUntilDue(63_500)).isZero();
    }

    @Test
    void aFailedRefreshIsRetriedAfterTheLongestDelayNotEveryGap() {
        refresher.written(Set.of("a"), 1_000, 1_000);
        refresher.maybeRefresh(1_000);
        answers.get(0).accept(new java.io.IOException("connection refused"));
        assertThat(counters.refreshes.get()).isZero();
        assertThat(refresher.millisUntilDue(1_300)).isEqualTo(4_700);
        refresher.maybeRefresh(6_000);
        assertThat(sent).containsExactly(Set.of("a"), Set.of("a"));
        answers.get(1).accept(null);
        refresher.written(Set.of("b"), 7_000, 7_000);
        assertThat(refresher.millisUntilDue(7_000)).as("answered again: back to the gap").isZero();
    }

    @Test
    void finishRefreshesWhatWaitsAtOnce() throws Exception {
        refresher.written(Set.of("a"), 1_000, 61_000);
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
}
