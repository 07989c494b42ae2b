package org.rectifywatch.processor.topology;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Record;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.json.JsonSerde;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.processor.deadline.DeadlineEvent;
import org.rectifywatch.processor.publication.InspectionEvent;

/**
 * Checks the outputs of one input against the limits of the topics they go to, before any is forwarded. Under
 * exactly-once a record the producer or broker refuses makes the whole transaction abort, and the same input
 * would be processed again for ever; a version whose output cannot be written is dead-lettered instead.
 */
final class OutputSizes {
    /** Room for the record's framing in its batch (offsets, lengths, timestamps: well under this). */
    static final int FRAMING_BYTES = 1024;
    static final String PAGES_BY_UNIT = "pages-by-unit";
    static final String ISSUES_BY_UNIT = "issues-by-unit";
    static final String INSPECTIONS_BY_UNIT = "inspections-by-unit";

    private static final Serializer<PageEvent> PAGE = JsonSerde.of(PageEvent.class).serializer();
    private static final Serializer<DeadlineEvent> DEADLINE = JsonSerde.of(DeadlineEvent.class).serializer();
    private static final Serializer<InspectionEvent> INSPECTION = JsonSerde.of(InspectionEvent.class).serializer();

    private OutputSizes() {
    }

    /** The first output too large for its destination, described (what, key, topic, size, limit); empty if all fit. */
    static Optional<String> firstOversized(List<Record<String, Envelope>> outputs, RecordLimits limits) {
        for (Record<String, Envelope> r : outputs) {
            Envelope e = r.value();
            String topic = topic(e.kind());
            byte[] value = e.bytes();
            if (value == null) {
                continue;
            }
            long size = (long) value.length + FRAMING_BYTES + (r.key() == null ? 0 : r.key().getBytes(StandardCharsets.UTF_8).length);
            for (Header h : r.headers()) {
                size += h.key().length() + (h.value() == null ? 0 : h.value().length);
            }
            int limit = limits.of(topic);
            if (size > limit) {
                return Optional.of(e.kind().name().toLowerCase().replace('_', ' ') + " " + r.key() + " for " + topic + " is "
                        + size + " bytes, over that topic's limit of " + limit + " bytes");
            }
        }
        return Optional.empty();
    }

    static String topic(Envelope.Kind kind) {
        return switch (kind) {
            case REPORT -> Topics.REPORTS_PARSED;
            case ISSUE, ISSUE_DELETED -> Topics.ISSUES_CLASSIFIED;
            case DEAD_LETTER -> Topics.REPORTS_DLQ;
            case PAGE_HANDOVER -> Topics.REPORTS_HANDOVER;
            case PAGE -> PAGES_BY_UNIT;
            case DEADLINE -> ISSUES_BY_UNIT;
            case INSPECTION -> INSPECTIONS_BY_UNIT;
        };
    }

    static byte[] value(String topic, Envelope e) {
        return switch (e.kind()) {
            case REPORT -> WireSerdes.REPORT.serializer().serialize(topic, e.report());
            case ISSUE -> WireSerdes.ISSUE.serializer().serialize(topic, e.issue());
            case ISSUE_DELETED -> null;
            case DEAD_LETTER -> e.deadLetter();
            case PAGE, PAGE_HANDOVER -> PAGE.serialize(topic, e.page());
            case DEADLINE -> DEADLINE.serialize(topic, e.deadline());
            case INSPECTION -> INSPECTION.serialize(topic, e.inspection());
        };
    }
}
