package org.rectifywatch.sink.write;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * One look at where the sink's input stands, taken at {@code at}: the positions the sink had read to (everything before
 * them written), the high watermarks of those partitions asked for after (the end of each log including what open
 * transactions wrote), and, upstream, how far the processor's group has committed its input and where that input ends.
 */
public record InputLook(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> highWatermarks,
                        Map<TopicPartition, Long> upstreamCommitted, Map<TopicPartition, Long> upstreamEnds, long at) {

    /** Every partition the sink reads read to its high watermark: nothing unread, no transaction open on it. */
    boolean sinkReadToTheEnd() {
        return !positions.isEmpty() && positions.entrySet().stream().allMatch(e -> {
            Long end = highWatermarks.get(e.getKey());
            return end != null && end <= e.getValue();
        });
    }

    /** The upstream group has committed every partition of its input to the end (one it never committed: from 0). */
    boolean upstreamCommittedToTheEnd() {
        return upstreamEnds.entrySet().stream().allMatch(e -> upstreamCommitted.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }
}
