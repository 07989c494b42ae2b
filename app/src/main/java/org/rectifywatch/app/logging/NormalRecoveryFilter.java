package org.rectifywatch.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;

/**
 * Drops what the Kafka clients log on normal paths, at WARN or ERROR, though nothing is wrong: exactly-once
 * recovery after a crash (state stores without checkpoints, {@code TaskCorruptedException}: the tasks are restored
 * from their changelogs by themselves), transaction retries, and notices printed on every start. Anything else —
 * including a recovery line that names another exception — passes.
 * <p>
 * Under transactions v2 a producer starts every transaction at sequence 0 of a new epoch; a batch that reaches a
 * partition before the one with sequence 0 is refused with a retriable {@code OutOfOrderSequenceException} "with no
 * existing state", and sent again (KAFKA-18202). The broker logs the refusal as an ERROR and the producer its retry as
 * a WARN, once per partition of the transaction; only that exact case is dropped — a retry that never succeeds fails
 * the transaction, which is logged on its own.
 */
public final class NormalRecoveryFilter extends Filter<ILoggingEvent> {
    static final String TASK_CORRUPTED = "TaskCorruptedException";

    /** Phrases of lines that are normal whenever they appear. */
    private static final List<String> NORMAL = List.of(
            "did not find checkpoint offsets while stores are not empty",
            "are corrupted and hence need to be re-initialized",
            "Error: CONCURRENT_TRANSACTIONS",
            "Using an OS temp directory in the state.dir property",
            "Processing exception handler is not enabled for the GlobalThread",
            "Not updating high watermark for partition",
            "The metadata log appears to be empty");
    /** The broker's refusal of a transactions-v2 batch ahead of sequence 0 (retried by the producer). */
    static final String TV2_SEQUENCE_AHEAD = "for transactions v2 idempotent producer with no existing state";
    /** The producer's retry of a refused batch: its line does not say why, the broker's does. */
    static final String SEQUENCE_RETRY = "attempts left). Error: OUT_OF_ORDER_SEQUENCE_NUMBER";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (!event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        String message = event.getFormattedMessage();
        if (message == null) {
            message = "";
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            if (isSequenceAheadOfATransaction(thrown)) {
                return FilterReply.DENY;
            }
            return onlyCorruption(thrown) && !mentionsOtherExceptions(message) ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
        if (message.endsWith(SEQUENCE_RETRY)) {
            return FilterReply.DENY;
        }
        if (mentionsOtherExceptions(message)) {
            return FilterReply.NEUTRAL;
        }
        for (String phrase : NORMAL) {
            if (message.contains(phrase)) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }

    private static boolean isSequenceAheadOfATransaction(IThrowableProxy t) {
        return t.getCause() == null && t.getClassName().endsWith(".OutOfOrderSequenceException") && t.getMessage() != null
                && t.getMessage().contains(TV2_SEQUENCE_AHEAD);
    }

    private static boolean onlyCorruption(IThrowableProxy t) {
        for (IThrowableProxy p = t; p != null; p = p.getCause()) {
            if (!p.getClassName().endsWith("." + TASK_CORRUPTED)) {
                return false;
            }
        }
        return true;
    }

    /** A line listing task exceptions is normal only when every one of them is a task corruption. */
    private static boolean mentionsOtherExceptions(String message) {
        return message.replace(TASK_CORRUPTED, "").contains("Exception");
    }
}
