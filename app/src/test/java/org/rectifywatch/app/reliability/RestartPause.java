package org.rectifywatch.app.reliability;

import java.time.Duration;
import java.util.function.LongSupplier;

/** How long a service's output stops when it is restarted: from the close or kill to the first new output. */
final class RestartPause {
    /** The bar the suite holds restarts to when {@code -Dreliability.restart.bar=SECONDS} is given; null otherwise. */
    static final Double BAR = bar();

    private RestartPause() {
    }

    private static Double bar() {
        String v = System.getProperty("reliability.restart.bar");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("reliability.restart.bar must be a number of seconds such as 10, not '" + v + "'");
        }
    }

    /**
     * Seconds from {@code sinceNanos} (a {@link System#nanoTime()}) until {@code output} first exceeds {@code before},
     * polled every 100 ms; -1 when it did not within {@code timeout}. A failing poll (a service not up yet) counts as no change.
     */
    static double firstChange(LongSupplier output, long before, long sinceNanos, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long now;
            try {
                now = output.getAsLong();
            } catch (RuntimeException e) {
                now = before;
            }
            if (now > before) {
                return Math.round((System.nanoTime() - sinceNanos) / 1e8) / 10.0;
            }
            Thread.sleep(100);
        }
        return -1;
    }

    /** Adds "pause ≤ bar" to a row when the bar is set: the figure is always printed, held to the bar only on request. */
    static void holdTo(ReliabilityRow.Builder row, String what, double seconds) {
        if (BAR != null) {
            row.count(what + " restart pause ≤ " + BAR + " s (1 = yes)", 1, seconds >= 0 && seconds <= BAR ? 1 : 0);
        }
    }
}
