package org.rectifywatch.model.wire;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Header names of dead-letter records. A dead letter keeps the original key and value bytes untouched;
 * why it was refused travels in these headers, so the record can be replayed once the cause is fixed.
 */
public final class DeadLetters {
    /** Machine-readable reason, e.g. NOT_A_REPORT, DESERIALIZATION, ES_REJECTED. */
    public static final String REASON = "rectify.dlq.reason";
    /** Human-readable explanation: what was wrong and what to do. */
    public static final String DETAIL = "rectify.dlq.detail";
    /** The stage that refused the record: processor, sink. */
    public static final String STAGE = "rectify.dlq.stage";
    /** Topic, partition and offset the record came from. */
    public static final String SOURCE = "rectify.dlq.source";

    private DeadLetters() {
    }

    public static void add(Headers headers, String reason, String stage, String detail, String source) {
        headers.remove(REASON).remove(STAGE).remove(DETAIL).remove(SOURCE);
        headers.add(REASON, bytes(reason));
        headers.add(STAGE, bytes(stage));
        headers.add(DETAIL, bytes(detail == null ? "" : truncate(detail, 4000)));
        if (source != null) {
            headers.add(SOURCE, bytes(source));
        }
    }

    /** Header Kafka Streams' own dead-letter records carry the exception class in. */
    public static final String STREAMS_EXCEPTION = "__streams.errors.exception";
    /** Header Kafka Streams' own dead-letter records carry the exception message in. */
    public static final String STREAMS_MESSAGE = "__streams.errors.message";

    /** The reason of a dead letter, whether the pipeline or Kafka Streams' own handlers wrote it. */
    public static String reason(Headers headers) {
        String r = get(headers, REASON);
        return r != null ? r : get(headers, STREAMS_EXCEPTION);
    }

    public static String get(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
