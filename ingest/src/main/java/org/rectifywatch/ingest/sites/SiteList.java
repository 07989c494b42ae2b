package org.rectifywatch.ingest.sites;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.model.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes the site list, the compacted {@code crawl.sites} topic (key: host, value: {@link SiteEntry}). */
public final class SiteList {
    private static final Logger log = LoggerFactory.getLogger(SiteList.class);

    private SiteList() {
    }

    /** The whole list as it stands (the last record of each host; a tombstone removes it), sorted by host. */
    public static Map<String, SiteEntry> read(KafkaSettings kafka, Duration timeout) {
        Properties p = kafka.clientProperties();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, SiteEntry> sites = new TreeMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = c.partitionsFor(Topics.CRAWL_SITES, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + Topics.CRAWL_SITES + " does not exist on " + kafka.bootstrap()
                        + "; create the pipeline topics first (pipeline setup)");
            }
            List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts, timeout);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.CRAWL_SITES + " to its end within "
                            + timeout.toSeconds() + " s; is Kafka at " + kafka.bootstrap() + " healthy?");
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    apply(sites, r);
                }
            }
        }
        return sites;
    }

    /** Applies one record of the topic to a host map; an unreadable record is logged with its offset and left out. */
    public static void apply(Map<String, SiteEntry> sites, ConsumerRecord<String, byte[]> r) {
        SiteEntry e = decode(r);
        if (e == null) {
            sites.remove(r.key());
        } else {
            sites.put(r.key(), e);
        }
    }

    /** The record's site, or null for a tombstone or an unreadable record (logged with partition and offset). */
    public static SiteEntry decode(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return null;
        }
        try {
            SiteEntry e = Json.read(r.value(), SiteEntry.class);
            return e.columns().isEmpty() ? null : e;
        } catch (RuntimeException ex) {
            log.warn("ignoring an unreadable {} record (partition {}, offset {}, key {}): {}; set the site again with "
                    + "pipeline sites add", Topics.CRAWL_SITES, r.partition(), r.offset(), r.key(), ex.getMessage());
            return null;
        }
    }

    /** Writes these sites (a site without columns as a tombstone) and waits until the broker has them all. */
    public static void write(KafkaSettings kafka, Collection<SiteEntry> sites) {
        Properties p = kafka.clientProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // one batch in flight: on a topic just created the broker answers NOT_LEADER_OR_FOLLOWER for a moment, and
        // pipelined idempotent batches then fail as out of order until they expire
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (SiteEntry s : sites) {
                byte[] value = s.columns().isEmpty() ? null : Json.bytes(s);
                sent.add(producer.send(new ProducerRecord<>(Topics.CRAWL_SITES, s.host(), value)));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the site list", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write the site list to " + Topics.CRAWL_SITES + " on " + kafka.bootstrap()
                    + ": " + (e instanceof ExecutionException ? e.getCause() : e), e);
        }
    }
}
