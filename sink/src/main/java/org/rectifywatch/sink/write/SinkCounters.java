package org.rectifywatch.sink.write;

import java.util.concurrent.atomic.AtomicLong;

/** What the sink has done since it started; read by the summary line, tests and the benchmark. */
public final class SinkCounters {
    public final AtomicLong consumed = new AtomicLong();
    public final AtomicLong indexed = new AtomicLong();
    public final AtomicLong deleted = new AtomicLong();
    /** Replays and late older versions that Elasticsearch refused with a version conflict: a success. */
    public final AtomicLong stale = new AtomicLong();
    public final AtomicLong dlq = new AtomicLong();
    /** Dead letters the broker refused for good (e.g. larger than the dead-letter topic allows): logged, not written. */
    public final AtomicLong deadLettersLost = new AtomicLong();
    public final AtomicLong bulkRequests = new AtomicLong();
    public final AtomicLong retries = new AtomicLong();
    public final AtomicLong notified = new AtomicLong();
    public final AtomicLong notifyFailures = new AtomicLong();
    /** Records whose outcome is known and whose offsets may be committed. */
    public final AtomicLong acknowledged = new AtomicLong();
    /** Wall time spent inside bulk requests, summed over the writers: how busy Elasticsearch kept them. */
    public final AtomicLong bulkNanos = new AtomicLong();
    /** Refreshes the sink asked for and Elasticsearch acknowledged. */
    public final AtomicLong refreshes = new AtomicLong();
    /** Times the sink found its input drained (a backlog run out) and made what it wrote searchable at once. */
    public final AtomicLong backlogEnds = new AtomicLong();
    /** Refreshes sent ahead of a backlog's end, its processor due to finish within what the refresh would take. */
    public final AtomicLong refreshesAhead = new AtomicLong();
    /**
     * When (epoch milliseconds, 0: never) records were last read, the last bulk acknowledged, the input last found
     * drained, the last refresh sent and answered.
     */
    public final AtomicLong lastConsumedAt = new AtomicLong();
    public final AtomicLong lastAcknowledgedAt = new AtomicLong();
    public final AtomicLong lastDrainedAt = new AtomicLong();
    public final AtomicLong lastRefreshSentAt = new AtomicLong();
    public final AtomicLong lastRefreshDoneAt = new AtomicLong();

    public long indexed() {
        return indexed.get();
    }

    public long deleted() {
        return deleted.get();
    }

    public long dlq() {
        return dlq.get();
    }

    public long notified() {
        return notified.get();
    }

    public long stale() {
        return stale.get();
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    public String summary() {
        return "consumed=" + consumed + " indexed=" + indexed + " deleted=" + deleted + " stale=" + stale + " dlq=" + dlq
                + (deadLettersLost.get() > 0 ? " deadLettersLost=" + deadLettersLost : "")
                + " notified=" + notified + " notifyFailures=" + notifyFailures + " bulkRequests=" + bulkRequests
                + " retries=" + retries + " refreshes=" + refreshes + " backlogEnds=" + backlogEnds;
    }
}
