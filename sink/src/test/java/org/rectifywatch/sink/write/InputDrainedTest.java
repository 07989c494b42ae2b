package org.rectifywatch.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class InputDrainedTest {
    private static final TopicPartition ISSUES_0 = new TopicPartition("issues.classified", 0);
    private static final TopicPartition ISSUES_1 = new TopicPartition("issues.classified", 1);
    private final InputDrained drained = new InputDrained(250);

    @Test
    void drainedOnceEveryPartitionIsReadToItsHighWatermarkTwiceApartWithNothingReadBetween() {
        Map<TopicPartition, Long> read = Map.of(ISSUES_0, 40L, ISSUES_1, 17L);
        assertThat(drained.observe(read, Map.of(ISSUES_0, 40L, ISSUES_1, 17L), 1_000)).as("one look").isFalse();
        assertThat(drained.observe(read, Map.of(ISSUES_0, 40L, ISSUES_1, 17L), 1_100)).as("too soon").isFalse();
        assertThat(drained.observe(read, Map.of(ISSUES_0, 40L, ISSUES_1, 17L), 1_250)).isTrue();
        assertThat(drained.observe(read, Map.of(ISSUES_0, 40L, ISSUES_1, 17L), 1_300)).as("starts over").isFalse();
    }

    @Test
    void aTransactionOpenUpstreamOnAnyPartitionIsNotTheEnd() {
        Map<TopicPartition, Long> read = Map.of(ISSUES_0, 40L, ISSUES_1, 17L);
        // partition 1's high watermark is past what the consumer may read: an open transaction wrote there
        assertThat(drained.observe(read, Map.of(ISSUES_0, 40L, ISSUES_1, 19L), 1_000)).isFalse();
        assertThat(drained.observe(read, Map.of(ISSUES_0, 40L, ISSUES_1, 19L), 2_000)).isFalse();
        assertThat(drained.observe(read, Map.of(ISSUES_0, 40L, ISSUES_1, 17L), 3_000)).as("a first idle look").isFalse();
        assertThat(drained.observe(read, Map.of(ISSUES_0, 40L, ISSUES_1, 17L), 3_250)).isTrue();
    }

    @Test
    void somethingReadBetweenTwoLooksStartsOver() {
        assertThat(drained.observe(Map.of(ISSUES_0, 40L), Map.of(ISSUES_0, 40L), 1_000)).isFalse();
        // the processor committed another transaction in between: read, written, idle again, but only just
        assertThat(drained.observe(Map.of(ISSUES_0, 90L), Map.of(ISSUES_0, 90L), 1_300)).isFalse();
        assertThat(drained.observe(Map.of(ISSUES_0, 90L), Map.of(ISSUES_0, 90L), 1_550)).isTrue();
    }

    @Test
    void aPartitionTheBrokerDidNotAnswerForOrNoPartitionsAtAllIsNotDrained() {
        assertThat(drained.observe(Map.of(ISSUES_0, 40L, ISSUES_1, 17L), Map.of(ISSUES_0, 40L), 1_000)).isFalse();
        assertThat(drained.observe(Map.of(ISSUES_0, 40L, ISSUES_1, 17L), Map.of(ISSUES_0, 40L), 2_000)).isFalse();
        assertThat(drained.observe(Map.of(), Map.of(), 3_000)).isFalse();
        assertThat(drained.observe(Map.of(), Map.of(), 4_000)).isFalse();
    }

    @Test
    void withoutAConfirmationOneLookIsEnough() {
        assertThat(new InputDrained(0).observe(Map.of(ISSUES_0, 40L), Map.of(ISSUES_0, 40L), 1_000)).isTrue();
    }
}
