package org.rectifywatch.sink.write;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** Takes {@link InputLook}s without blocking the caller. */
@FunctionalInterface
public interface InputProbe {
    /** Where the input stands now, for the sink that has read to {@code positions} at {@code at}. */
    CompletionStage<InputLook> look(Map<TopicPartition, Long> positions, long at);

    /**
     * As the broker answers: {@code ListOffsets} for the latest offsets reading uncommitted (the high watermarks) of the
     * sink's partitions and of the upstream topic's, and the upstream group's committed offsets.
     */
    static InputProbe of(Admin admin, DrainCheck check) {
        return (positions, at) -> upstreamPartitions(admin, check).thenCompose(upstream -> {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            positions.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            upstream.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            CompletionStage<Map<TopicPartition, Long>> ends = admin.listOffsets(latest,
                    new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().toCompletionStage().thenApply(answers -> {
                        Map<TopicPartition, Long> out = new HashMap<>();
                        answers.forEach((tp, info) -> out.put(tp, info.offset()));
                        return out;
                    });
            CompletionStage<Map<TopicPartition, Long>> committed = upstream.isEmpty() ? CompletableFuture.completedFuture(Map.of())
                    : admin.listConsumerGroupOffsets(check.upstreamGroup()).partitionsToOffsetAndMetadata().toCompletionStage()
                    .thenApply(offsets -> {
                        Map<TopicPartition, Long> out = new HashMap<>();
                        offsets.forEach((tp, om) -> {
                            if (om != null && upstream.contains(tp)) {
                                out.put(tp, om.offset());
                            }
                        });
                        return out;
                    });
            return ends.thenCombine(committed, (end, done) -> {
                Map<TopicPartition, Long> sinkEnds = new HashMap<>();
                Map<TopicPartition, Long> upstreamEnds = new HashMap<>();
                end.forEach((tp, offset) -> {
                    if (positions.containsKey(tp)) {
                        sinkEnds.put(tp, offset);
                    }
                    if (upstream.contains(tp)) {
                        upstreamEnds.put(tp, offset);
                    }
                });
                return new InputLook(positions, sinkEnds, done, upstreamEnds, at);
            });
        });
    }

    /** The upstream topic's partitions, asked each time: partitions added later are watched too. */
    private static CompletionStage<Set<TopicPartition>> upstreamPartitions(Admin admin, DrainCheck check) {
        if (!check.watchesUpstream()) {
            return CompletableFuture.completedFuture(Set.of());
        }
        String topic = check.upstreamTopic();
        return admin.describeTopics(List.of(topic)).allTopicNames().toCompletionStage().thenApply(described -> {
            Set<TopicPartition> out = new HashSet<>();
            described.get(topic).partitions().forEach(p -> out.add(new TopicPartition(topic, p.partition())));
            return out;
        });
    }
}
