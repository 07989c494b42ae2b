package org.rectifywatch.app.bench;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.common.TopicPartition;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.model.Topics;

/**
 * What the broker holds per kind of topic (bytes of log, all partitions): two snapshots around a window tell what
 * the pipeline wrote through the broker besides its input and outputs — repartition topics, state-store
 * changelogs, transaction and offset bookkeeping — where the broker's extra CPU in a backfill comes from.
 */
record BrokerTraffic(Map<String, Long> bytesByKind) {
    static final String INPUT = "input";
    static final String OUTPUTS = "outputs";
    static final String REPARTITION = "repartition";
    static final String CHANGELOGS = "changelogs";
    static final String TRANSACTIONS = "transactions";
    static final String OFFSETS = "offsets";
    static final String OTHER = "other";

    /** The kind of a topic by its name, as Kafka Streams and the pipeline name them. */
    static String kind(String topic) {
        if (topic.equals(Topics.REPORTS_RAW)) {
            return INPUT;
        }
        if (topic.endsWith("-repartition") || topic.equals(Topics.REPORTS_HANDOVER)) {
            return REPARTITION;
        }
        if (topic.endsWith("-changelog")) {
            return CHANGELOGS;
        }
        if (topic.equals("__transaction_state")) {
            return TRANSACTIONS;
        }
        if (topic.equals("__consumer_offsets")) {
            return OFFSETS;
        }
        if (topic.equals(Topics.REPORTS_PARSED) || topic.equals(Topics.ISSUES_CLASSIFIED) || topic.equals(Topics.ALERTS_OVERDUE)
                || topic.endsWith(".dlq")) {
            return OUTPUTS;
        }
        return OTHER;
    }

    static BrokerTraffic take(LocalKafka kafka) {
        try (Admin admin = kafka.admin()) {
            Map<Integer, Map<String, LogDirDescription>> dirs = admin.describeLogDirs(
                    admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream().map(n -> n.id()).toList())
                    .allDescriptions().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> sizes = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            dirs.values().forEach(d -> d.values().forEach(dir -> dir.replicaInfos().forEach((tp, info) -> sizes.merge(tp, info.size(), Long::sum))));
            return of(sizes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the broker's log sizes", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the broker's log sizes: " + e.getMessage(), e);
        }
    }

    static BrokerTraffic of(Map<TopicPartition, Long> sizes) {
        Map<String, Long> byKind = new TreeMap<>();
        sizes.forEach((tp, size) -> byKind.merge(kind(tp.topic()), size, Long::sum));
        return new BrokerTraffic(byKind);
    }

    BrokerTraffic since(BrokerTraffic before) {
        Map<String, Long> d = new TreeMap<>(bytesByKind);
        before.bytesByKind.forEach((k, v) -> d.merge(k, -v, Long::sum));
        return new BrokerTraffic(d);
    }

    long total() {
        return bytesByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    /** KB written per report by kind, largest first, e.g. "outputs 41.2 KB, changelogs 30.1 KB, …". */
    String describe(long reports) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.1f KB per report:", total() / 1024.0 / Math.max(1, reports)));
        bytesByKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> b.append(String.format(Locale.ROOT, " %s %.1f KB,", e.getKey(), e.getValue() / 1024.0 / Math.max(1, reports))));
        b.setLength(b.length() - 1);
        return b.toString();
    }
}
