package org.rectifywatch.sink.write;

import java.time.Duration;

/**
 * When the sink makes what it wrote searchable. Elasticsearch's own refresh every half second cost, in a backfill,
 * two thirds of its time per document (the refreshes and the merges of the small segments they leave), and made a
 * fresh report wait for the next tick. So the indices refresh on their own only as a safety net (30 s) and the sink
 * asks for a refresh once a bulk is acknowledged: at once (but at most every {@code minGap}) for records that are
 * fresh, later for records that come out of a backlog, after a quarter of the time they have waited already, at most
 * {@code maxDelay} — or as soon as nothing more has been written to the index for {@code quiet}, since then the
 * backlog has run out and nothing is left to gather into the segment. A report published a second ago is searchable
 * within a few hundred milliseconds; the end of a backlog {@code quiet} after it was written; its bulk in segments of
 * tens of thousands of documents: every segment makes each later write's version lookup and the merges dearer (a
 * refresh every 3,000 documents doubled Elasticsearch's CPU per issue document against one every 25,000).
 */
public record RefreshPolicy(Duration minGap, Duration maxDelay, Duration quiet) {
    /** The share of a record's age it may still wait to become searchable once written. */
    static final double AGE_SHARE = 0.25;

    public RefreshPolicy {
        if (minGap.isNegative() || maxDelay.compareTo(minGap) < 0 || quiet.isNegative()) {
            throw new IllegalArgumentException("refresh gap " + minGap + " must be >= 0 and at most the delay " + maxDelay
                    + ", the quiet time " + quiet + " >= 0");
        }
    }

    /**
     * When a refresh is due for documents written since {@code firstWrittenAt}, last at {@code lastWrittenAt}, the
     * youngest of whose records was {@code youngestAgeMillis} old when written, given that the previous refresh started
     * at {@code lastRefreshAt} (epoch milliseconds; {@link Long#MIN_VALUE} when there was none).
     */
    public long dueAt(long firstWrittenAt, long lastWrittenAt, long youngestAgeMillis, long lastRefreshAt) {
        long wait = Math.min(maxDelay.toMillis(), (long) (Math.max(0, youngestAgeMillis) * AGE_SHARE));
        long due = Math.min(firstWrittenAt + wait, lastWrittenAt + quiet.toMillis());
        long earliest = lastRefreshAt == Long.MIN_VALUE ? Long.MIN_VALUE : lastRefreshAt + minGap.toMillis();
        return Math.max(due, earliest);
    }
}
