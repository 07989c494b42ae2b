package org.rectifywatch.sink.write;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.ReportRecord;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.sink.config.SinkConfig;
import org.rectifywatch.sink.index.DocumentMapper;
import org.rectifywatch.sink.index.IndexNames;
import org.rectifywatch.sink.index.IssueDocuments;
import org.rectifywatch.sink.index.LogicalIndex;

/**
 * Turns a consumed record into a {@link SinkAction}.
 *
 * <p><b>Ids and versions.</b> {@code _id} is the record key (report, issue or alert id — stable across
 * re-processing). The external version is the record's offset + 1: a key always lands in the same partition,
 * so offsets grow per key, and a replay or a redelivery after a crash carries the same or a lower version than
 * what is indexed; Elasticsearch answers 409 and the document stays as it is (counted as {@code stale}).
 * A tombstone (null value) deletes with its own, higher, version, and a later re-creation of the id has a
 * higher offset still. Consequence: recreating a topic (offsets back to 0) needs a fresh index version.
 */
public final class RecordRouter {
    private final Map<String, Route> routes;

    private record Route(String index, Function<byte[], byte[]> toDocument) {
    }

    public RecordRouter(SinkConfig config) {
        IndexNames names = new IndexNames(config.indexPrefix());
        IssueDocuments issues = IssueDocuments.fromTemplate();
        // issues are most of the traffic and their record bytes are their documents; reports and alerts are mapped
        this.routes = Map.of(
                config.reportsTopic(), new Route(names.alias(LogicalIndex.REPORTS), v -> Json.bytes(
                        DocumentMapper.report(WireSerdes.REPORT.deserializer().deserialize(config.reportsTopic(), v), Instant.now()))),
                config.issuesTopic(), new Route(names.alias(LogicalIndex.ISSUES), v -> issues.document(v, Instant.now())),
                config.alertsTopic(), new Route(names.alias(LogicalIndex.ALERTS), v -> Json.bytes(
                        DocumentMapper.alert(WireSerdes.ALERT.deserializer().deserialize(config.alertsTopic(), v), Instant.now()))));
    }

    public static Class<?> valueType(SinkConfig c, String topic) {
        return topic.equals(c.reportsTopic()) ? ReportRecord.class : topic.equals(c.issuesTopic()) ? IssueRecord.class : AlertRecord.class;
    }

    public SinkAction route(ConsumerRecord<byte[], byte[]> r) {
        SinkAction.Origin origin = new SinkAction.Origin(r.topic(), r.partition(), r.offset(), r.key(), r.value());
        Route route = routes.get(r.topic());
        if (route == null) {
            return SinkAction.reject(origin, "UNKNOWN_TOPIC", "the sink has no index for topic " + r.topic());
        }
        if (r.key() == null || r.key().length == 0) {
            return SinkAction.reject(origin, "NO_KEY", "record " + origin.describe()
                    + " has no key, so it has no document id: the producer must key records by id");
        }
        String id = new String(r.key(), StandardCharsets.UTF_8);
        long version = r.offset() + 1;
        if (r.value() == null) {
            return SinkAction.delete(route.index(), id, version, origin);
        }
        try {
            return SinkAction.index(route.index(), id, version, route.toDocument().apply(r.value()), origin);
        } catch (RuntimeException e) {
            return SinkAction.reject(origin, "DESERIALIZATION", "record " + origin.describe() + " (key " + id
                    + ") cannot be read: " + e.getMessage());
        }
    }
}
