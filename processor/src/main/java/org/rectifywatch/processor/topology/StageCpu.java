package org.rectifywatch.processor.topology;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.streams.kstream.ValueMapper;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.rectifywatch.processor.service.ProcessorMetrics;

/**
 * Counts the thread CPU each stage spends on its records — its own work and what it forwards and writes, which Kafka
 * Streams does synchronously inside it — so that {@code bench e2e} can say where the stream threads' time beyond the
 * analysis goes. Two reads of the thread's CPU clock per record: a few microseconds per report.
 */
final class StageCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StageCpu() {
    }

    /** {@code inner}'s processors, their {@code process} calls counted under {@code stage}. */
    static <KIn, VIn, KOut, VOut> ProcessorSupplier<KIn, VIn, KOut, VOut> timed(String stage, ProcessorMetrics metrics,
                                                                                ProcessorSupplier<KIn, VIn, KOut, VOut> inner) {
        LongAdder cpu = metrics.stageCpu(stage);
        return () -> new Timed<>(inner.get(), cpu);
    }

    /** {@code mapper}, its calls counted under {@code stage}. */
    static <V, R> ValueMapper<V, R> timed(String stage, ProcessorMetrics metrics, ValueMapper<V, R> mapper) {
        LongAdder cpu = metrics.stageCpu(stage);
        return value -> {
            long from = THREADS.getCurrentThreadCpuTime();
            try {
                return mapper.apply(value);
            } finally {
                count(cpu, from);
            }
        };
    }

    private static void count(LongAdder cpu, long from) {
        if (from >= 0) {
            cpu.add(THREADS.getCurrentThreadCpuTime() - from);
        }
    }

    private static final class Timed<KIn, VIn, KOut, VOut> implements Processor<KIn, VIn, KOut, VOut> {
        private final Processor<KIn, VIn, KOut, VOut> stage;
        private final LongAdder cpu;

        Timed(Processor<KIn, VIn, KOut, VOut> stage, LongAdder cpu) {
            this.stage = stage;
            this.cpu = cpu;
        }

        @Override
        public void init(ProcessorContext<KOut, VOut> context) {
            stage.init(context);
        }

        @Override
        public void process(Record<KIn, VIn> record) {
            long from = THREADS.getCurrentThreadCpuTime();
            try {
                stage.process(record);
            } finally {
                count(cpu, from);
            }
        }

        @Override
        public void close() {
            stage.close();
        }
    }
}
