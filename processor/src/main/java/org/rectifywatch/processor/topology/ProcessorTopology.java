package org.rectifywatch.processor.topology;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.json.JsonSerde;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.processor.deadline.DeadlineEvent;
import org.rectifywatch.processor.deadline.DeadlineSettings;
import org.rectifywatch.processor.deadline.DeadlineTracker;
import org.rectifywatch.processor.deadline.TrackedIssue;
import org.rectifywatch.processor.deadline.TrackerOutput;
import org.rectifywatch.processor.publication.InspectionEvent;
import org.rectifywatch.processor.publication.PublicationTracker;
import org.rectifywatch.processor.publication.SeenReport;
import org.rectifywatch.processor.publication.TrackedInspection;
import org.rectifywatch.processor.report.ReportAnalyzer;
import org.rectifywatch.processor.report.WireRecords;
import org.rectifywatch.processor.service.ProcessorMetrics;

/**
 * The processor's topology, in the order of the picture:
 * <pre>
 * reports.raw ─▶ version-reports (by page) ─┬─▶ pages-by-unit (repartition) ─┬─▶ identify-reports (by unit) ─┐
 *                                           │        reports.handover ──────┘         │ (reports handed over) │
 *                                           ├─▶ reports.dlq                             ▼                       │
 *                                           └─ feedback notices ─────────────▶ route: reports.parsed, issues.classified,
 *                                                                                  reports.handover, and by unit:
 *   issues-by-unit (repartition) + deadline.handover ─▶ track-deadlines ─▶ alerts.overdue, deadline.handover
 *   inspections-by-unit (repartition) ─▶ track-publication ─▶ alerts.overdue
 * </pre>
 * The page and report stages dead-letter what they cannot handle themselves, all or nothing per input (see
 * {@link PendingOutputs}); what escapes them is left to Kafka Streams' own handlers, which write to
 * {@code reports.dlq} as well (see {@code ProcessorService}).
 */
public final class ProcessorTopology {
    /** The steps whose thread CPU is counted ({@link StageCpu}), in the order a report passes them. */
    public static final java.util.List<String> TIMED_STAGES = java.util.List.of("version-reports", "read-pages-by-unit",
            "identify-reports", "read-issues-by-unit", "track-deadlines", "read-inspections-by-unit", "track-publication");

    private ProcessorTopology() {
    }

    public static Topology build(ReportAnalyzer analyzer, WireRecords records, DeadlineSettings deadlines, ProcessorMetrics metrics) {
        return build(analyzer, records, deadlines, metrics, () -> RecordLimits.uniform(Topics.MAX_RECORD_BYTES));
    }

    /**
     * @param limits the largest record each destination takes, read when a record is handled: the service fills it
     *               from the broker's topic configs at start
     */
    public static Topology build(ReportAnalyzer analyzer, WireRecords records, DeadlineSettings deadlines, ProcessorMetrics metrics,
                                 Supplier<RecordLimits> limits) {
        return build(analyzer, records, deadlines, metrics, limits, CommitPacing.DEFAULT);
    }

