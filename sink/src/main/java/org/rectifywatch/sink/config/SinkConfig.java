package org.rectifywatch.sink.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.config.ElasticsearchSettings;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.sink.notify.config.NotificationConfig;
import org.rectifywatch.sink.write.DrainCheck;
import org.rectifywatch.sink.write.RefreshPolicy;

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
        RefreshPolicy refresh,
        int pollMaxRecords,
        Duration backoffInitial,
        Duration backoffMax,
        Duration summaryInterval,
        boolean setupIndices,
        Duration startupTimeout,
        // consumer group membership (restarts and rebalances)
        String instanceId,
        Duration sessionTimeout,
        Duration revocationTimeout,
        NotificationConfig notifications,
        ZoneId timeZone) {

    public static SinkConfig from(ConfigSource c) {
        return new SinkConfig(
                KafkaSettings.from(c),
                ElasticsearchSettings.from(c),
                name("sink.group.id", c.string("sink.group.id", "rectify-sink")),
                name("sink.topic.reports", c.string("sink.topic.reports", Topics.REPORTS_PARSED)),
                name("sink.topic.issues", c.string("sink.topic.issues", Topics.ISSUES_CLASSIFIED)),
                name("sink.topic.alerts", c.string("sink.topic.alerts", Topics.ALERTS_OVERDUE)),
                name("sink.topic.dlq", c.string("sink.topic.dlq", Topics.SINK_DLQ)),
                name("sink.topic.notify.state", c.string("sink.topic.notify.state", Topics.NOTIFY_STATE)),
                indexPrefix("sink.index.prefix", c.string("sink.index.prefix", "rectify")),
                within("sink.bulk.max.actions", c.integer("sink.bulk.max.actions", 1000), 1, 100_000),
                within("sink.bulk.max.bytes", c.longValue("sink.bulk.max.bytes", 5L * 1024 * 1024), 1024, 1L << 30),
                atLeast("sink.bulk.linger", c.duration("sink.bulk.linger", Duration.ofMillis(200)), Duration.ZERO),
                within("sink.bulk.max.in.flight", c.integer("sink.bulk.max.in.flight", 2), 1, 64),
                refreshPolicy(c),
                within("sink.poll.max.records", c.integer("sink.poll.max.records", 1000), 1, 1_000_000),
                atLeast("sink.backoff.initial", c.duration("sink.backoff.initial", Duration.ofMillis(200)), Duration.ofMillis(1)),
                atLeast("sink.backoff.max", c.duration("sink.backoff.max", Duration.ofSeconds(30)), Duration.ofMillis(1)),
                atLeast("sink.summary.interval", c.duration("sink.summary.interval", Duration.ofMinutes(1)), Duration.ofSeconds(1)),
                c.bool("sink.setup", true),
                atLeast("sink.startup.timeout", c.duration("sink.startup.timeout", Duration.ofMinutes(5)), Duration.ofSeconds(1)),
                c.string("sink.instance.id", null),
                within("sink.session.timeout", c.duration("sink.session.timeout", Duration.ofSeconds(6)),
                        Duration.ofSeconds(6), Duration.ofMinutes(30)),
                within("sink.revocation.timeout", c.duration("sink.revocation.timeout", Duration.ofSeconds(10)),
                        Duration.ofMillis(100), Duration.ofMinutes(4)),
                NotificationConfig.from(c),
                zone("sink.time.zone", c.string("sink.time.zone", "Asia/Shanghai"))).validated();
    }

    private static RefreshPolicy refreshPolicy(ConfigSource c) {
        Duration gap = within("sink.refresh.min.gap", c.duration("sink.refresh.min.gap", Duration.ofMillis(100)),
                Duration.ZERO, Duration.ofMinutes(1));
        Duration delay = within("sink.refresh.max.delay", c.duration("sink.refresh.max.delay", Duration.ofSeconds(30)),
                Duration.ZERO, Duration.ofMinutes(10));
        if (delay.compareTo(gap) < 0) {
            throw invalid("sink.refresh.max.delay", delay, "at least sink.refresh.min.gap (" + show(gap) + ")");
        }
        // longer than the processor's commit interval in a backlog (1 s), whose records arrive a commit at a time
        Duration quiet = within("sink.refresh.quiet", c.duration("sink.refresh.quiet", Duration.ofSeconds(2)),
                Duration.ZERO, Duration.ofMinutes(10));
        // how often the sink asks the broker, while it waits to refresh a backlog, whether its input has run dry; 0: never
        Duration every = within("sink.refresh.drain.check", c.duration("sink.refresh.drain.check", Duration.ofMillis(100)),
                Duration.ZERO, Duration.ofMinutes(1));
        // the processor's group and input: a backlog has not run out while the processor has reports left to commit;
        // "none": the sink's own partitions only
        String group = c.string("sink.upstream.group", c.string("processor.application.id", "rectify-processor"));
        DrainCheck drain = "none".equalsIgnoreCase(group) ? new DrainCheck(every, "", "")
                : new DrainCheck(every, name("sink.upstream.group", group),
                name("sink.upstream.topic", c.string("sink.upstream.topic", Topics.REPORTS_RAW)));
        return new RefreshPolicy(gap, delay, quiet, drain);
    }

    /** Checks that span two keys. */
    private SinkConfig validated() {
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw invalid("sink.backoff.max", backoffMax, "at least sink.backoff.initial (" + backoffInitial + ")");
        }
        return this;
    }

    /**
     * The consumer's {@code group.instance.id}: {@code sink.instance.id} when set ({@code none}: no static
     * membership), else {@code defaultId}, which the sink derives from the host and a slot no other sink of this
     * group on the host holds.
     */
    public String memberInstanceId(java.util.function.Supplier<String> defaultId) {
        if (instanceId == null) {
            return defaultId.get();
        }
        return "none".equalsIgnoreCase(instanceId) ? null : instanceId;
    }

    private static IllegalArgumentException invalid(String key, Object value, String allowed) {
        return new IllegalArgumentException("configuration " + key + " (env " + ConfigSource.envName(key)
                + ") must be " + allowed + ", not " + (value instanceof Duration d ? show(d) : "'" + value + "'"));
    }

    private static String show(Duration d) {
        return d.toMillis() + "ms";
    }

    private static <N extends Number> N within(String key, N value, long min, long max) {
        if (value.longValue() < min || value.longValue() > max) {
            throw invalid(key, value, "between " + min + " and " + max);
        }
        return value;
    }

    private static Duration within(String key, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw invalid(key, value, "between " + show(min) + " and " + show(max));
        }
        return value;
    }

    private static Duration atLeast(String key, Duration value, Duration min) {
        if (value.compareTo(min) < 0) {
            throw invalid(key, value, min.isZero() ? "zero or more" : "at least " + show(min));
        }
        return value;
    }

    /** Kafka topic and group names: letters, digits, '.', '_' and '-', at most 249 characters. */
    private static String name(String key, String value) {
        if (!value.matches("[A-Za-z0-9._-]{1,249}")) {
            throw invalid(key, value, "a Kafka name of letters, digits, '.', '_' and '-'");
        }
        return value;
    }

    /** Elasticsearch index names: lower case, none of \ / * ? " < > | , # : or space, not starting with - _ +. */
    private static String indexPrefix(String key, String value) {
        if (!value.matches("[a-z0-9][a-z0-9._-]{0,199}")) {
            throw invalid(key, value, "an index name prefix of lower-case letters, digits, '.', '_' and '-' starting with a letter or digit");
        }
        return value;
    }

    private static ZoneId zone(String key, String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("configuration " + key + " (env " + ConfigSource.envName(key)
                    + ") must be a time zone such as Asia/Shanghai, not '" + value + "'");
        }
    }

    public SinkConfig withKafka(KafkaSettings k) {
        return new SinkConfig(k, elasticsearch, groupId, reportsTopic, issuesTopic, alertsTopic, dlqTopic,
                notifyStateTopic, indexPrefix, bulkMaxActions, bulkMaxBytes, bulkLinger, maxInFlight, refresh, pollMaxRecords,
                backoffInitial, backoffMax, summaryInterval, setupIndices, startupTimeout, instanceId, sessionTimeout,
                revocationTimeout, notifications, timeZone);
    }

    @Override
    public String toString() {
        return "SinkConfig[group=" + groupId + ", topics=" + reportsTopic + "," + issuesTopic + "," + alertsTopic
                + ", indexPrefix=" + indexPrefix + ", bulk=" + bulkMaxActions + " actions/" + bulkMaxBytes + " bytes/"
                + bulkLinger.toMillis() + " ms linger, inFlight=" + maxInFlight + ", refresh=" + refresh.minGap().toMillis() + ".."
                + refresh.maxDelay().toMillis() + " ms (quiet " + refresh.quiet().toMillis() + " ms, drain check "
                + refresh.drainCheck().every().toMillis() + " ms" + (refresh.drainCheck().watchesUpstream()
                ? " after " + refresh.drainCheck().upstreamGroup() : "") + "), " + notifications
                + ", zone=" + timeZone + ", " + kafka + ", " + elasticsearch + "]";
    }
}
