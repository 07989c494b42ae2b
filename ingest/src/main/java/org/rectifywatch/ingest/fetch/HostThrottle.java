package org.rectifywatch.ingest.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One request at a time per host, with a minimum gap between them; a host can also be deferred
 * (Retry-After, backoff) so that no request reaches it before the given time.
 */
public final class HostThrottle {
    private final Map<String, Long> notBefore = new HashMap<>();
    private final Map<String, Object> locks = new HashMap<>();

    /** The lock a caller holds for the whole request so requests to one host never overlap. */
    public synchronized Object lock(String host) {
        return locks.computeIfAbsent(host, h -> new Object());
    }

    /**
     * Blocks until the host may be asked again, then books the next slot {@code gap} after now; call
     * {@link #finished} when the response is complete so the gap also counts from its end.
     */
    public void acquire(String host, Duration gap) throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                long earliest = notBefore.getOrDefault(host, now);
                wait = earliest - now;
                if (wait <= 0) {
                    notBefore.put(host, now + gap.toNanos());
                    return;
                }
            }
            Thread.sleep(Math.max(1, wait / 1_000_000), (int) Math.min(999_999, Math.max(0, wait % 1_000_000)));
        }
    }

    /** The request to the host is complete: the next one waits at least {@code gap} from now. */
    public void finished(String host, Duration gap) {
        defer(host, gap);
    }

    /** No request to the host before {@code delay} from now (never shortens an existing deferral). */
    public synchronized void defer(String host, Duration delay) {
        long at = System.nanoTime() + delay.toNanos();
        notBefore.merge(host, at, Math::max);
    }
}
