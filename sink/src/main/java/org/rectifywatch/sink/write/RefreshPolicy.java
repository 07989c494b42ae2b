package org.rectifywatch.sink.write;

import java.time.Duration;

/**
 * When the sink makes what it wrote searchable. Elasticsearch's own refresh every half second cost, in a backfill,
 * two thirds of its time per document (the refreshes and the merges of the small segments they leave), and made a
 * fresh report wait for the next tick. So the indices refresh on their own only as a safety net (30 s) and the sink
 * asks for a refresh once a bulk is acknowledged: at once (but at most every {@code minGap}) for records that are
 * fresh, later for records that come out of a backlog, after a quarter of the time they have waited already, at most
 * {@code maxDelay}. A report published a second ago is searchable within a few hundred milliseconds; one that waited
 * a minute in a backlog becomes searchable five seconds after it was written, and the backlog is indexed in larger
 * segments.
 */
public record RefreshPolicy(Duration minGap, Duration maxDelay) {
    /** The share of a record's age it may still wait to become searchable once written. */
    static final double AGE_SHARE = 0.25;

    public RefreshPolicy {
        if (minGap.isNegative() || maxDelay.compareTo(minGap) < 0) {
            throw new IllegalArgumentException("refresh gap " + minGap + " must be >= 0 and at most the delay " + maxDelay);
        }
    }

    /**
     * When a refresh is due for documents written since {@code firstWrittenAt}, the youngest of whose records was
     * {@code youngestAgeMillis} old when written, given that the previous refresh started at {@code lastRefreshAt}
     * (epoch milliseconds; {@link Long#MIN_VALUE} when there was none).
     */
    public long dueAt(long firstWrittenAt, long youngestAgeMillis, long lastRefreshAt) {
        long wait = Math.min(maxDelay.toMillis(), (long) (Math.max(0, youngestAgeMillis) * AGE_SHARE));
        long earliest = lastRefreshAt == Long.MIN_VALUE ? Long.MIN_VALUE : lastRefreshAt + minGap.toMillis();
        return Math.max(firstWrittenAt + wait, earliest);
    }
}
