package org.rectifywatch.model.json;

import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for a wire record. Deserialisation failures throw {@link SerializationException} naming the
 * record type, so Kafka Streams' deserialization handler can route the record to a dead-letter topic.
 * A null value (tombstone) stays null both ways.
 */
public final class JsonSerde<T> implements Serde<T> {
    private final Class<T> type;

    private JsonSerde(Class<T> type) {
        this.type = type;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> data == null ? null : Json.bytes(data);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return Json.MAPPER.readValue(data, type);
            } catch (IOException e) {
                throw new SerializationException("record on " + topic + " is not a valid " + type.getSimpleName()
                        + " JSON document (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
            }
        };
    }
}
