package org.rectifywatch.sink.notify.channel;

import java.util.function.LongSupplier;
import org.rectifywatch.sink.notify.config.Rate;

/**
 * A token bucket sized so that no window of the robot's length ever sees more than its limit: a burst of a quarter
 * of the limit, the rest refilled evenly over the window, one message kept in reserve for the clocks of sender
 * and receiver not agreeing exactly. (A bucket of the full limit refilled at the full rate would let twice the
 * limit through in one window, and the robot would refuse the second half.) It starts empty: a sink restarted
 * moments after its predecessor spent its burst would otherwise add a second burst to the robot's window (a
 * restart in the middle of a backfill's digests had a message refused); the first message waits one refill.
 */
public final class TokenBucket {
    private final LongSupplier nanoTime;
    private final double capacity;
    private final double nanosPerToken;
    private double tokens;
    private long last;

    public TokenBucket(Rate rate, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        int n = rate.messages();
        int burst = Math.max(1, n / 4);
        int refills = Math.max(1, n - burst - 1);
        // at most burst + refills + 1 (a token that falls due just at the window's end) ≤ n in any window
        this.capacity = burst;
        this.nanosPerToken = rate.window().toNanos() * 1.02 / refills;
        this.tokens = 0;
        this.last = nanoTime.getAsLong();
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) / nanosPerToken);
        last = now;
    }

    /** Takes a token if there is one. */
    public synchronized boolean tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** How long until a token is available (0 if one is). */
    public synchronized long nanosUntilToken() {
        refill();
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * nanosPerToken);
    }
}
