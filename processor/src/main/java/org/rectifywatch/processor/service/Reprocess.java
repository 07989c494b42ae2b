package org.rectifywatch.processor.service;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.config.KafkaSettings;

/**
 * Sends every page's latest record on {@code reports.raw} (the source of truth: compacted, never expiring) through
 * the processor again, marked with {@link #HEADER}, so that reports are analysed again with the current parser and
 * classifier. The processor emits a new version only where the outcome changed, so a second run changes nothing.
 * Safe while the processor and the crawler run: a marked record whose text is no longer the page's current one is
 * ignored by the processor. Two passes over the topic up to its end at the start: the first finds each key's
 * latest offset, the second sends those records again (retracted pages, whose latest record is a tombstone, are
 * left alone).
 */
public final class Reprocess {
    /** Header of records sent again by a reprocess. */
    public static final String HEADER = "rectify.reprocess";
    private static final int PROGRESS_EVERY = 1000;

    private Reprocess() {
    }

    public record Result(long scanned, long sent, long retracted) {
    }

    public static Result run(KafkaSettings kafka, Duration timeout, PrintStream progress) {
        Properties c = kafka.clientProperties();
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "rectify-reprocess");
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        Properties p = kafka.clientProperties();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024 + 65536);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.REPORTS_RAW, timeout);
            List<TopicPartition> parts = new ArrayList<>();
            infos.forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
            consumer.assign(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts, timeout);
            // pass 1: the latest offset of every key
            Map<TopicPartition, Map<String, Long>> latest = new HashMap<>();
            long[] scanned = {0};
            readToEnd(consumer, parts, end, timeout, r -> {
                latest.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), k -> new HashMap<>())
                        .put(key(r.key()), r.offset());
                scanned[0]++;
            });
            long keys = latest.values().stream().mapToLong(Map::size).sum();
            progress.printf("reprocess: %,d records of %,d pages on %s%n", scanned[0], keys, Topics.REPORTS_RAW);
            // pass 2: send each key's latest record again, marked
            long[] sent = {0};
            long[] retracted = {0};
            readToEnd(consumer, parts, end, timeout, r -> {
                Long last = latest.get(new TopicPartition(r.topic(), r.partition())).get(key(r.key()));
                if (last == null || last != r.offset()) {
                    return;
                }
                if (r.value() == null) {
                    retracted[0]++;
                    return;
                }
                RecordHeaders h = new RecordHeaders(r.headers().toArray());
                h.remove(HEADER);
                h.add(HEADER, "1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(Topics.REPORTS_RAW, null, r.key(), r.value(), h));
                if (++sent[0] % PROGRESS_EVERY == 0) {
                    progress.printf("reprocess: %,d of %,d pages sent again%n", sent[0], keys);
                }
            });
            producer.flush();
            return new Result(scanned[0], sent[0], retracted[0]);
        }
    }

    private static String key(byte[] k) {
        return k == null ? "" : new String(k, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void readToEnd(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> parts, Map<TopicPartition, Long> end,
                                  Duration timeout, java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
        consumer.seekToBeginning(parts);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + Topics.REPORTS_RAW + " to its end within " + timeout.toSeconds()
                        + " s; is Kafka healthy?");
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    each.accept(r);
                }
            }
        }
    }
}
