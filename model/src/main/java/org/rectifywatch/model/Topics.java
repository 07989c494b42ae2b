package org.rectifywatch.model;

import java.util.List;
import java.util.Map;

/** Every topic of the pipeline, declared once. */
public final class Topics {
    public static final String REPORTS_RAW = "reports.raw";
    public static final String REPORTS_PARSED = "reports.parsed";
    public static final String ISSUES_CLASSIFIED = "issues.classified";
    public static final String ALERTS_OVERDUE = "alerts.overdue";
    public static final String REPORTS_DLQ = "reports.dlq";
    public static final String SINK_DLQ = "sink.dlq";
    public static final String CRAWL_STATE = "crawl.state";
    /** The site list (compacted, keyed by host): its partitions are shared out among the crawler instances. */
    public static final String CRAWL_SITES = "crawl.sites";
    /** Alert ids already delivered to the webhook (compacted), so a restart never notifies twice. */
    public static final String NOTIFY_STATE = "notify.state";
    /**
     * Tracked issues moving to the unit their report now names, history and all. Read together with the
     * processor's by-unit repartition topic, so it has {@link #UNIT_PARTITIONS} partitions like it.
     */
    public static final String DEADLINE_HANDOVER = "deadline.handover";
    /** Report entries (mirrors, issue ids) moving to the unit their page now names; read with the by-unit pages. */
    public static final String REPORTS_HANDOVER = "reports.handover";
    /** Partitions of the processor's by-unit topics (its repartition topics and {@link #DEADLINE_HANDOVER}). */
    public static final int UNIT_PARTITIONS = 6;

    /** Partitions and config of a topic as the pipeline creates it. */
    public record Spec(String name, int partitions, Map<String, String> config) {
    }

    private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact");
    private static final Map<String, String> LARGE = Map.of("max.message.bytes", "8388608");

    /**
     * Keyed entity topics are compacted so that a sink or a new consumer can rebuild the latest state;
     * {@code reports.raw} allows 8 MiB records (long reports with attachments lists) and keeps every page's latest
     * text for good (a tombstone retracts a page).
     */
    public static final List<Spec> ALL = List.of(
            // the processor's parallelism: 6 divides evenly among 1, 2, 3 or 6 stream threads
            // compacted, never expiring: the source of truth that pipeline reprocess reads again
            new Spec(REPORTS_RAW, 6, Map.of("max.message.bytes", "8388608", "cleanup.policy", "compact")),
            new Spec(REPORTS_PARSED, 3, COMPACTED),
            new Spec(ISSUES_CLASSIFIED, 3, COMPACTED),
            new Spec(ALERTS_OVERDUE, 3, COMPACTED),
            new Spec(REPORTS_DLQ, 1, LARGE),
            new Spec(SINK_DLQ, 1, Map.of()),
            new Spec(CRAWL_STATE, 1, COMPACTED),
            new Spec(CRAWL_SITES, 12, COMPACTED),
            new Spec(DEADLINE_HANDOVER, UNIT_PARTITIONS, Map.of()),
            new Spec(REPORTS_HANDOVER, UNIT_PARTITIONS, LARGE),
            new Spec(NOTIFY_STATE, 1, COMPACTED));

    private Topics() {
    }
}
