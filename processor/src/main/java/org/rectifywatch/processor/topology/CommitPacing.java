package org.rectifywatch.processor.topology;

import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

/**
 * When the processor commits: what is fresh at once, a backlog in larger transactions. Streams commits every
 * {@code processor.backlog.commit.interval}; each stage asks for a commit every {@code freshInterval} while it handles
 * records at most {@code freshAge} old (their Kafka timestamps, carried from the crawl through every hop). A steady
 * trickle of new reports is committed as promptly as with a short interval everywhere, while a backfill's records, old
 * by the time they are read, pay a transaction (markers in every partition it wrote, a round trip to the coordinator)
 * per second instead of ten. A backlog that has run out is committed at the next tick too: once its stream thread has
 * handled no record for a whole tick, larger transactions gain nothing and the records wait for nobody, as after a
 * takeover or restart, whose few waiting records are old only by the pause. The thread, not the stage, must be idle:
 * a by-unit stage sees its input in bursts (what each upstream commit releases), and committing at every gap would
 * cost a backfill the transactions it saves. What the trackers' agendas raise with no input (alerts falling due, once
 * a day) waits for Streams' interval, at most a second.
 *
 * @param freshInterval how often a stage handling fresh records asks for a commit
 * @param freshAge      the oldest a record may be to count as fresh
 */
public record CommitPacing(Duration freshInterval, Duration freshAge) {
    /** As configured by default: fresh records committed every 100 ms, fresh meaning at most 2 s old. */
    public static final CommitPacing DEFAULT = new CommitPacing(Duration.ofMillis(100), Duration.ofSeconds(2));

    /**
     * When a paced stage on this thread last handled a record. A task's records and punctuations are handled on the
     * stream thread that owns it, so the stages on one thread share this without locks.
     */
    private static final ThreadLocal<long[]> THREAD_LAST_HANDLED_MS = ThreadLocal.withInitial(() -> new long[1]);

    public CommitPacing {
        if (freshInterval.isZero() || freshInterval.isNegative() || freshAge.isNegative()) {
            throw new IllegalArgumentException("commit pacing needs a positive interval and an age of at least zero, got "
                    + freshInterval + " and " + freshAge);
        }
    }

    /** Whether a record stamped {@code timestampMs} counts as fresh at {@code nowMs}. */
    boolean isFresh(long timestampMs, long nowMs) {
        return nowMs - timestampMs <= freshAge.toMillis();
    }

    /** {@code inner}'s processors, each asking for commits while it handles fresh records or once its thread is idle. */
    <KIn, VIn, KOut, VOut> ProcessorSupplier<KIn, VIn, KOut, VOut> around(ProcessorSupplier<KIn, VIn, KOut, VOut> inner) {
        return () -> new Paced<>(inner.get(), this);
    }

    /** Whether the stream thread's input has run out: no paced stage on it has handled a record for a whole tick. */
    boolean isDrained(long lastHandledMs, long nowMs) {
        return nowMs - lastHandledMs >= freshInterval.toMillis();
    }

    /**
     * Hands every record to the stage and, on a wall-clock tick, asks for a commit if one of them was fresh, or if
     * its thread has drained what it had to do.
     */
    static final class Paced<KIn, VIn, KOut, VOut> implements Processor<KIn, VIn, KOut, VOut> {
        private final Processor<KIn, VIn, KOut, VOut> stage;
        private final CommitPacing pacing;
        private ProcessorContext<KOut, VOut> context;
        private boolean handledSinceCommit;
        private boolean freshSinceCommit;

        Paced(Processor<KIn, VIn, KOut, VOut> stage, CommitPacing pacing) {
            this.stage = stage;
            this.pacing = pacing;
        }

        @Override
        public void init(ProcessorContext<KOut, VOut> context) {
            this.context = context;
            stage.init(context);
            context.schedule(pacing.freshInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
                if (freshSinceCommit || handledSinceCommit && pacing.isDrained(THREAD_LAST_HANDLED_MS.get()[0], now)) {
                    freshSinceCommit = false;
                    handledSinceCommit = false;
                    context.commit();
                }
            });
        }

        @Override
        public void process(Record<KIn, VIn> record) {
            long now = context.currentSystemTimeMs();
            handledSinceCommit = true;
            THREAD_LAST_HANDLED_MS.get()[0] = now;
            if (!freshSinceCommit && pacing.isFresh(record.timestamp(), now)) {
                freshSinceCommit = true;
            }
            stage.process(record);
        }

        @Override
        public void close() {
            stage.close();
        }
    }
}
