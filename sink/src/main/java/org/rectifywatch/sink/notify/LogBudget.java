package org.rectifywatch.sink.notify;

import java.util.function.LongConsumer;

/**
 * At most {@code perWindow} log lines per window of {@code windowMillis}; the lines left out are counted, so that one
 * line can say how many there were once the window has closed. Without a notification channel every alert event is
 * logged: a handful a day is the point, but a backfill raises thousands a minute, which only buried the log.
 */
final class LogBudget {
    private final int perWindow;
    private final long windowMillis;
    private long windowStart = Long.MIN_VALUE;
    private int used;
    private long leftOut;

    LogBudget(int perWindow, long windowMillis) {
        this.perWindow = perWindow;
        this.windowMillis = windowMillis;
    }

    /** Whether a line may be logged at {@code now}; a closed window's count of left-out lines goes to {@code leftOutOf} first. */
    boolean take(long now, LongConsumer leftOutOf) {
        close(now, leftOutOf);
        if (windowStart == Long.MIN_VALUE) {
            windowStart = now;
        }
        if (used < perWindow) {
            used++;
            return true;
        }
        leftOut++;
        return false;
    }

    /** Ends the window when its time is up, reporting the lines it left out (if any) to {@code leftOutOf}. */
    void close(long now, LongConsumer leftOutOf) {
        if (windowStart != Long.MIN_VALUE && now - windowStart >= windowMillis) {
            if (leftOut > 0) {
                leftOutOf.accept(leftOut);
            }
            windowStart = Long.MIN_VALUE;
            used = 0;
            leftOut = 0;
        }
    }
}
