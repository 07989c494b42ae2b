package org.rectifywatch.processor.topology;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.json.JsonSerde;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.processor.deadline.DeadlineEvent;
import org.rectifywatch.processor.deadline.DeadlineTracker;
import org.rectifywatch.processor.deadline.OverdueRules;
import org.rectifywatch.processor.deadline.TrackedIssue;
import org.rectifywatch.processor.report.ReportAnalyzer;
import org.rectifywatch.processor.report.WireRecords;
import org.rectifywatch.processor.service.ProcessorMetrics;

/**
 * The processor's topology, in the order of the picture:
 * <pre>
 * reports.raw ─▶ version-reports ─┬─▶ reports.parsed
 *                                 ├─▶ issues.classified (records and tombstones)
 *                                 ├─▶ reports.dlq (parser verdicts, failures)
 *                                 └─▶ issues-by-unit (repartition) ─▶ track-deadlines ─▶ alerts.overdue
 * </pre>
 * Deserialisation and unexpected processing errors are handled by Kafka Streams' own handlers, which
 * write to {@code reports.dlq} as well (see {@code ProcessorService}).
 */
public final class ProcessorTopology {
    private ProcessorTopology() {
    }

    public static Topology build(ReportAnalyzer analyzer, WireRecords records, int windowMonths, ZoneId zone,
                                 Duration punctuation, ProcessorMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Envelope> outputs = reportStage(builder, analyzer, records, metrics);
        addDeadlineStore(builder);
        outputs.split(Named.as("route-"))
                .branch((k, e) -> e.is(Envelope.Kind.REPORT), Branched.withConsumer(s -> s
                        .mapValues(Envelope::report, Named.as("report-record"))
                        .to(Topics.REPORTS_PARSED, Produced.with(Serdes.String(), WireSerdes.REPORT).withName("write-reports-parsed")),
                        "reports"))
                .branch((k, e) -> e.is(Envelope.Kind.ISSUE) || e.is(Envelope.Kind.ISSUE_DELETED), Branched.withConsumer(s -> s
                        .mapValues(e -> (IssueRecord) e.issue(), Named.as("issue-record-or-tombstone"))
                        .to(Topics.ISSUES_CLASSIFIED, Produced.with(Serdes.String(), WireSerdes.ISSUE).withName("write-issues-classified")),
                        "issues"))
                .branch((k, e) -> e.is(Envelope.Kind.DEAD_LETTER), Branched.withConsumer(s -> s
                        .mapValues(Envelope::deadLetter, Named.as("dead-letter-bytes"))
                        .to(Topics.REPORTS_DLQ, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("write-reports-dlq")),
                        "dead-letters"))
                .branch((k, e) -> e.is(Envelope.Kind.DEADLINE), Branched.withConsumer(s ->
                        deadlineStage(s.mapValues(Envelope::deadline, Named.as("deadline-event")), windowMonths, zone, punctuation, metrics)
                                .to(Topics.ALERTS_OVERDUE, Produced.with(Serdes.String(), WireSerdes.ALERT).withName("write-alerts-overdue")),
                        "deadlines"));
        return builder.build();
    }

    /** reports.raw → analysed, versioned outputs. */
    static KStream<String, Envelope> reportStage(StreamsBuilder builder, ReportAnalyzer analyzer, WireRecords records,
                                                 ProcessorMetrics metrics) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ReportVersioner.STORE),
                Serdes.String(), JsonSerde.of(ReportState.class)).withLoggingEnabled(Map.of()));
        return builder.stream(Topics.REPORTS_RAW, Consumed.with(Serdes.String(), WireSerdes.RAW_REPORT).withName("read-reports-raw"))
                .process(() -> new ReportVersioner(analyzer, records, metrics), Named.as("version-reports"), ReportVersioner.STORE);
    }

    /** Issue events, regrouped by inspected unit → raised and resolved overdue alerts. */
    static KStream<String, AlertRecord> deadlineStage(KStream<String, DeadlineEvent> events, int windowMonths, ZoneId zone,
                                                      Duration punctuation, ProcessorMetrics metrics) {
        return events
                .repartition(Repartitioned.<String, DeadlineEvent>as("issues-by-unit")
                        .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(DeadlineEvent.class)))
                .process(() -> new DeadlineTracker(new OverdueRules(windowMonths), zone, punctuation, metrics),
                        Named.as("track-deadlines"), DeadlineTracker.STORE);
    }

    /** The tracker's persistent store, with a changelog so alerts survive restarts without repeating. */
    static void addDeadlineStore(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DeadlineTracker.STORE),
                Serdes.String(), JsonSerde.of(TrackedIssue.class)).withLoggingEnabled(Map.of()));
    }
}
