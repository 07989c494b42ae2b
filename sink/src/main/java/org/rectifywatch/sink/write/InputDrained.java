package org.rectifywatch.sink.write;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when the sink's input has run dry, from what the broker says about the partitions it reads. A consumer reading
 * committed records stops at the first open transaction and cannot tell "between two of the processor's transactions"
 * (a backlog, committed once a second) from "nothing more to come": only the partitions' high watermarks, which count
 * what open transactions wrote as well, can. The input is drained when every partition has been read to its high
 * watermark — nothing unread, no transaction open upstream — twice, {@code confirmMillis} apart, with nothing read in
 * between: the processor starts its next transaction a moment after committing one, and a single look could fall into
 * that moment. Pure: fed one observation at a time by the sink's loop.
 */
public final class InputDrained {
    private final long confirmMillis;
    private Map<TopicPartition, Long> idlePositions;
    private long idleSince;

    public InputDrained(long confirmMillis) {
        this.confirmMillis = confirmMillis;
    }

    /**
     * One observation, taken at {@code at}: the positions the sink had read to and had written everything before, and
     * the partitions' high watermarks asked for after. True once the input is drained; the next observation starts over.
     */
    public boolean observe(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> highWatermarks, long at) {
        if (!readToTheEnd(positions, highWatermarks)) {
            reset();
            return false;
        }
        if (!positions.equals(idlePositions)) {
            idlePositions = Map.copyOf(positions);
            idleSince = at;
            if (confirmMillis > 0) {
                return false;
            }
        } else if (at - idleSince < confirmMillis) {
            return false;
        }
        reset();
        return true;
    }

    /** Forgets an idle observation (something was read or written since). */
    public void reset() {
        idlePositions = null;
    }

    private static boolean readToTheEnd(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> highWatermarks) {
        if (positions.isEmpty()) {
            return false;
        }
        for (Map.Entry<TopicPartition, Long> e : positions.entrySet()) {
            Long end = highWatermarks.get(e.getKey());
            if (end == null || end > e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
