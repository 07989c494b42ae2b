package org.rectifywatch.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class InputDrainedTest {
    private static final TopicPartition ISSUES_0 = new TopicPartition("issues.classified", 0);
    private static final TopicPartition ISSUES_1 = new TopicPartition("issues.classified", 1);
    private static final TopicPartition RAW_0 = new TopicPartition("reports.raw", 0);
    private static final TopicPartition RAW_1 = new TopicPartition("reports.raw", 1);
    private static final Map<TopicPartition, Long> READ = Map.of(ISSUES_0, 40L, ISSUES_1, 17L);
    private static final Map<TopicPartition, Long> RAW_ENDS = Map.of(RAW_0, 500L, RAW_1, 480L);
    private final InputDrained drained = new InputDrained(250);

    /** The sink read to {@code READ}; the processor committed its input to its ends. */
    private static InputLook look(Map<TopicPartition, Long> highWatermarks, long at) {
        return new InputLook(READ, highWatermarks, RAW_ENDS, RAW_ENDS, at);
    }

    @Test
    void drainedOnceEverythingIsReadAndCommittedToItsEndTwiceApartWithNothingReadBetween() {
        assertThat(drained.observe(look(READ, 1_000))).as("one look").isFalse();
        assertThat(drained.observe(look(READ, 1_100))).as("too soon").isFalse();
        assertThat(drained.observe(look(READ, 1_250))).isTrue();
        assertThat(drained.observe(look(READ, 1_300))).as("starts over").isFalse();
    }

    @Test
    void aTransactionOpenUpstreamOnAnyPartitionIsNotTheEnd() {
        // partition 1's high watermark is past what the consumer may read: an open transaction wrote there
        assertThat(drained.observe(look(Map.of(ISSUES_0, 40L, ISSUES_1, 19L), 1_000))).isFalse();
        assertThat(drained.observe(look(Map.of(ISSUES_0, 40L, ISSUES_1, 19L), 2_000))).isFalse();
        assertThat(drained.observe(look(READ, 3_000))).as("a first idle look").isFalse();
        assertThat(drained.observe(look(READ, 3_250))).isTrue();
    }

    @Test
    void reportsTheProcessorHasNotCommittedAreNotTheEndThoughTheSinksPartitionsAreIdle() {
        // the processor is analysing a poll's worth of reports and has written nothing for the sink yet
        Map<TopicPartition, Long> committed = Map.of(RAW_0, 500L, RAW_1, 300L);
        assertThat(drained.observe(new InputLook(READ, READ, committed, RAW_ENDS, 1_000))).isFalse();
        assertThat(drained.observe(new InputLook(READ, READ, committed, RAW_ENDS, 2_000))).isFalse();
        assertThat(drained.observe(new InputLook(READ, READ, Map.of(RAW_0, 500L), RAW_ENDS, 3_000)))
                .as("a partition never committed counts from 0").isFalse();
        assertThat(drained.observe(new InputLook(READ, READ, Map.of(RAW_0, 500L), RAW_ENDS, 4_000))).isFalse();
    }

    @Test
    void somethingReadBetweenTwoLooksStartsOver() {
        assertThat(drained.observe(new InputLook(Map.of(ISSUES_0, 40L), Map.of(ISSUES_0, 40L), Map.of(), Map.of(), 1_000))).isFalse();
        // the processor committed another transaction in between: read, written, idle again, but only just
        assertThat(drained.observe(new InputLook(Map.of(ISSUES_0, 90L), Map.of(ISSUES_0, 90L), Map.of(), Map.of(), 1_300))).isFalse();
        assertThat(drained.observe(new InputLook(Map.of(ISSUES_0, 90L), Map.of(ISSUES_0, 90L), Map.of(), Map.of(), 1_550))).isTrue();
    }

    @Test
    void aPartitionTheBrokerDidNotAnswerForOrNoPartitionsAtAllIsNotDrained() {
        assertThat(drained.observe(look(Map.of(ISSUES_0, 40L), 1_000))).isFalse();
        assertThat(drained.observe(look(Map.of(ISSUES_0, 40L), 2_000))).isFalse();
        assertThat(drained.observe(new InputLook(Map.of(), Map.of(), Map.of(), Map.of(), 3_000))).isFalse();
        assertThat(drained.observe(new InputLook(Map.of(), Map.of(), Map.of(), Map.of(), 4_000))).isFalse();
    }

    @Test
    void withoutAConfirmationOneLookIsEnough() {
        assertThat(new InputDrained(0).observe(look(READ, 1_000))).isTrue();
    }
}
