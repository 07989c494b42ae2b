package org.rectifywatch.app.dlq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.rectifywatch.model.config.KafkaSettings;

/** Reads a dead-letter topic (or one record of any topic) without joining a group: committed records only. */
public final class DeadLetterTopic {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private DeadLetterTopic() {
    }

    /** Every committed record of {@code topic}, in partition and offset order. */
    public static List<DeadLetter> readAll(KafkaSettings kafka, String topic) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(kafka)) {
            List<TopicPartition> parts = partitions(c, topic);
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, TIMEOUT);
            List<DeadLetter> out = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp, TIMEOUT) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " took longer than " + TIMEOUT.toSeconds()
                            + " s: check the broker at " + kafka.bootstrap());
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    out.add(DeadLetter.of(r));
                }
            }
            out.sort(Comparator.comparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset));
            return out;
        }
    }

    /** The committed record at {@code partition@offset} of {@code topic}, if it is still there. */
    public static Optional<DeadLetter> readOne(KafkaSettings kafka, String topic, int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(kafka)) {
            partitions(c, topic);
            TopicPartition tp = new TopicPartition(topic, partition);
            c.assign(List.of(tp));
            long end = c.endOffsets(List.of(tp), TIMEOUT).get(tp);
            if (offset >= end) {
                return Optional.empty();
            }
            c.seek(tp, offset);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && c.position(tp, TIMEOUT) < end) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return Optional.of(DeadLetter.of(r));
                    }
                    if (r.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** Dead letters counted by reason, most frequent first. */
    public static Map<String, Integer> countByReason(List<DeadLetter> letters) {
        Map<String, Integer> counts = new TreeMap<>();
        letters.forEach(d -> counts.merge(d.reason(), 1, Integer::sum));
        return counts;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c, String topic) {
        List<PartitionInfo> info = c.partitionsFor(topic, TIMEOUT);
        if (info == null || info.isEmpty()) {
            throw new IllegalArgumentException("topic " + topic + " does not exist: dead letters are on reports.dlq and sink.dlq");
        }
        return info.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private static KafkaConsumer<byte[], byte[]> consumer(KafkaSettings kafka) {
        Properties p = kafka.clientProperties();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "rectify-dlq");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
