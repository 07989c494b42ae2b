package org.rectifywatch.sink.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.AlertState;

/**
 * Which alert events (alert id + state) have been delivered, kept in a compacted topic keyed
 * {@code <alert id>|<state>}: loaded completely at start, appended after every delivery, so a restart or a
 * second sink instance never notifies the same event twice.
 */
public final class NotifiedLedger implements AutoCloseable {
    private final String topic;
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    /** Null for a ledger kept in memory only. */
    private final KafkaProducer<String, String> producer;

    private NotifiedLedger(String topic, KafkaProducer<String, String> producer) {
        this.topic = topic;
        this.producer = producer;
    }

    /**
     * The ledger key of an event: one per alert and state, so the raise, the resolution, the withdrawal and the
     * supersession of an alert are each delivered once, and a raised record repeated for an alert already raised
     * (the processor updated it, e.g. its report was edited) is not delivered again.
     */
    public static String key(String alertId, AlertState state) {
        return alertId + "|" + state;
    }

    /** A ledger that lives in memory only (tests; nothing survives a restart). */
    public static NotifiedLedger inMemory() {
        return new NotifiedLedger(null, null);
    }

    public static NotifiedLedger load(KafkaSettings kafka, String topic) {
        Properties p = kafka.clientProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "rectify-sink-notify-ledger");
        NotifiedLedger ledger = new NotifiedLedger(topic, new KafkaProducer<>(p, new StringSerializer(), new StringSerializer()));
        ledger.readAll(kafka);
        return ledger;
    }

    private void readAll(KafkaSettings kafka) {
        Properties p = kafka.clientProperties();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist: create the pipeline topics first");
            }
            List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
            Set<TopicPartition> open = new HashSet<>(parts);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!open.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot read " + topic + " to its end within 2 minutes: check the brokers");
                }
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        delivered.remove(r.key());
                    } else {
                        delivered.add(r.key());
                    }
                }
                open.removeIf(tp -> c.position(tp) >= end.get(tp));
            }
        }
    }

    public boolean contains(String key) {
        return delivered.contains(key);
    }

    public int size() {
        return delivered.size();
    }

    /** Records a delivery; returns once the broker has it. */
    public void record(String key, String alertId, AlertState state, String channel) throws InterruptedException {
        if (producer == null) {
            delivered.add(key);
            return;
        }
        String value = Json.write(Map.of("alert_id", alertId, "state", state.name(), "notified_at", Instant.now().toString(),
                "channel", channel));
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot record the delivery of " + key + " in " + topic + ": " + e.getCause(), e);
        }
        delivered.add(key);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
