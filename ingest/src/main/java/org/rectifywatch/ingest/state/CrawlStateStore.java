package org.rectifywatch.ingest.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.model.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl state of every URL, held in memory and mirrored to the compacted {@code crawl.state} topic.
 * At start it reads the topic to its end (no consumer group: every instance sees all of it), so a new
 * instance continues exactly where the last one stopped.
 */
public final class CrawlStateStore {
    private static final Logger log = LoggerFactory.getLogger(CrawlStateStore.class);
    private final Map<String, UrlState> states = new ConcurrentHashMap<>();
    /** Where each partition of the topic was read up to, so that {@link #catchUp} reads only what came since. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

    public Optional<UrlState> get(String url) {
        return Optional.ofNullable(states.get(url));
    }

    public void put(UrlState s) {
        states.put(s.url(), s);
    }

    public int size() {
        return states.size();
    }

    /** How many URLs of each host (authority, lower case) the state knows: a measure of how big each site is. */
    public Map<String, Integer> urlsByHost() {
        Map<String, Integer> out = new HashMap<>();
        for (String url : states.keySet()) {
            try {
                String authority = java.net.URI.create(url).getRawAuthority();
                if (authority != null) {
                    out.merge(authority.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
                }
            } catch (IllegalArgumentException e) {
                // a key that is no URL (a local file's key) belongs to no host
            }
        }
        return out;
    }

    /** Reads {@code crawl.state} from the beginning to the current end offsets. */
    public static CrawlStateStore load(KafkaSettings kafka, Duration timeout) {
        CrawlStateStore store = new CrawlStateStore();
        int records = store.read(kafka, timeout, false);
        log.info("crawl state loaded: {} URLs from {} records of {}", store.size(), records, Topics.CRAWL_STATE);
        return store;
    }

    /**
     * Reads what other instances wrote to {@code crawl.state} since the last read, up to its current end: called before
     * this instance takes over hosts that another one crawled, so it knows what that one already published. A record
     * older than the state held (by {@link UrlState#lastSeen}) does not replace it.
     */
    public int catchUp(KafkaSettings kafka, Duration timeout) {
        int records = read(kafka, timeout, true);
        log.debug("crawl state caught up: {} records of {}", records, Topics.CRAWL_STATE);
        return records;
    }

    private synchronized int read(KafkaSettings kafka, Duration timeout, boolean newerOnly) {
        CrawlStateStore store = this;
        Properties p = kafka.clientProperties();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "rectify-ingest-state-loader");
        long deadline = System.nanoTime() + timeout.toNanos();
        int records = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.CRAWL_STATE, timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + Topics.CRAWL_STATE + " does not exist on " + kafka.bootstrap()
                        + "; create the pipeline topics first (pipeline topics create)");
            }
            List<TopicPartition> parts = new ArrayList<>();
            infos.forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            for (TopicPartition tp : parts) {
                Long at = positions.get(tp);
                if (at != null) {
                    consumer.seek(tp, at);
                }
            }
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(parts, timeout));
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.CRAWL_STATE + " to its end within "
                            + timeout.toSeconds() + " s (ingest.state.load.timeout); is Kafka at " + kafka.bootstrap() + " healthy?");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    if (r.value() == null) {
                        store.states.remove(r.key());
                        continue;
                    }
                    try {
                        UrlState s = Json.read(r.value(), UrlState.class);
                        if (newerOnly) {
                            store.states.merge(r.key(), s, CrawlStateStore::newer);
                        } else {
                            store.states.put(r.key(), s);
                        }
                    } catch (RuntimeException e) {
                        log.warn("ignoring an unreadable {} record at offset {} (key {}): {}", Topics.CRAWL_STATE,
                                r.offset(), r.key(), e.getMessage());
                    }
                }
            }
            parts.forEach(tp -> positions.put(tp, consumer.position(tp)));
        }
        return records;
    }

    private static UrlState newer(UrlState held, UrlState read) {
        if (held.lastSeen() != null && read.lastSeen() != null && held.lastSeen().isAfter(read.lastSeen())) {
            return held;
        }
        return read;
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> c, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
