package org.rectifywatch.processor.service;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.processor.deadline.DeadlineSettings;
import org.rectifywatch.processor.report.ReportIds;
import org.rectifywatch.processor.topology.CommitPacing;

/**
 * The processor's configuration (keys {@code processor.*}, env {@code RECTIFY_PROCESSOR_*}), validated when read:
 * a value out of range is refused with one sentence naming the key, the value and what is allowed.
 *
 * @param instanceId     {@code processor.instance.id}: the stable name of this instance in the consumer group (static
 *                       membership), so that a restart takes its partitions back without a rebalance; by default the
 *                       host name and a hash of the state directory, so two instances on one host differ
 * @param deadlines      how overdue is judged: {@code processor.punctuation.interval} (how often the wall clock looks
 *                       for what fell due), {@code processor.rectification.window.months} (months after feedback an
 *                       in-progress issue without a dated commitment becomes overdue), {@code processor.report.months.central}
 *                       and {@code processor.report.months.other} (months after feedback a unit's rectification report is
 *                       overdue), {@code processor.retention.days} (days closed entries are kept), {@code processor.time.zone}
 * @param sessionTimeout {@code processor.session.timeout}: how long the group waits for an instance that stopped
 *                       without leaving (killed) before its partitions move to another instance
 * @param commitInterval {@code processor.commit.interval}: how soon records at most {@code processor.fresh.age} old
 *                       (new reports and what they cause) are committed: each hop to the outputs waits for a commit
 * @param backlogCommitInterval {@code processor.backlog.commit.interval}: Kafka Streams' own commit interval, what
 *                       older records (a backlog) wait for: fewer, larger transactions while catching up
 * @param freshAge       {@code processor.fresh.age}: the oldest a record (by its Kafka timestamp) counts as fresh
 */
public record ProcessorConfig(
        KafkaSettings kafka,
        String applicationId,
        String instanceId,
        DeadlineSettings deadlines,
        int threads,
        Path stateDir,
        Duration commitInterval,
        Duration summaryInterval,
        Duration sessionTimeout,
        Duration backlogCommitInterval,
        Duration freshAge) {

    /** The broker's default bounds for a consumer's session timeout (group.min/max.session.timeout.ms). */
    static final Duration MIN_SESSION = Duration.ofSeconds(6);
    static final Duration MAX_SESSION = Duration.ofMinutes(30);

    public static ProcessorConfig from(ConfigSource c) {
        DeadlineSettings d = DeadlineSettings.defaults();
        String applicationId = c.string("processor.application.id", "rectify-processor");
        Path stateDir = Path.of(c.string("processor.state.dir", Path.of(System.getProperty("java.io.tmpdir"), "rectify-streams").toString()));
        String zone = c.string("processor.time.zone", d.zone().getId());
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw refused(c, "processor.time.zone", zone, "a time zone id such as Asia/Shanghai or UTC");
        }
        DeadlineSettings deadlines = new DeadlineSettings(
                atLeast(c, "processor.rectification.window.months", d.windowMonths(), 1, "months"),
                atLeast(c, "processor.report.months.central", d.reportMonthsCentral(), 1, "months"),
                atLeast(c, "processor.report.months.other", d.reportMonthsOther(), 1, "months"),
                atLeast(c, "processor.retention.days", d.retentionDays(), 0, "days"),
                zoneId,
                positive(c, "processor.punctuation.interval", d.punctuation()));
        Duration session = c.duration("processor.session.timeout", Duration.ofSeconds(6));
        if (session.compareTo(MIN_SESSION) < 0 || session.compareTo(MAX_SESSION) > 0) {
            throw refused(c, "processor.session.timeout", c.string("processor.session.timeout", null), "between 6s and 30m (the broker's session timeout bounds)");
        }
        Duration commit = positive(c, "processor.commit.interval", Duration.ofMillis(100));
        Duration backlogCommit = positive(c, "processor.backlog.commit.interval", Duration.ofSeconds(1));
        if (backlogCommit.compareTo(commit) < 0) {
            throw refused(c, "processor.backlog.commit.interval", c.string("processor.backlog.commit.interval", null),
                    "at least processor.commit.interval (" + commit.toMillis() + "ms)");
        }
        if (applicationId.isBlank()) {
            throw refused(c, "processor.application.id", applicationId, "a non-empty name");
        }
        return new ProcessorConfig(
                KafkaSettings.from(c),
                applicationId,
                c.string("processor.instance.id", defaultInstanceId(stateDir)),
                deadlines,
                atLeast(c, "processor.threads", Runtime.getRuntime().availableProcessors(), 1, "stream threads"),
                stateDir,
                commit,
                positive(c, "processor.summary.interval", Duration.ofMinutes(1)),
                session,
                backlogCommit,
                positive(c, "processor.fresh.age", Duration.ofSeconds(2)));
    }

    /** When the stages ask for commits: every {@link #commitInterval} while their records are fresh. */
    public CommitPacing commitPacing() {
        return new CommitPacing(commitInterval, freshAge);
    }

    /**
     * The host name and a hash of the state directory: stable across restarts of one instance (its state directory
     * is locked while it runs, so it cannot run twice), different for two instances on one host.
     */
    static String defaultInstanceId(Path stateDir) {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "processor";
            }
        }
        String dir = stateDir.toAbsolutePath().normalize().toString();
        return host + "-" + ReportIds.sha256Hex(dir).substring(0, 8);
    }

    private static int atLeast(ConfigSource c, String key, int defaultValue, int min, String unit) {
        int v = c.integer(key, defaultValue);
        if (v < min) {
            throw refused(c, key, v, "a whole number of " + unit + " of at least " + min);
        }
        return v;
    }

    private static Duration positive(ConfigSource c, String key, Duration defaultValue) {
        Duration v = c.duration(key, defaultValue);
        if (v.isZero() || v.isNegative()) {
            throw refused(c, key, c.string(key, v.toString()), "a positive duration such as 500ms, 60s or 5m");
        }
        return v;
    }

    private static IllegalArgumentException refused(ConfigSource c, String key, Object value, String allowed) {
        return new IllegalArgumentException("configuration " + key + " (env " + ConfigSource.envName(key) + ") is '" + value
                + "' but must be " + allowed);
    }
}