    /** @param pacing when each stage asks for a commit: promptly while its records are fresh (see {@link CommitPacing}) */
    public static Topology build(ReportAnalyzer analyzer, WireRecords records, DeadlineSettings deadlines, ProcessorMetrics metrics,
                                 Supplier<RecordLimits> limits, CommitPacing pacing) {
        StreamsBuilder builder = new StreamsBuilder();
        Map<String, KStream<String, Envelope>> pages = reportStage(builder, analyzer, records, metrics, limits, pacing).split(Named.as("page-"))
                .branch((k, e) -> e.is(Envelope.Kind.PAGE), Branched.as("analyses"))
                .defaultBranch(Branched.as("other"));
        KStream<String, Envelope> outputs = pages.get("page-other")
                .merge(identityStage(builder, pages.get("page-analyses").mapValues(Envelope::bytes, Named.as("page-event")),
                        records, metrics, limits, pacing), Named.as("all-outputs"));
        outputs.split(Named.as("route-"))
                .branch((k, e) -> e.is(Envelope.Kind.REPORT), Branched.withConsumer(s -> s
                        .mapValues(Envelope::bytes, Named.as("report-record"))
                        .to(Topics.REPORTS_PARSED, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("write-reports-parsed")),
                        "reports"))
                .branch((k, e) -> e.is(Envelope.Kind.ISSUE) || e.is(Envelope.Kind.ISSUE_DELETED), Branched.withConsumer(s -> s
                        .mapValues(Envelope::bytes, Named.as("issue-record-or-tombstone"))
                        .to(Topics.ISSUES_CLASSIFIED, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("write-issues-classified")),
                        "issues"))
                .branch((k, e) -> e.is(Envelope.Kind.DEAD_LETTER), Branched.withConsumer(s -> s
                        .mapValues(Envelope::bytes, Named.as("dead-letter-bytes"))
                        .to(Topics.REPORTS_DLQ, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("write-reports-dlq")),
                        "dead-letters"))
                .branch((k, e) -> e.is(Envelope.Kind.PAGE_HANDOVER), Branched.withConsumer(s -> s
                        .mapValues(Envelope::bytes, Named.as("report-handover-event"))
                        .to(Topics.REPORTS_HANDOVER, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("write-reports-handover")),
                        "report-handovers"))
                .branch((k, e) -> e.is(Envelope.Kind.DEADLINE), Branched.withConsumer(s ->
                        deadlineStage(builder, s.mapValues(Envelope::bytes, Named.as("deadline-event")), deadlines, metrics, pacing),
                        "deadlines"))
                .branch((k, e) -> e.is(Envelope.Kind.INSPECTION), Branched.withConsumer(s ->
                        publicationStage(builder, s.mapValues(Envelope::bytes, Named.as("inspection-event")), deadlines, metrics, pacing)
                                .to(Topics.ALERTS_OVERDUE, Produced.with(Serdes.String(), WireSerdes.ALERT).withName("write-publication-alerts")),
                        "inspections"));
        return builder.build();
    }

    /**
     * reports.raw → analysed pages by unit, feedback notices' inspections, dead letters. Values are read as bytes and
     * decoded by the versioner, so that whatever cannot be read (undecodable, the JSON {@code null}) is dead-lettered
     * with its original bytes and a reason, and only a record without value is a retraction.
     */
    static KStream<String, Envelope> reportStage(StreamsBuilder builder, ReportAnalyzer analyzer, WireRecords records,
                                                 ProcessorMetrics metrics, Supplier<RecordLimits> limits, CommitPacing pacing) {
        builder.addStateStore(logged(ReportVersioner.STORE, JsonSerde.of(ReportState.class)));
        return builder.stream(Topics.REPORTS_RAW, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-reports-raw"))
                .process(StageCpu.timed("version-reports", metrics, pacing.around(() -> new ReportVersioner(analyzer, records, metrics, limits))),
                        Named.as("version-reports"), ReportVersioner.STORE);
    }

    /** Page analyses regrouped by unit (with report entries handed over from the unit a report left) → reports, issues. */
    static KStream<String, Envelope> identityStage(StreamsBuilder builder, KStream<String, byte[]> pages, WireRecords records,
                                                   ProcessorMetrics metrics, Supplier<RecordLimits> limits, CommitPacing pacing) {
        JsonSerde<PageEvent> serde = JsonSerde.of(PageEvent.class);
        builder.addStateStore(logged(ReportIdentifier.ENTRIES, JsonSerde.of(ReportEntry.class)));
        builder.addStateStore(logged(ReportIdentifier.URLS, Serdes.String()));
        KStream<String, PageEvent> handedOver = builder.stream(Topics.REPORTS_HANDOVER,
                Consumed.with(Serdes.String(), serde).withName("read-reports-handover"));
        return pages
                .repartition(Repartitioned.<String, byte[]>as("pages-by-unit").withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.ByteArray()).withNumberOfPartitions(Topics.UNIT_PARTITIONS))
                .mapValues(StageCpu.timed("read-pages-by-unit", metrics, decoder(serde, "pages-by-unit")), Named.as("read-pages-by-unit"))
                .merge(handedOver, Named.as("with-report-handovers"))
                .process(StageCpu.timed("identify-reports", metrics, pacing.around(() -> new ReportIdentifier(records, metrics, limits))),
                        Named.as("identify-reports"),
                        ReportIdentifier.ENTRIES, ReportIdentifier.URLS);
    }

