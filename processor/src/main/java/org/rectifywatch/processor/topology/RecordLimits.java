package org.rectifywatch.processor.topology;

import java.util.Map;

/**
 * The largest record each destination may take: the smaller of the topic's {@code max.message.bytes} (as the
 * broker has it) and what the producer may send ({@code max.request.size}); a topic not listed (the internal
 * repartition topics, created with the producer's limit) takes the producer's.
 */
public record RecordLimits(Map<String, Integer> topics, int producerMax) {
    public RecordLimits {
        topics = Map.copyOf(topics);
    }

    public static RecordLimits uniform(int producerMax) {
        return new RecordLimits(Map.of(), producerMax);
    }

    public int of(String topic) {
        return Math.min(topics.getOrDefault(topic, producerMax), producerMax);
    }
}
