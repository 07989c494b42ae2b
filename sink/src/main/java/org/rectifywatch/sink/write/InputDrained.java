package org.rectifywatch.sink.write;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when the sink's input has run dry. A consumer reading committed records stops at the first open transaction
 * and cannot tell "between two of the processor's transactions" (a backlog, committed once a second) from "nothing
 * more to come"; nor can the sink's own partitions tell a processor that is busy analysing reports and has written
 * nothing for them yet. So the input is drained when the processor's group has committed all of its input
 * ({@link InputLook#upstreamCommittedToTheEnd}) and every partition the sink reads is read to its high watermark, which
 * counts what open transactions wrote ({@link InputLook#sinkReadToTheEnd}) — twice, {@code confirmMillis} apart, with
 * nothing read in between: the processor commits its input a moment before it writes what that input made, and a
 * single look could fall into that moment. Pure: fed one look at a time by the sink's loop.
 */
public final class InputDrained {
    private final long confirmMillis;
    private Map<TopicPartition, Long> idlePositions;
    private long idleSince;

    public InputDrained(long confirmMillis) {
        this.confirmMillis = confirmMillis;
    }

    /** True once the input is drained; the next look starts over. */
    public boolean observe(InputLook look) {
        if (!look.sinkReadToTheEnd() || !look.upstreamCommittedToTheEnd()) {
            reset();
            return false;
        }
        if (!look.positions().equals(idlePositions)) {
            idlePositions = Map.copyOf(look.positions());
            idleSince = look.at();
            if (confirmMillis > 0) {
                return false;
            }
        } else if (look.at() - idleSince < confirmMillis) {
            return false;
        }
        reset();
        return true;
    }

    /** Forgets an idle look (something was read or written since). */
    public void reset() {
        idlePositions = null;
    }
}
