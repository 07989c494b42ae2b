package org.rectifywatch.sink.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a document indexed under an older mapping version of its index becomes one of the current version, while
 * {@link IndexSetup} copies it to the new concrete index. Pure.
 */
public final class IndexMigrations {
    private IndexMigrations() {
    }

    /** The document of mapping version {@code from} as the current version of {@code index} holds it. */
    public static ObjectNode migrate(LogicalIndex index, int from, ObjectNode source) {
        ObjectNode doc = source.deepCopy();
        if (index == LogicalIndex.ALERTS && from < 2) {
            alertsV1ToV2(doc);
        }
        return doc;
    }

    /**
     * v1 held raised and resolved alerts with a stored {@code days_overdue} and {@code resolved_at}; v2 holds the
     * latest transition of an alert: {@code resolved_at} becomes {@code closed_at}, {@code days_overdue} is no
     * longer stored (it is counted from {@code due_date} when read), and {@code updated_at} is the last change known.
     */
    private static void alertsV1ToV2(ObjectNode doc) {
        JsonNode resolvedAt = doc.remove("resolved_at");
        doc.remove("days_overdue");
        if (isNull(doc.get("closed_at")) && !isNull(resolvedAt)) {
            doc.set("closed_at", resolvedAt);
        }
        if (isNull(doc.get("updated_at"))) {
            doc.set("updated_at", isNull(doc.get("closed_at")) ? doc.get("raised_at") : doc.get("closed_at"));
        }
    }

    private static boolean isNull(JsonNode n) {
        return n == null || n.isNull();
    }
}
