package org.rectifywatch.sink.write;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidSessionTimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer loop. One thread polls, routes records into a FIFO of pending actions and cuts batches by
 * count, bytes or linger time, or at once when the consumer has read everything there is; at most
 * {@code maxInFlight} batches are written concurrently by a small pool.
 * Batches complete in any order, but offsets are committed only up to the oldest batch whose outcome is
 * unknown. The assigned partitions are paused while Elasticsearch is unavailable or work piles up, and
 * resumed afterwards — polling continues meanwhile, so the consumer keeps its group membership.
 */
public final class SinkLoop implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SinkLoop.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<String> topics;
    private final RecordRouter router;
    private final BulkWriter writer;
    private final DeadLetterPublisher deadLetters;
    private final Refresher refresher;
    private final SinkCounters counters;
    private final int maxActions;
    private final long maxBytes;
    private final long lingerMillis;
    private final int maxInFlight;
    private final Duration revocationTimeout;
    private final ExecutorService pool;
    private final InputProbe probe;
    private final long drainCheckMillis;
    private final InputDrained drained;
    /** When the processor will have worked through its input, for a refresh ahead of a backlog's end. */
    private final BacklogForecast forecast;
    /** The look at the input asked of the broker and not yet judged; when the next may be asked. */
    private java.util.concurrent.CompletableFuture<InputLook> look;
    private long nextDrainCheckAt;
    private long lookFailures;

    private final ArrayDeque<Waiting> pending = new ArrayDeque<>();
    private long pendingBytes;
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private final Map<TopicPartition, OffsetAndMetadata> completed = new HashMap<>();
    private final java.util.concurrent.Semaphore completions = new java.util.concurrent.Semaphore(0);
    private final AtomicInteger running = new AtomicInteger();
    private boolean paused;
    private boolean pausedForOutage;
    private volatile boolean closing;
    private volatile boolean leaveGroup = true;
    private volatile Throwable failure;
    /** Set by a writer that met a fault no retry can cure; the loop stops with it. */
    private volatile Misconfigured misconfigured;

    /**
     * A mapped record, when it arrived (linger counts from the oldest one still waiting) and when it was created
     * (its Kafka timestamp: how long it has waited decides how soon it must become searchable).
     */
    private record Waiting(SinkAction action, long since, long created) {
    }

    /**
     * {@code lastOffsets} loses the partitions revoked while the batch runs: their offsets are no longer ours to commit.
     * {@code youngestByIndex}: the indices the batch writes to, each with the newest creation time of its records.
     */
    private record InFlight(Future<?> future, Map<TopicPartition, Long> lastOffsets, int size,
                            Map<String, Long> youngestByIndex, Map<String, Integer> docsByIndex) {
    }

    public SinkLoop(KafkaConsumer<byte[], byte[]> consumer, List<String> topics, RecordRouter router, BulkWriter writer,
                    DeadLetterPublisher deadLetters, Refresher refresher, InputProbe probe, SinkCounters counters,
                    int maxActions, long maxBytes, Duration linger, int maxInFlight, Duration revocationTimeout) {
        this.consumer = consumer;
        this.topics = topics;
        this.router = router;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.refresher = refresher;
        this.probe = probe;
        this.drainCheckMillis = refresher.policy().drainCheck().every().toMillis();
        this.drained = new InputDrained(drainCheckMillis);
        this.forecast = new BacklogForecast();
        this.counters = counters;
        this.maxActions = maxActions;
        this.maxBytes = maxBytes;
        this.lingerMillis = linger.toMillis();
        this.maxInFlight = maxInFlight;
        this.revocationTimeout = revocationTimeout;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(maxInFlight, r -> {
            Thread t = new Thread(r, "sink-bulk-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Set when the loop stopped on an unexpected error (it does not retry a bug in a loop). */
    public Throwable failure() {
        return failure;
    }

    /** Stops, commits what is known and leaves the consumer group, so the partitions move on at once. */
    public void requestStop() {
        closing = true;
        consumer.wakeup();
    }

    /**
     * Stops without leaving the consumer group, as a crash would: the partitions wait for this member's
     * {@code group.instance.id} to come back, or for the session timeout to pass.
     */
    public void requestStopRemainingInGroup() {
        leaveGroup = false;
        requestStop();
    }

    @Override
    public void run() {
        consumer.subscribe(topics, new Rebalance());
        try {
            while (!closing) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(Duration.ofMillis(pollTimeout()));
                } catch (WakeupException e) {
                    if (closing) {
                        break;
                    }
                    throw e;
                }
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    add(router.route(r), r.timestamp()); // mapped as they arrive, so a full batch is ready when a bulk slot frees
                }
                counters.consumed.addAndGet(records.count());
                if (!records.isEmpty()) {
                    counters.lastConsumedAt.set(System.currentTimeMillis());
                }
                dispatch(caughtUp());
                harvest();
                checkDrained();
                if (misconfigured != null) {
                    throw misconfigured;
                }
                flowControl();
            }
            drain(Duration.ofSeconds(15));
        } catch (Misconfigured e) {
            failure = e;
            log.error("sink stopped: {}", e.getMessage());
        } catch (InvalidSessionTimeoutException e) {
            failure = new Misconfigured("the Kafka broker refuses the sink's session timeout (" + e.getMessage()
                    + "): set sink.session.timeout within the broker's group.min.session.timeout.ms and "
                    + "group.max.session.timeout.ms");
            log.error("sink stopped: {}", failure.getMessage());
        } catch (FencedInstanceIdException e) {
            failure = new Misconfigured("another sink joined the consumer group with this sink's group.instance.id, so "
                    + "the broker fenced this one: give each sink instance its own sink.instance.id");
            log.error("sink stopped: {}", failure.getMessage());
        } catch (RuntimeException | Error e) {
            failure = e;
            log.error("sink loop stopped: {}", e.toString(), e);
        } finally {
            writer.close();
            refresher.close();
            pool.shutdownNow();
            try {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)).withGroupMembershipOperation(
                        leaveGroup ? GroupMembershipOperation.LEAVE_GROUP : GroupMembershipOperation.REMAIN_IN_GROUP));
            } catch (RuntimeException e) {
                log.debug("consumer close: {}", e.toString());
            }
        }
    }

    private void add(SinkAction a, long created) {
        pending.add(new Waiting(a, System.currentTimeMillis(), created));
        pendingBytes += a.bulkBytes();
    }

    /**
     * Batches handed to the writer pool: one more than it has threads, so a writer that finishes starts the
     * next batch at once instead of waiting for this thread to come round from polling and mapping.
     */
    private int slots() {
        return maxInFlight + 1;
    }

    private long pollTimeout() {
        if (running() >= slots()) {
            // every slot busy: wait for a batch to finish rather than for records, then poll without blocking
            try {
                completions.tryAcquire(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            completions.drainPermits();
            return 0;
        }
        if (!pending.isEmpty()) {
            return Math.max(0, Math.min(50, pending.peek().since() + lingerMillis - System.currentTimeMillis()));
        }
        return inFlight.isEmpty() ? 100 : 5;
    }

    /**
     * Whether every assigned partition has been read to its end (the consumer's cached lag, no broker call): then
     * nothing more is coming to fill a batch, and lingering would only delay what is waiting from being searchable.
     */
    private boolean caughtUp() {
        return !pending.isEmpty() && readToLastStable();
    }

    /**
     * While a refresh waits (a backlog's quiet time) and everything read is written: looks at the input, at most every
     * drain check, through the broker ({@link InputDrained}); once it has run dry, what was written is refreshed at once.
     * A look that fails changes nothing: the quiet time still ends the wait.
     */
    private void checkDrained() {
        if (drainCheckMillis == 0) {
            return;
        }
        long now = System.currentTimeMillis();
        if (look != null) {
            if (!look.isDone()) {
                return;
            }
            InputLook seen = look.exceptionally(e -> {
                if (lookFailures++ == 0) {
                    log.warn("the sink cannot tell when a backlog has run out ({}): check that the broker answers "
                            + "ListOffsets and ListConsumerGroupOffsets for this client and that sink.upstream.group and "
                            + "sink.upstream.topic name the processor's (or 'none'); until then a backlog becomes searchable "
                            + "only after sink.refresh.quiet", e.getCause() == null ? e : e.getCause());
                } else {
                    log.debug("looking at the input's ends failed: {}", e.toString());
                }
                return null;
            }).join();
            look = null;
            if (seen != null) {
                long toDrain = forecast.millisToDrain(seen);
                if (drained.observe(seen)) {
                    counters.backlogEnds.incrementAndGet();
                    counters.lastDrainedAt.set(System.currentTimeMillis());
                    refresher.drained(seen.at()); // what was written after the look is not known to be the end
                } else {
                    refresher.aheadOfTheEnd(toDrain, now);
                }
            }
        }
        if (!pending.isEmpty() || !inFlight.isEmpty() || !refresher.waiting(now) || !readToLastStable()) {
            drained.reset();
            return;
        }
        if (now < nextDrainCheckAt) {
            return;
        }
        nextDrainCheckAt = now + drainCheckMillis;
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            positions.put(tp, consumer.position(tp, Duration.ZERO));
        }
        look = probe.look(positions, now).toCompletableFuture();
    }

    /** Whether the consumer's cached lag (against the last stable offset, no broker call) is 0 on every partition. */
    private boolean readToLastStable() {
        for (TopicPartition tp : consumer.assignment()) {
            java.util.OptionalLong lag = consumer.currentLag(tp);
            if (lag.isEmpty() || lag.getAsLong() > 0) {
                return false;
            }
        }
        return true;
    }

    /** Batches still being written; finished ones wait in {@link #inFlight} only for their turn to be committed. */
    private int running() {
        return running.get();
    }

    private void dispatch(boolean force) {
        while (!pending.isEmpty() && running() < slots() && inFlight.size() < 4 * maxInFlight
                && (writer.available() || inFlight.isEmpty())
                && (force || pending.size() >= maxActions || pendingBytes >= maxBytes
                || System.currentTimeMillis() - pending.peek().since() >= lingerMillis)) {
            List<SinkAction> batch = new ArrayList<>();
            long bytes = 0;
            Map<String, Long> youngest = new HashMap<>();
            Map<String, Integer> docs = new HashMap<>();
            while (!pending.isEmpty() && batch.size() < maxActions
                    && (batch.isEmpty() || bytes + pending.peek().action().bulkBytes() <= maxBytes)) {
                Waiting w = pending.poll();
                SinkAction a = w.action();
                bytes += a.bulkBytes();
                batch.add(a);
                if (a.op() != SinkAction.Op.REJECT) {
                    youngest.merge(a.index(), w.created(), Math::max);
                    docs.merge(a.index(), 1, Integer::sum);
                }
            }
            pendingBytes -= bytes;
            Map<TopicPartition, Long> last = new HashMap<>();
            for (SinkAction a : batch) {
                last.merge(new TopicPartition(a.origin().topic(), a.origin().partition()), a.origin().offset(), Math::max);
            }
            running.incrementAndGet();
            inFlight.add(new InFlight(pool.submit(() -> {
                try {
                    writeBatch(batch);
                } catch (Misconfigured e) {
                    if (misconfigured == null) {
                        misconfigured = e;
                    }
                    writer.close(); // the other batches meet the same fault: end their retries
                    throw e;
                } finally {
                    running.decrementAndGet();
                    completions.release();
                }
            }), last, batch.size(), youngest, docs));
        }
    }

    private void writeBatch(List<SinkAction> batch) {
        List<SinkAction> writes = new ArrayList<>(batch.size());
        List<Rejection> rejected = new ArrayList<>();
        for (SinkAction a : batch) {
            if (a.op() == SinkAction.Op.REJECT) {
                rejected.add(new Rejection(a, a.rejectReason(), a.rejectDetail()));
            } else {
                writes.add(a);
            }
        }
        rejected.addAll(writer.write(writes));
        counters.dlq.addAndGet(deadLetters.publish(rejected, () -> closing));
        counters.acknowledged.addAndGet(batch.size());
        counters.lastAcknowledgedAt.set(System.currentTimeMillis());
    }

    /** Moves completed batches, oldest first, into the committable offsets and commits them. */
    private void harvest() {
        boolean any = false;
        while (!inFlight.isEmpty() && inFlight.peek().future().isDone()) {
            InFlight done = inFlight.poll();
            try {
                done.future().get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Closed || e.getCause() instanceof Misconfigured) {
                    inFlight.clear(); // outcome unknown: nothing from here on may be committed
                    return;
                }
                throw new IllegalStateException("writing a batch failed unexpectedly: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            done.lastOffsets().forEach((tp, off) -> completed.put(tp, new OffsetAndMetadata(off + 1)));
            refresher.written(done.youngestByIndex(), done.docsByIndex(), System.currentTimeMillis());
            any = true;
        }
        if (any) {
            commit(false);
        }
    }

    private void commit(boolean sync) {
        Set<TopicPartition> owned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> mine = new HashMap<>();
        completed.forEach((tp, o) -> {
            if (owned.contains(tp)) {
                mine.put(tp, o);
            }
        });
        completed.clear();
        if (mine.isEmpty()) {
            return;
        }
        if (sync) {
            consumer.commitSync(mine);
        } else {
            consumer.commitAsync(mine, (offsets, e) -> {
                if (e != null) {
                    log.warn("offset commit failed ({}); the records will be re-read and skipped as replays", e.toString());
                }
            });
        }
    }

    private void flowControl() {
        // up to maxInFlight + 1 batches wait, mapped, for a slot: enough to keep every slot busy
        long ahead = maxInFlight + 1L;
        boolean shouldPause = !writer.available() || pending.size() >= ahead * maxActions || pendingBytes >= ahead * maxBytes;
        if (shouldPause) {
            Set<TopicPartition> assigned = consumer.assignment();
            if (!paused || (!writer.available() && !pausedForOutage)) {
                if (writer.available()) {
                    log.debug("pausing {} partitions: {} records wait for a free bulk slot", assigned.size(), pending.size());
                } else {
                    log.info("pausing {} partitions while Elasticsearch is unavailable", assigned.size());
                    pausedForOutage = true;
                }
            }
            consumer.pause(assigned);
            paused = true;
        } else if (paused) {
            consumer.resume(consumer.paused());
            paused = false;
            if (pausedForOutage) {
                log.info("resumed {} partitions", consumer.assignment().size());
            }
            pausedForOutage = false;
        }
    }

    /** On close: write what is pending, wait a bounded time, commit what is known. */
    private void drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((!pending.isEmpty() || !inFlight.isEmpty()) && System.nanoTime() < deadline) {
            dispatch(true);
            awaitHead(deadline);
            harvest();
        }
        if (!pending.isEmpty() || !inFlight.isEmpty()) {
            log.warn("closing with {} records not yet acknowledged by Elasticsearch: they will be re-read on the next start",
                    pending.size() + inFlight.stream().mapToInt(InFlight::size).sum());
        }
        writer.close();
        harvest();
        try {
            commit(true);
        } catch (RuntimeException e) {
            log.warn("final offset commit failed ({}): the last records will be re-read and skipped as replays", e.toString());
        }
        refresher.finish(Duration.ofSeconds(5)); // what was written is searchable when a graceful stop returns
    }

    private void awaitHead(long deadlineNanos) {
        InFlight head = inFlight.peek();
        if (head == null) {
            return;
        }
        try {
            head.future().get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // harvest() handles the outcome
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Before revoked partitions go, the batches holding their records get {@code revocationTimeout} to finish and
     * be committed. A batch still running then is no longer ours to commit for those partitions: its new owner
     * may commit further before it ends, and committing it later (when the partition has come back to this
     * member, or through an old snapshot of the assignment) would move the group's offset backwards.
     */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            log.info("partitions revoked ({}): {}", partitions.size(), names(partitions));
            dropPending(partitions);
            long deadline = System.nanoTime() + revocationTimeout.toNanos();
            while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
                awaitHead(deadline);
                harvest();
            }
            try {
                commit(true);
            } catch (RuntimeException e) {
                log.warn("offset commit on rebalance failed ({}); records will be re-read and skipped as replays", e.toString());
            }
            disown(partitions, "still being written " + revocationTimeout.toMillis() + " ms after their partitions were revoked");
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            log.warn("partitions lost ({}): {}", partitions.size(), names(partitions));
            dropPending(partitions);
            disown(partitions, "in flight when their partitions were lost");
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                log.info("partitions assigned ({}): {}", partitions.size(), names(partitions));
            }
            if (paused) {
                consumer.pause(partitions);
            }
        }

        /** Pending records of partitions we lose are simply re-read from the committed offset by their new owner. */
        private void dropPending(Collection<TopicPartition> partitions) {
            Set<TopicPartition> gone = new HashSet<>(partitions);
            pending.removeIf(w -> gone.contains(new TopicPartition(w.action().origin().topic(), w.action().origin().partition())));
            pendingBytes = pending.stream().mapToLong(w -> w.action().bulkBytes()).sum();
        }

        /** Batches still running keep writing (versions make that harmless) but will commit nothing for these partitions. */
        private void disown(Collection<TopicPartition> partitions, String why) {
            int batches = 0;
            for (InFlight f : inFlight) {
                if (f.lastOffsets().keySet().removeAll(partitions)) {
                    batches++;
                }
            }
            partitions.forEach(completed::remove);
            if (batches > 0) {
                log.warn("{} batches {}: this member will not commit their offsets for those partitions; their next "
                        + "owner re-reads the records and Elasticsearch skips what was already written", batches, why);
            }
        }

        private static String names(Collection<TopicPartition> partitions) {
            return partitions.stream().map(TopicPartition::toString).sorted().collect(java.util.stream.Collectors.joining(","));
        }
    }
}
