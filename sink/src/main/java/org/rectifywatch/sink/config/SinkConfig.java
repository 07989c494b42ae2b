package org.rectifywatch.sink.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.config.ElasticsearchSettings;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.sink.notify.config.NotificationConfig;

/**
 * Everything the sink reads from configuration ({@code sink.*} keys, env {@code RECTIFY_SINK_*}), plus how it
 * reaches Kafka and Elasticsearch. Topic names and the index prefix are configurable so tests and the
 * benchmark can run beside the real pipeline on one cluster. {@code timeZone} ({@code sink.time.zone}, default
 * Asia/Shanghai, as the processor's) is the zone in which notifications count days overdue. Every notification
 * setting (channels, policy, digests, watches) is in {@link NotificationConfig}, read by its own {@code from}.
 */
public record SinkConfig(
        KafkaSettings kafka,
        ElasticsearchSettings elasticsearch,
        String groupId,
        String reportsTopic,
        String issuesTopic,
        String alertsTopic,
        String dlqTopic,
        String notifyStateTopic,
        String indexPrefix,
        int bulkMaxActions,
        long bulkMaxBytes,
        Duration bulkLinger,
        int maxInFlight,
        int pollMaxRecords,
        Duration backoffInitial,
        Duration backoffMax,
        Duration summaryInterval,
        boolean setupIndices,
        Duration startupTimeout,
        NotificationConfig notifications,
        ZoneId timeZone) {

    public static SinkConfig from(ConfigSource c) {
        return new SinkConfig(
                KafkaSettings.from(c),
                ElasticsearchSettings.from(c),
                c.string("sink.group.id", "rectify-sink"),
                c.string("sink.topic.reports", Topics.REPORTS_PARSED),
                c.string("sink.topic.issues", Topics.ISSUES_CLASSIFIED),
                c.string("sink.topic.alerts", Topics.ALERTS_OVERDUE),
                c.string("sink.topic.dlq", Topics.SINK_DLQ),
                c.string("sink.topic.notify.state", Topics.NOTIFY_STATE),
                c.string("sink.index.prefix", "rectify"),
                positive("sink.bulk.max.actions", c.integer("sink.bulk.max.actions", 1000)),
                positive("sink.bulk.max.bytes", c.longValue("sink.bulk.max.bytes", 5L * 1024 * 1024)),
                c.duration("sink.bulk.linger", Duration.ofMillis(200)),
                positive("sink.bulk.max.in.flight", c.integer("sink.bulk.max.in.flight", 2)),
                positive("sink.poll.max.records", c.integer("sink.poll.max.records", 1000)),
                c.duration("sink.backoff.initial", Duration.ofMillis(200)),
                c.duration("sink.backoff.max", Duration.ofSeconds(30)),
                c.duration("sink.summary.interval", Duration.ofMinutes(1)),
                c.bool("sink.setup", true),
                c.duration("sink.startup.timeout", Duration.ofMinutes(5)),
                NotificationConfig.from(c),
                zone("sink.time.zone", c.string("sink.time.zone", "Asia/Shanghai")));
    }

    private static ZoneId zone(String key, String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("configuration " + key + " (env " + ConfigSource.envName(key)
                    + ") must be a time zone such as Asia/Shanghai, not '" + value + "'");
        }
    }

    private static <N extends Number> N positive(String key, N value) {
        if (value.longValue() <= 0) {
            throw new IllegalArgumentException("configuration " + key + " (env " + ConfigSource.envName(key)
                    + ") must be positive, not " + value);
        }
        return value;
    }

    public SinkConfig withKafka(KafkaSettings k) {
        return new SinkConfig(k, elasticsearch, groupId, reportsTopic, issuesTopic, alertsTopic, dlqTopic,
                notifyStateTopic, indexPrefix, bulkMaxActions, bulkMaxBytes, bulkLinger, maxInFlight, pollMaxRecords,
                backoffInitial, backoffMax, summaryInterval, setupIndices, startupTimeout, notifications, timeZone);
    }

    @Override
    public String toString() {
        return "SinkConfig[group=" + groupId + ", topics=" + reportsTopic + "," + issuesTopic + "," + alertsTopic
                + ", indexPrefix=" + indexPrefix + ", bulk=" + bulkMaxActions + " actions/" + bulkMaxBytes + " bytes/"
                + bulkLinger.toMillis() + " ms linger, inFlight=" + maxInFlight + ", " + notifications + ", zone=" + timeZone + ", " + kafka + ", "
                + elasticsearch + "]";
    }
}
