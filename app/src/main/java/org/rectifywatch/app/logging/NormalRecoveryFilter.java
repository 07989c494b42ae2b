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
            return onlyCorruption(thrown) && !mentionsOtherExceptions(message) ? FilterReply.DENY : FilterReply.NEUTRAL;
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
