package org.rectifywatch.sink.write;

import java.time.Duration;

/**
 * When the sink makes what it wrote searchable. Elasticsearch's own refresh every half second cost, in a backfill,
 * two thirds of its time per document (the refreshes and the merges of the small segments they leave), and made a
 * fresh report wait for the next tick. So the indices refresh on their own only as a safety net (30 s) and the sink
 * asks for a refresh once a bulk is acknowledged: at once (but at most every {@code minGap}) for records that are
 * fresh, later for records that come out of a backlog, after a quarter of the time they have waited already, at most
 * {@code maxDelay} — or as soon as the backlog has run out and nothing is left to gather into the segment: when the
 * sink finds its input drained (the processor has committed all of its input, and every partition the sink reads is
 * read and written to its end with no transaction open; see {@link InputDrained}), or, where it cannot tell, once
 * nothing more has been written to the index for {@code quiet}. A report published a second ago is searchable within
 * a few hundred milliseconds; the end of a backlog a fraction of a second after it was written; its bulk in segments
 * of tens of thousands of documents: every segment makes each later write's version lookup and the merges dearer (a
 * refresh every 3,000 documents doubled Elasticsearch's CPU per issue document against one every 25,000).
 */
public record RefreshPolicy(Duration minGap, Duration maxDelay, Duration quiet, DrainCheck drainCheck) {
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
     * at {@code lastRefreshAt} and the sink last found its input drained at {@code drainedAt} (epoch milliseconds;
     * {@link Long#MIN_VALUE} when there was none).
     */
    public long dueAt(long firstWrittenAt, long lastWrittenAt, long youngestAgeMillis, long lastRefreshAt, long drainedAt) {
        long wait = Math.min(maxDelay.toMillis(), (long) (Math.max(0, youngestAgeMillis) * AGE_SHARE));
        long due = Math.min(firstWrittenAt + wait, lastWrittenAt + quiet.toMillis());
        if (drainedAt >= lastWrittenAt) {
            due = Math.min(due, drainedAt); // nothing more is coming to gather into the segment
        }
        long earliest = lastRefreshAt == Long.MIN_VALUE ? Long.MIN_VALUE : lastRefreshAt + minGap.toMillis();
        return Math.max(due, earliest);
    }
}
