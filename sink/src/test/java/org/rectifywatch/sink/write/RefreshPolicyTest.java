package org.rectifywatch.sink.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshPolicyTest {
    private final RefreshPolicy policy = new RefreshPolicy(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofHours(1), DrainCheck.OFF);

    @Test
    void freshRecordsAreRefreshedAtOnceButNotMoreOftenThanTheGap() {
        assertThat(policy.dueAt(10_000, 10_000, 300, Long.MIN_VALUE, Long.MIN_VALUE)).as("first refresh: a quarter of 300 ms").isEqualTo(10_075);
        assertThat(policy.dueAt(10_000, 10_000, 300, 9_950, Long.MIN_VALUE)).as("the previous one started 50 ms ago").isEqualTo(10_150);
        assertThat(policy.dueAt(10_000, 10_000, 0, 5_000, Long.MIN_VALUE)).isEqualTo(10_000);
    }

    @Test
    void recordsOutOfABacklogWaitAQuarterOfTheirAgeAtMostTheDelay() {
        assertThat(policy.dueAt(10_000, 10_000, 8_000, 9_000, Long.MIN_VALUE)).isEqualTo(12_000);
        assertThat(policy.dueAt(10_000, 10_000, 3_600_000, 9_000, Long.MIN_VALUE)).isEqualTo(15_000);
    }

    @Test
    void aRecordStampedInTheFutureCountsAsFresh() {
        assertThat(policy.dueAt(10_000, 10_000, -60_000, Long.MIN_VALUE, Long.MIN_VALUE)).isEqualTo(10_000);
    }

    @Test
    void aBacklogNoLongerWrittenToIsRefreshedOnceItHasBeenQuiet() {
        RefreshPolicy quiet = new RefreshPolicy(Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(2), DrainCheck.OFF);
        // hour-old records written from 10 s to 25 s: while writes keep coming, the delay
        assertThat(quiet.dueAt(10_000, 25_000, 3_600_000, 9_000, Long.MIN_VALUE)).isEqualTo(27_000);
        assertThat(quiet.dueAt(10_000, 39_000, 3_600_000, 9_000, Long.MIN_VALUE)).as("still written to: the delay").isEqualTo(40_000);
        assertThat(quiet.dueAt(10_000, 10_000, 3_600_000, 9_900, Long.MIN_VALUE)).as("not before the gap").isEqualTo(12_000);
        assertThat(quiet.dueAt(10_000, 10_000, 3_600_000, 11_900, Long.MIN_VALUE)).isEqualTo(12_100);
        assertThat(quiet.dueAt(10_000, 10_000, 100, Long.MIN_VALUE, Long.MIN_VALUE)).as("fresh: at once").isEqualTo(10_025);
    }

    @Test
    void aBacklogWhoseInputIsDrainedIsRefreshedAtOnceNotAfterTheQuietTime() {
        RefreshPolicy quiet = new RefreshPolicy(Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(2),
                new DrainCheck(Duration.ofMillis(250), "", ""));
        // hour-old records last written at 25 s: the quiet time, unless the input was found drained since
        assertThat(quiet.dueAt(10_000, 25_000, 3_600_000, 9_000, Long.MIN_VALUE)).isEqualTo(27_000);
        assertThat(quiet.dueAt(10_000, 25_000, 3_600_000, 9_000, 25_300)).isEqualTo(25_300);
        assertThat(quiet.dueAt(10_000, 25_000, 3_600_000, 9_000, 24_000)).as("drained before the last write").isEqualTo(27_000);
        assertThat(quiet.dueAt(10_000, 25_000, 3_600_000, 25_200, 25_250)).as("not before the gap").isEqualTo(25_400);
    }

    @Test
    void theDelayIsAtLeastTheGap() {
        assertThatThrownBy(() -> new RefreshPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO, DrainCheck.OFF))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
