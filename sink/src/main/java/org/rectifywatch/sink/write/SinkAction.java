package org.rectifywatch.sink.write;

import java.nio.charset.StandardCharsets;

/**
 * What one consumed record becomes: an index or delete of one document with its external version, or a
 * rejection that goes straight to the dead-letter topic (a value that is not a valid wire record).
 */
public record SinkAction(Op op, String index, String id, long version, byte[] source, Origin origin,
                         String rejectReason, String rejectDetail) {

    public enum Op { INDEX, DELETE, REJECT }

    /** Where the record came from, with its original bytes for the dead-letter topic. */
    public record Origin(String topic, int partition, long offset, byte[] key, byte[] value) {
        public String describe() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    public static SinkAction index(String index, String id, long version, byte[] source, Origin origin) {
        return new SinkAction(Op.INDEX, index, id, version, source, origin, null, null);
    }

    public static SinkAction delete(String index, String id, long version, Origin origin) {
        return new SinkAction(Op.DELETE, index, id, version, null, origin, null, null);
    }

    public static SinkAction reject(Origin origin, String reason, String detail) {
        return new SinkAction(Op.REJECT, null, null, 0, null, origin, reason, detail);
    }

    /** Approximate bytes this action adds to a bulk body. */
    public int bulkBytes() {
        return 120 + (id == null ? 0 : id.getBytes(StandardCharsets.UTF_8).length) + (source == null ? 0 : source.length);
    }
}
