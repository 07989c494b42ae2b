package org.rectifywatch.ingest.crawl;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rectifywatch.ingest.IngestConfig;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.sites.SiteEntry;
import org.rectifywatch.ingest.sites.SiteList;
import org.rectifywatch.ingest.sites.SiteProfilesOf;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.config.KafkaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawler instances sharing the site list by Kafka consumer-group assignment: every instance of the group
 * {@code ingest.group} subscribes to the compacted {@code crawl.sites} topic (keyed by host), and crawls the hosts of
 * the partitions it is assigned, read from their beginning. A partition leaves an instance only after the passes of
 * its hosts have stopped (cooperative rebalancing: the revoke completes before another member is given it), so a host
 * is crawled by one instance at a time; a dead instance's partitions go to the others once its session times out.
 * Before crawling hosts it was just given, an instance reads what the previous owner wrote to {@code crawl.state}, so
 * what was published there is not published again.
 */
public final class SharedCrawl implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SharedCrawl.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Crawler crawler;
    private final SiteProfilesOf profilesOf;
    private final KafkaConsumer<String, byte[]> consumer;
    private final HostScheduler scheduler;
    private final Map<TopicPartition, Set<String>> hostsByPartition = new HashMap<>();
    private volatile boolean closed;

    public SharedCrawl(Crawler crawler, SiteProfilesOf profilesOf) {
        this.crawler = crawler;
        this.profilesOf = profilesOf;
        IngestConfig config = crawler.config();
        Properties p = config.kafka().clientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.group());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(config.sessionTimeout().toMillis()));
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Long.toString(KafkaSettings.heartbeatIntervalMs(config.sessionTimeout())));
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.scheduler = crawler.newScheduler();
    }

    /** Runs until {@link #close()}: the consumer in this thread, the crawl workers beside it. */
    public void run() {
        Thread workers = new Thread(() -> crawler.runScheduler(scheduler), "crawl-scheduler");
        workers.start();
        try {
            consumer.subscribe(List.of(Topics.CRAWL_SITES), new Listener());
            while (!closed) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    apply(r);
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } finally {
            scheduler.close();
            try {
                workers.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer.close(Duration.ofSeconds(10));
        }
    }

    /** Hosts this instance holds now. */
    public int hosts() {
        return scheduler.size();
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        SiteEntry site = SiteList.decode(r);
        if (site == null) {
            hostsByPartition.getOrDefault(tp, new HashSet<>()).remove(r.key());
            removeHost(r.key());
            return;
        }
        List<SiteProfile> sites;
        try {
            sites = profilesOf.of(site);
        } catch (IllegalArgumentException e) {
            log.error("{} (record at partition {}, offset {}); the site is not crawled", e.getMessage(), r.partition(), r.offset());
            removeHost(r.key());
            return;
        }
        hostsByPartition.computeIfAbsent(tp, k -> new HashSet<>()).add(site.host());
        scheduler.put(site.host(), sites, crawler.config().assignSettle());
    }

    private void removeHost(String host) {
        try {
            scheduler.remove(host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            // the previous owner's writes to crawl.state, before any of these hosts is crawled here
            int records = crawler.state().catchUp(crawler.config().kafka(), crawler.config().stateLoadTimeout());
            consumer.seekToBeginning(partitions);
            log.info("site list partitions assigned: {} (crawl state caught up: {} records)", partitions, records);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            release(partitions, "revoked");
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            release(partitions, "lost");
        }

        private void release(Collection<TopicPartition> partitions, String how) {
            if (partitions.isEmpty()) {
                return;
            }
            int n = 0;
            for (TopicPartition tp : partitions) {
                Set<String> hosts = hostsByPartition.remove(tp);
                if (hosts != null) {
                    for (String h : hosts) {
                        removeHost(h);
                        n++;
                    }
                }
            }
            log.info("site list partitions {}: {} ({} hosts handed over)", how, partitions, n);
        }
    }

    /** Stops the consumer and the workers (a pass under way stops at its next article). */
    @Override
    public void close() {
        closed = true;
        scheduler.close();
        consumer.wakeup();
    }
}
