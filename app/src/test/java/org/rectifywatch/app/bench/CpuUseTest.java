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

    @Test
    void theJvmsOwnThreadsAreToldApartByTheirKernelNames() {
        assertThat(CpuUse.jvmThread("GC Thread#1")).isEqualTo(CpuUse.GC);
        assertThat(CpuUse.jvmThread("G1 Conc#0")).isEqualTo(CpuUse.GC);
        assertThat(CpuUse.jvmThread("VM Thread")).isEqualTo(CpuUse.GC);
        assertThat(CpuUse.jvmThread("C2 CompilerThre")).isEqualTo(CpuUse.JIT);
        assertThat(CpuUse.jvmThread("C1 CompilerThre")).isEqualTo(CpuUse.JIT);
        assertThat(CpuUse.jvmThread("data-plane-kafk")).isNull();
        // user and system ticks are the 14th and 15th fields; a name with spaces and parentheses must not shift them
        assertThat(CpuUse.ticks("4242 (C2 (Compiler) x) S 1 1 1 0 -1 4194368 9 0 0 0 1234 56 0 0 20 0 1 0 7 0 0")).isEqualTo(1290);
    }

    @Test
    void anotherJvmsCompilersAreReadByProcessId() {
        // this JVM read as if it were another: the same compiler threads as its own snapshot, and none for a pid gone
        long self = ProcessHandle.current().pid();
        long own = CpuUse.jvmThreads().getOrDefault(CpuUse.JIT, 0L);
        long read = CpuUse.compilerNanos(java.util.List.of(self));
        assertThat(read).isGreaterThanOrEqualTo(own).isPositive();
        assertThat(CpuUse.compilerNanos(java.util.List.of(Long.MAX_VALUE))).isZero();
    }
}