    /**
     * Issue events, regrouped by inspected unit (with entries handed over from the unit an issue left) → alert
     * transitions, and entries handed over to the unit an issue moved to.
     */
    static void deadlineStage(StreamsBuilder builder, KStream<String, byte[]> events, DeadlineSettings deadlines,
                              ProcessorMetrics metrics, CommitPacing pacing) {
        JsonSerde<DeadlineEvent> serde = JsonSerde.of(DeadlineEvent.class);
        builder.addStateStore(logged(DeadlineTracker.STORE, JsonSerde.of(TrackedIssue.class)));
        builder.addStateStore(logged(DeadlineTracker.AGENDA, Serdes.String()));
        KStream<String, DeadlineEvent> handedOver = builder.stream(Topics.DEADLINE_HANDOVER,
                Consumed.with(Serdes.String(), serde).withName("read-deadline-handover"));
        KStream<String, TrackerOutput> out = events
                .repartition(Repartitioned.<String, byte[]>as("issues-by-unit").withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.ByteArray()).withNumberOfPartitions(Topics.UNIT_PARTITIONS))
                .mapValues(StageCpu.timed("read-issues-by-unit", metrics, decoder(serde, "issues-by-unit")), Named.as("read-issues-by-unit"))
                .merge(handedOver, Named.as("with-handovers"))
                .process(StageCpu.timed("track-deadlines", metrics, pacing.around(() -> new DeadlineTracker(deadlines, metrics))),
                        Named.as("track-deadlines"),
                        DeadlineTracker.STORE, DeadlineTracker.AGENDA);
        out.split(Named.as("tracked-"))
                .branch((k, o) -> o.isAlert(), Branched.withConsumer(s -> s
                        .mapValues(TrackerOutput::alert, Named.as("alert-transition"))
                        .to(Topics.ALERTS_OVERDUE, Produced.with(Serdes.String(), WireSerdes.ALERT).withName("write-alerts-overdue")),
                        "alerts"))
                .defaultBranch(Branched.withConsumer(s -> s
                        .mapValues(TrackerOutput::handover, Named.as("handover-event"))
                        .to(Topics.DEADLINE_HANDOVER, Produced.with(Serdes.String(), serde).withName("write-deadline-handover")),
                        "handovers"));
    }

    /** Feedback notices and reports, regrouped by inspected unit → report_overdue alert transitions. */
    static KStream<String, org.rectifywatch.model.wire.AlertRecord> publicationStage(StreamsBuilder builder,
            KStream<String, byte[]> events, DeadlineSettings deadlines, ProcessorMetrics metrics, CommitPacing pacing) {
        builder.addStateStore(logged(PublicationTracker.STORE, JsonSerde.of(TrackedInspection.class)));
        builder.addStateStore(logged(PublicationTracker.REPORTS, JsonSerde.of(SeenReport.class)));
        builder.addStateStore(logged(PublicationTracker.AGENDA, Serdes.String()));
        return events
                .repartition(Repartitioned.<String, byte[]>as("inspections-by-unit").withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.ByteArray()).withNumberOfPartitions(Topics.UNIT_PARTITIONS))
                .mapValues(StageCpu.timed("read-inspections-by-unit", metrics, decoder(JsonSerde.of(InspectionEvent.class), "inspections-by-unit")),
                        Named.as("read-inspections-by-unit"))
                .process(StageCpu.timed("track-publication", metrics, pacing.around(() -> new PublicationTracker(deadlines, metrics))),
                        Named.as("track-publication"),
                        PublicationTracker.STORE, PublicationTracker.REPORTS, PublicationTracker.AGENDA);
    }

    /**
     * Values travel between stages as the bytes the stage that made them serialised once (to check their size): they
     * are decoded here, after the repartition topic, instead of by its serde.
     */
    private static <V> org.apache.kafka.streams.kstream.ValueMapper<byte[], V> decoder(JsonSerde<V> serde, String topic) {
        org.apache.kafka.common.serialization.Deserializer<V> d = serde.deserializer();
        return bytes -> d.deserialize(topic, bytes);
    }

    /** A persistent store with a changelog, so that state survives restarts and alerts are not repeated. */
    private static <V> StoreBuilder<?> logged(String name, org.apache.kafka.common.serialization.Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withLoggingEnabled(Map.of());
    }
}
