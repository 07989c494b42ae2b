package org.rectifywatch.sink.write;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: attempt n waits a random time in [d/2, d], d = min(max, initial·2ⁿ). */
public record Backoff(Duration initial, Duration max) {

    public long delayMillis(int attempt) {
        long cap = max.toMillis();
        long d = Math.min(cap, initial.toMillis() * (1L << Math.min(attempt, 30)));
        d = Math.max(1, d);
        return d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
    }
}
