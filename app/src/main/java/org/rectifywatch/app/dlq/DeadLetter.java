package org.rectifywatch.app.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.rectifywatch.model.wire.DeadLetters;

/** One record of a dead-letter topic, as read: where it sits, its bytes, and what its headers say. */
public record DeadLetter(int partition, long offset, Instant time, byte[] key, byte[] value, Headers headers) {

    /** Header a replayed record carries on its source topic: the dead letter it came from ({@code topic-partition@offset}). */
    public static final String REPLAYED_FROM = "rectify.dlq.replayed";
    static final String STREAMS_TOPIC = "__streams.errors.topic";
    static final String STREAMS_PARTITION = "__streams.errors.partition";
    static final String STREAMS_OFFSET = "__streams.errors.offset";

    public static DeadLetter of(ConsumerRecord<byte[], byte[]> r) {
        return new DeadLetter(r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(), r.value(), r.headers());
    }

    public String keyText() {
        return key == null ? "(no key)" : new String(key, StandardCharsets.UTF_8);
    }

    public String reason() {
        String r = DeadLetters.reason(headers);
        return r == null ? "(no reason)" : r;
    }

    public String stage() {
        String s = DeadLetters.get(headers, DeadLetters.STAGE);
        return s != null ? s : DeadLetters.get(headers, STREAMS_TOPIC) != null ? "streams" : "(unknown)";
    }

    public String detail() {
        String d = DeadLetters.get(headers, DeadLetters.DETAIL);
        return d != null ? d : Optional.ofNullable(DeadLetters.get(headers, DeadLetters.STREAMS_MESSAGE)).orElse("");
    }

    /** Where the refused record came from: the pipeline's source header, else Kafka Streams' error headers. */
    public Optional<SourcePosition> source() {
        String s = DeadLetters.get(headers, DeadLetters.SOURCE);
        if (s != null) {
            return SourcePosition.parse(s);
        }
        String topic = DeadLetters.get(headers, STREAMS_TOPIC);
        if (topic == null || topic.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SourcePosition(topic,
                    Integer.parseInt(Optional.ofNullable(DeadLetters.get(headers, STREAMS_PARTITION)).orElse("-1")),
                    Long.parseLong(Optional.ofNullable(DeadLetters.get(headers, STREAMS_OFFSET)).orElse("-1"))));
        } catch (NumberFormatException e) {
            return Optional.of(new SourcePosition(topic, -1, -1));
        }
    }

    /** Whether this dead letter's own headers say it is a replay that failed again. */
    public boolean carriesReplayMark() {
        return headers.lastHeader(REPLAYED_FROM) != null;
    }

    public String position(String topic) {
        return topic + "-" + partition + "@" + offset;
    }

    /** The value as text (UTF-8; undecodable bytes shown as replacement characters). */
    public String valueText() {
        return value == null ? "(null: a tombstone)" : new String(value, StandardCharsets.UTF_8);
    }

    public static String headerText(Header h) {
        return h.value() == null ? "(null)" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
