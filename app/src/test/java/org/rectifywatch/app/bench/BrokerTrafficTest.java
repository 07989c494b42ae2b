package org.rectifywatch.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BrokerTrafficTest {
    @Test
    void topicsAreGroupedByWhatThePipelineUsesThemForAndAWindowIsTheDifference() {
        BrokerTraffic before = BrokerTraffic.of(Map.of(
                new TopicPartition("reports.raw", 0), 1000L,
                new TopicPartition("issues.classified", 1), 0L));
        BrokerTraffic after = BrokerTraffic.of(Map.of(
                new TopicPartition("reports.raw", 0), 1000L,
                new TopicPartition("issues.classified", 0), 3072L,
                new TopicPartition("issues.classified", 1), 1024L,
                new TopicPartition("bench-e2e-issues-by-unit-repartition", 2), 2048L,
                new TopicPartition("reports.handover", 0), 1024L,
                new TopicPartition("bench-e2e-tracked-issues-changelog", 0), 6144L,
                new TopicPartition("__transaction_state", 7), 512L,
                new TopicPartition("__consumer_offsets", 3), 512L));
        BrokerTraffic window = after.since(before);
        assertThat(window.bytesByKind()).containsEntry(BrokerTraffic.INPUT, 0L).containsEntry(BrokerTraffic.OUTPUTS, 4096L)
                .containsEntry(BrokerTraffic.REPARTITION, 3072L).containsEntry(BrokerTraffic.CHANGELOGS, 6144L)
                .containsEntry(BrokerTraffic.TRANSACTIONS, 512L).containsEntry(BrokerTraffic.OFFSETS, 512L);
        assertThat(window.total()).isEqualTo(14336L);
        assertThat(window.describe(2)).isEqualTo("7.0 KB per report: changelogs 3.0 KB, outputs 2.0 KB, repartition 1.5 KB,"
                + " offsets 0.3 KB, transactions 0.3 KB, input 0.0 KB");
    }
}
