package org.rectifywatch.sink.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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
 * What has been delivered, kept in a compacted topic: one record per delivered item (key {@code <alert id>|<state>},
 * a watch item's key, …) and, while a digest is on its way, its intent (key {@code digest|<id>}: the channel and
 * the item keys, tombstoned once the items are recorded). Loaded completely at start and read up to its end again
 * before every delivery ({@link #catchUp}), so a restart, a rebalance or a second sink instance does not deliver
 * what another delivered. An intent still open after a crash lets the restarted notifier send the same items as
 * the same digest, with the same idempotency key.
 */
public final class NotifiedLedger implements AutoCloseable {
    /** An unfinished digest: the channel and the keys of its items. */
    public record Intent(String id, String channel, List<String> keys) {
    }

    private static final String INTENT = "digest|";
    private final String topic;
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    private final Map<String, Intent> intents = new ConcurrentHashMap<>();
    /** Null for a ledger kept in memory only. */
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> reader;
    private List<TopicPartition> partitions;

    private NotifiedLedger(String topic, KafkaProducer<String, String> producer, KafkaConsumer<String, String> reader) {
        this.topic = topic;
        this.producer = producer;
        this.reader = reader;
    }

    /**
     * The ledger key of an alert event: one per alert and state, so the raise, the resolution, the withdrawal and
     * the supersession of an alert are each delivered once, and a raised record repeated for an alert already raised
     * (the processor updated it, e.g. its report was edited) is not delivered again.
     */
    public static String key(String alertId, AlertState state) {
        return alertId + "|" + state;
    }

    /** A ledger that lives in memory only (tests; nothing survives a restart). */
    public static NotifiedLedger inMemory() {
        return new NotifiedLedger(null, null, null);
    }

    public static NotifiedLedger load(KafkaSettings kafka, String topic) {
        Properties p = kafka.clientProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "rectify-sink-notify-ledger");
        Properties c = kafka.clientProperties();
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "rectify-sink-notify-ledger-reader");
        NotifiedLedger ledger = new NotifiedLedger(topic, new KafkaProducer<>(p, new StringSerializer(), new StringSerializer()),
                new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer()));
        try {
            ledger.catchUp();
        } catch (RuntimeException e) {
            ledger.close();
            throw e;
        }
        return ledger;
    }

    /** Reads what other instances (or this one before a restart) recorded, up to the topic's current end. */
    public synchronized void catchUp() {
        if (reader == null) {
            return;
        }
        if (partitions == null) {
            List<PartitionInfo> infos = reader.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist: create the pipeline topics first");
            }
            partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> end = reader.endOffsets(partitions, Duration.ofSeconds(30));
        Set<TopicPartition> open = new HashSet<>(partitions);
        open.removeIf(tp -> reader.position(tp) >= end.get(tp));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!open.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cannot read " + topic + " to its end within 2 minutes: check the brokers");
            }
            for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(200))) {
                apply(r.key(), r.value());
            }
            open.removeIf(tp -> reader.position(tp) >= end.get(tp));
        }
    }

    private void apply(String key, String value) {
        if (key == null) {
            return;
        }
        if (key.startsWith(INTENT)) {
            String id = key.substring(INTENT.length());
            if (value == null) {
                intents.remove(id);
            } else {
                JsonNode v = Json.read(value, JsonNode.class);
                List<String> keys = new ArrayList<>();
                v.path("items").forEach(k -> keys.add(k.asText()));
                intents.put(id, new Intent(id, v.path("channel").asText(), List.copyOf(keys)));
            }
        } else if (value == null) {
            delivered.remove(key);
        } else {
            delivered.add(key);
        }
    }

    public boolean contains(String key) {
        return delivered.contains(key);
    }

    public int size() {
        return delivered.size();
    }

    /** Digests whose sending began but whose items were never recorded (a crash in between), of one channel. */
    public List<Intent> openIntents(String channel) {
        return intents.values().stream().filter(i -> i.channel().equals(channel)).toList();
    }

    /** Records that a digest is about to be sent, so a crash before its items are recorded repeats the same digest. */
    public void begin(String digestId, String channel, List<String> keys) throws InterruptedException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("channel", channel);
        v.put("items", keys);
        v.put("began_at", Instant.now().toString());
        Map<String, String> records = new LinkedHashMap<>();
        records.put(INTENT + digestId, Json.write(v));
        write(records);
        intents.put(digestId, new Intent(digestId, channel, List.copyOf(keys)));
    }

    /** Records the delivery of a digest's items and closes its intent; returns once the broker has all of it. */
    public void delivered(String digestId, String channel, List<String> keys) throws InterruptedException {
        Map<String, String> records = new LinkedHashMap<>();
        String at = Instant.now().toString();
        for (String k : keys) {
            records.put(k, Json.write(Map.of("digest", digestId, "channel", channel, "notified_at", at)));
        }
        records.put(INTENT + digestId, null); // after the items: a reader that sees the tombstone sees them too
        write(records);
        delivered.addAll(keys);
        intents.remove(digestId);
    }

    /** Closes an intent without recording its items (they were refused and dead-lettered, or are gone). */
    public void abandon(String digestId) throws InterruptedException {
        Map<String, String> records = new LinkedHashMap<>();
        records.put(INTENT + digestId, null);
        write(records);
        intents.remove(digestId);
    }

    /** Key → value (null: a tombstone), in order; returns once the broker has them all. */
    private void write(Map<String, String> records) throws InterruptedException {
        if (producer == null) {
            return;
        }
        List<Future<?>> sent = new ArrayList<>();
        for (Map.Entry<String, String> r : records.entrySet()) {
            sent.add(producer.send(new ProducerRecord<>(topic, r.getKey(), r.getValue())));
        }
        producer.flush();
        for (Future<?> f : sent) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot write the notification ledger " + topic + ": " + e.getCause(), e);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (reader != null) {
            reader.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }
}
