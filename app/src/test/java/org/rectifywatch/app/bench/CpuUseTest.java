package org.rectifywatch.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuUseTest {

    @Test
    void threadsAreCountedForThePartTheyWorkFor() {
        String app = "bench-e2e-7eb74859-c05b-4631-b529-80efcbf992e7";
        assertThat(CpuUse.part(app + "-StreamThread-1")).isEqualTo(CpuUse.PROCESSOR);
        assertThat(CpuUse.part("kafka-producer-network-thread | " + app + "-StreamThread-2-producer")).isEqualTo(CpuUse.PROCESSOR);
        // Kafka Streams restores state stores on a thread of its own: it is the processor's work, not the broker's
        assertThat(CpuUse.part(app + "-StateUpdater-1")).isEqualTo(CpuUse.PROCESSOR);
        assertThat(CpuUse.part("sink-bulk-1")).isEqualTo(CpuUse.SINK);
        assertThat(CpuUse.part("main")).isEqualTo(CpuUse.CLIENT);
        assertThat(CpuUse.part("data-plane-kafka-request-handler-3")).isEqualTo(CpuUse.BROKER);
    }

    @Test
    void theProcessorsThreadsAreSplitByKind() {
        String app = "bench-e2e-7eb74859";
        assertThat(CpuUse.processorThread(app + "-StreamThread-1")).isEqualTo("stream threads");
        assertThat(CpuUse.processorThread("kafka-producer-network-thread | " + app + "-StreamThread-1-producer"))
                .isEqualTo("producers' network threads");
        assertThat(CpuUse.processorThread(app + "-StateUpdater-1")).isEqualTo("state updater");
    }
}
