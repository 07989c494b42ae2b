package org.rectifywatch.processor.service;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor's state lines at INFO — rebalancing, restoring N records, running — so that a pause after a start,
 * a restart or another instance's departure is visible and explained. Restoration is summed per store and told
 * once, when the processor runs again.
 */
final class StreamsStateLog implements KafkaStreams.StateListener, StateRestoreListener {
    private static final Logger log = LoggerFactory.getLogger(ProcessorService.class);

    private final Map<String, LongAdder> restored = new ConcurrentHashMap<>();
    private final AtomicLong restoredTotal = new AtomicLong();
    private volatile long since = System.nanoTime();

    @Override
    public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
        switch (newState) {
            case REBALANCING -> {
                since = System.nanoTime();
                log.info("processor rebalancing: partitions are being assigned to this instance ({} before)", oldState);
            }
            case RUNNING -> {
                String stores = summary();
                log.info("processor running after {} ms{}", (System.nanoTime() - since) / 1_000_000,
                        stores.isEmpty() ? "" : ", restored from changelogs: " + stores);
            }
            case ERROR, PENDING_ERROR -> log.error("processor in state {}: no stream thread is left", newState);
            default -> log.info("processor {}", newState);
        }
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        log.debug("restoring store {} from {}: up to {} records", store, partition, Math.max(0, endingOffset - startingOffset));
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        // summed at the end
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        restored.computeIfAbsent(store, s -> new LongAdder()).add(totalRestored);
        restoredTotal.addAndGet(totalRestored);
    }

    /** Records restored into local stores since the start (for metrics). */
    long restoredRecords() {
        return restoredTotal.get();
    }

    /** Records restored per store since the last summary, e.g. {@code 1234 records (report-versions 200, ...)}; then reset. */
    private String summary() {
        Map<String, Long> perStore = new TreeMap<>();
        restored.forEach((store, n) -> {
            long v = n.sumThenReset();
            if (v > 0) {
                perStore.put(store, v);
            }
        });
        if (perStore.isEmpty()) {
            return "";
        }
        long total = perStore.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder b = new StringBuilder().append(total).append(" records (");
        perStore.forEach((s, n) -> b.append(b.charAt(b.length() - 1) == '(' ? "" : ", ").append(s).append(' ').append(n));
        return b.append(')').toString();
    }
}
