package org.rectifywatch.sink.write;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions' high watermarks: the end of each log including what open transactions wrote (a consumer reading
 * committed records only sees the last stable offset). Asked without blocking the caller.
 */
@FunctionalInterface
public interface HighWatermarks {
    CompletionStage<Map<TopicPartition, Long>> of(Set<TopicPartition> partitions);

    /** As the broker answers {@code ListOffsets} for the latest offsets, reading uncommitted. */
    static HighWatermarks of(Admin admin) {
        return partitions -> {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().toCompletionStage()
                    .thenApply(answers -> {
                        Map<TopicPartition, Long> out = new HashMap<>();
                        answers.forEach((tp, info) -> out.put(tp, info.offset()));
                        return out;
                    });
        };
    }
}
