package org.rectifywatch.sink.write;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseListener;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the indices the sink wrote, when {@link RefreshPolicy} says: one request at a time, sent asynchronously
 * so the consumer loop never waits for it. A refresh is not part of durability (an acknowledged bulk is in
 * Elasticsearch's translog): one that fails, or never comes because the sink was killed, only delays searchability
 * until the next one or the indices' own 30 s refresh.
 */
public final class Refresher {
    private static final Logger log = LoggerFactory.getLogger(Refresher.class);

    /** Sends {@code POST /<indices>/_refresh}; the callback reports success or failure. */
    interface Transport {
        void refresh(Collection<String> indices, java.util.function.Consumer<Exception> done);
    }

    private final Transport transport;
    private final RefreshPolicy policy;
    private final SinkCounters counters;

    private final Set<String> dirty = new TreeSet<>();
    private long firstWrittenAt;
    private long youngestAge = Long.MAX_VALUE;
    private long lastRefreshAt = Long.MIN_VALUE;
    private boolean inFlight;
    private int failuresInARow;
    /** After a failed refresh: the next one not before this (epoch milliseconds). */
    private long notBefore = Long.MIN_VALUE;

    public Refresher(Rest5Client client, RefreshPolicy policy, SinkCounters counters) {
        this((indices, done) -> {
            Request r = new Request("POST", "/" + String.join(",", indices) + "/_refresh");
            r.addParameter("ignore_unavailable", "true");
            client.performRequestAsync(r, new ResponseListener() {
                @Override
                public void onSuccess(Response response) {
                    done.accept(null);
                }

                @Override
                public void onFailure(Exception e) {
                    done.accept(e);
                }
            });
        }, policy, counters);
    }

    Refresher(Transport transport, RefreshPolicy policy, SinkCounters counters) {
        this.transport = transport;
        this.policy = policy;
        this.counters = counters;
    }

    /**
     * Documents were acknowledged in {@code indices} at {@code now}; the youngest of their records was created at
     * {@code youngestRecordTimestamp} (epoch milliseconds, as Kafka stamped it).
     */
    public synchronized void written(Collection<String> indices, long youngestRecordTimestamp, long now) {
        if (indices.isEmpty()) {
            return;
        }
        if (dirty.isEmpty()) {
            firstWrittenAt = now;
        }
        dirty.addAll(indices);
        youngestAge = Math.min(youngestAge, now - youngestRecordTimestamp);
    }

    /** Milliseconds until a refresh is due (0: due now), or {@link Long#MAX_VALUE} when nothing waits for one. */
    public synchronized long millisUntilDue(long now) {
        if (dirty.isEmpty() || inFlight) {
            return Long.MAX_VALUE;
        }
        long due = Math.max(policy.dueAt(firstWrittenAt, youngestAge, lastRefreshAt), notBefore);
        return Math.max(0, due - now);
    }

    /** Sends a refresh when one is due and none is running. */
    public synchronized void maybeRefresh(long now) {
        if (millisUntilDue(now) == 0) {
            send(now);
        }
    }

    private void send(long now) {
        Set<String> indices = Set.copyOf(dirty);
        dirty.clear();
        youngestAge = Long.MAX_VALUE;
        inFlight = true;
        lastRefreshAt = now;
        transport.refresh(indices, e -> done(indices, e));
    }

    private synchronized void done(Set<String> indices, Exception failure) {
        inFlight = false;
        if (failure == null) {
            counters.refreshes.incrementAndGet();
            failuresInARow = 0;
            notBefore = Long.MIN_VALUE;
        } else {
            // written, not yet searchable: try again after the longest delay, not every gap while Elasticsearch is
            // away (the indices' own refresh covers a longer outage)
            if (dirty.isEmpty()) {
                firstWrittenAt = lastRefreshAt;
            }
            dirty.addAll(indices);
            youngestAge = 0;
            notBefore = lastRefreshAt + policy.maxDelay().toMillis();
            if (++failuresInARow == 3) {
                log.warn("refreshing {} failed 3 times in a row ({}): what the sink writes becomes searchable through the "
                        + "indices' own refresh interval until Elasticsearch answers again", indices, failure.toString());
            } else {
                log.debug("refresh of {} failed: {}", indices, failure.toString());
            }
        }
        notifyAll();
    }

    /** On close: refreshes what is still unsearchable, now, and waits for it at most {@code timeout}. */
    public synchronized void finish(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            awaitIdle(deadline);
            if (!dirty.isEmpty() && !inFlight) {
                send(System.currentTimeMillis());
                awaitIdle(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitIdle(long deadlineNanos) throws InterruptedException {
        while (inFlight && System.nanoTime() < deadlineNanos) {
            TimeUnit.NANOSECONDS.timedWait(this, deadlineNanos - System.nanoTime());
        }
    }
}
