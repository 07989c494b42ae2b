package org.rectifywatch.sink.write;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseListener;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the indices the sink wrote, when {@link RefreshPolicy} says: one request at a time, sent asynchronously
 * when it falls due by a timer thread of its own (once {@link #start()}ed), so neither the consumer loop waits for a
 * refresh nor a refresh for the loop to come round from a poll. A refresh is not part of durability (an acknowledged bulk is in
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
    private final LongSupplier nanoClock;

    /**
     * A refresh ahead of a backlog's end is sent only for documents whose refresh would take at least this long: a
     * shorter one costs the end little more than the drain check's look.
     */
    static final long AHEAD_MIN_MILLIS = 100;
    /** Refreshes of fewer documents are not timed: their fixed cost would overstate what a document costs. */
    static final int TIMED_MIN_DOCS = 1_000;

    /**
     * Per index written and not yet refreshed: when first and last written since, the youngest record's age, and how
     * many documents (0 where the writer did not say).
     */
    private record Unsearchable(long firstWrittenAt, long lastWrittenAt, long youngestAge, long docs) {
        Unsearchable and(Unsearchable other) {
            return new Unsearchable(Math.min(firstWrittenAt, other.firstWrittenAt), Math.max(lastWrittenAt, other.lastWrittenAt),
                    Math.min(youngestAge, other.youngestAge), docs + other.docs);
        }
    }

    private final Map<String, Unsearchable> dirty = new TreeMap<>();
    /** When each index's last refresh was sent: the gap counts per index. */
    private final Map<String, Long> lastRefreshAt = new HashMap<>();
    private boolean inFlight;
    private long inFlightSince;
    /** The documents of each index in the refresh in flight: put back as they were if it fails. */
    private final Map<String, Long> inFlightDocs = new HashMap<>();
    private long inFlightStartNanos;
    /** What a refresh took per document, learnt from the last ones of at least {@link #TIMED_MIN_DOCS}; NaN: not yet. */
    private double millisPerDoc = Double.NaN;
    /** Whether a refresh may be sent ahead of the end: once, until the end is seen further off again. */
    private boolean aheadArmed = true;
    private int failuresInARow;
    /** After a failed refresh: the next one not before this (epoch milliseconds). */
    private long notBefore = Long.MIN_VALUE;
    /** When the sink last found its input drained (epoch milliseconds). */
    private long drainedAt = Long.MIN_VALUE;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> tick;
    private long tickAt = Long.MAX_VALUE;

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
        this(transport, policy, counters, System::nanoTime);
    }

    Refresher(Transport transport, RefreshPolicy policy, SinkCounters counters, LongSupplier nanoClock) {
        this.transport = transport;
        this.policy = policy;
        this.counters = counters;
        this.nanoClock = nanoClock;
    }

    public RefreshPolicy policy() {
        return policy;
    }

    /** Starts the timer that sends each refresh when it falls due (without it, only {@link #maybeRefresh} sends). */
    public synchronized Refresher start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sink-refresh");
            t.setDaemon(true);
            return t;
        });
        return this;
    }

    /** Arms the timer for the next due refresh, unless it is armed for that moment or earlier already. */
    private void arm(long now) {
        if (timer == null || timer.isShutdown()) {
            return;
        }
        long wait = millisUntilDue(now);
        if (wait == Long.MAX_VALUE || now + wait >= tickAt && tick != null && !tick.isDone()) {
            return;
        }
        if (tick != null) {
            tick.cancel(false);
        }
        tickAt = now + wait;
        tick = timer.schedule(() -> {
            synchronized (this) {
                tickAt = Long.MAX_VALUE;
                long at = System.currentTimeMillis();
                maybeRefresh(at);
                arm(at);
            }
        }, wait, TimeUnit.MILLISECONDS);
    }

    /**
     * Documents were acknowledged at {@code now}; for each index written, the creation time of its youngest record
     * (epoch milliseconds, as Kafka stamped it). Indices are judged apart: alerts the processor raises now are fresh
     * while the issues of the same batch may come out of a backlog.
     */
    synchronized void written(Map<String, Long> youngestCreatedByIndex, long now) {
        written(youngestCreatedByIndex, Map.of(), now);
    }

    /** As {@link #written(Map, long)}, with the number of documents written to each index. */
    public synchronized void written(Map<String, Long> youngestCreatedByIndex, Map<String, Integer> docsByIndex, long now) {
        youngestCreatedByIndex.forEach((index, created) ->
                dirty.merge(index, new Unsearchable(now, now, now - created, docsByIndex.getOrDefault(index, 0)), Unsearchable::and));
        arm(now);
    }

    /**
     * The drain check's forecast: the processor will have worked through its input in {@code millisToDrain}. When
     * refreshing what waits would take at least that long (at what the last refreshes took per document), it is
     * refreshed now, beside the last of the work, rather than once the input has run out with the cores idle but one;
     * the refresh at the end then covers only what came since. Returns whether a refresh was sent.
     */
    public synchronized boolean aheadOfTheEnd(long millisToDrain, long now) {
        if (dirty.isEmpty() || Double.isNaN(millisPerDoc)) {
            return false;
        }
        Set<String> indices = new TreeSet<>();
        long docs = 0;
        for (var e : dirty.entrySet()) {
            if (now >= lastRefreshAt.getOrDefault(e.getKey(), Long.MIN_VALUE / 2) + policy.minGap().toMillis()) {
                indices.add(e.getKey());
                docs += e.getValue().docs();
            }
        }
        double takes = docs * millisPerDoc;
        if (millisToDrain > takes) {
            aheadArmed = true; // the end is further off again: a new backlog, or more of the same
            return false;
        }
        // once per approach to an end: every refresh leaves a segment that later writes and merges pay for
        if (!aheadArmed || inFlight || now < notBefore || indices.isEmpty() || takes < AHEAD_MIN_MILLIS) {
            return false;
        }
        aheadArmed = false;
        counters.refreshesAhead.incrementAndGet();
        send(indices, now);
        return true;
    }

    /**
     * The sink found that its input had run dry at {@code at}: everything it had read by then was written and nothing
     * more waited upstream, so what was written by then is refreshed now rather than after the quiet time.
     */
    public synchronized void drained(long at) {
        drainedAt = Math.max(drainedAt, at);
        arm(System.currentTimeMillis());
    }

    /**
     * Whether something written is not yet searchable and its refresh is not yet due: it waits for its time, or for a
     * refresh of what came before it (one sent ahead of a backlog's end) to come back. Either way the drain check may
     * still tell that it need wait no longer.
     */
    public synchronized boolean waiting(long now) {
        if (inFlight) {
            return !dirty.isEmpty();
        }
        long wait = millisUntilDue(now);
        return wait > 0 && wait != Long.MAX_VALUE;
    }

    /** Milliseconds until a refresh is due (0: due now), or {@link Long#MAX_VALUE} when nothing waits for one. */
    public synchronized long millisUntilDue(long now) {
        if (inFlight) {
            return Long.MAX_VALUE;
        }
        long due = Long.MAX_VALUE;
        for (var e : dirty.entrySet()) {
            due = Math.min(due, dueAt(e.getKey(), e.getValue()));
        }
        return due == Long.MAX_VALUE ? due : Math.max(0, due - now);
    }

    private long dueAt(String index, Unsearchable u) {
        long last = lastRefreshAt.getOrDefault(index, Long.MIN_VALUE);
        return Math.max(policy.dueAt(u.firstWrittenAt(), u.lastWrittenAt(), u.youngestAge(), last, drainedAt), notBefore);
    }

    /** Sends a refresh of the indices that are due, when none is running. */
    public synchronized void maybeRefresh(long now) {
        if (inFlight) {
            return;
        }
        Set<String> due = new TreeSet<>();
        dirty.forEach((index, u) -> {
            if (dueAt(index, u) <= now) {
                due.add(index);
            }
        });
        if (!due.isEmpty()) {
            send(due, now);
        }
    }

    private void send(Set<String> indices, long now) {
        inFlightDocs.clear();
        indices.forEach(i -> inFlightDocs.put(i, dirty.remove(i).docs()));
        inFlightStartNanos = nanoClock.getAsLong();
        indices.forEach(i -> lastRefreshAt.put(i, now));
        inFlight = true;
        inFlightSince = now;
        counters.lastRefreshSentAt.set(now);
        Set<String> sent = Set.copyOf(indices);
        transport.refresh(sent, e -> done(sent, e));
    }

    private synchronized void done(Set<String> indices, Exception failure) {
        inFlight = false;
        if (failure == null) {
            counters.refreshes.incrementAndGet();
            counters.lastRefreshDoneAt.set(System.currentTimeMillis());
            long docs = inFlightDocs.values().stream().mapToLong(Long::longValue).sum();
            if (docs >= TIMED_MIN_DOCS) {
                double took = (nanoClock.getAsLong() - inFlightStartNanos) / 1e6 / docs;
                millisPerDoc = Double.isNaN(millisPerDoc) ? took : (millisPerDoc + took) / 2;
            }
            failuresInARow = 0;
            notBefore = Long.MIN_VALUE;
        } else {
            // written, not yet searchable: try again after the longest delay, not every gap while Elasticsearch is
            // away (the indices' own refresh covers a longer outage)
            indices.forEach(i -> dirty.merge(i, new Unsearchable(inFlightSince, inFlightSince, 0, inFlightDocs.getOrDefault(i, 0L)),
                    Unsearchable::and));
            notBefore = inFlightSince + policy.maxDelay().toMillis();
            if (++failuresInARow == 3) {
                log.warn("refreshing {} failed 3 times in a row ({}): what the sink writes becomes searchable through the "
                        + "indices' own refresh interval until Elasticsearch answers again", indices, failure.toString());
            } else {
                log.debug("refresh of {} failed: {}", indices, failure.toString());
            }
        }
        notifyAll();
        arm(System.currentTimeMillis());
    }

    /** Stops the timer without a last refresh (the loop ended on a fault; the indices' own refresh remains). */
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** On close: refreshes what is still unsearchable, now, and waits for it at most {@code timeout}. */
    public synchronized void finish(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (timer != null) {
            timer.shutdownNow();
        }
        try {
            awaitIdle(deadline);
            if (!dirty.isEmpty() && !inFlight) {
                send(new TreeSet<>(dirty.keySet()), System.currentTimeMillis());
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
