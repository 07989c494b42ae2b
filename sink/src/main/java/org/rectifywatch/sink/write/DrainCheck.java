package org.rectifywatch.sink.write;

import java.time.Duration;

/**
 * How the sink tells that a backlog has run out (see {@link InputDrained}): every {@code every} while a refresh waits
 * it looks at its own partitions and at how far {@code upstreamGroup} (the processor) has committed its input
 * {@code upstreamTopic}. Without an upstream group it looks at its own partitions only, which cannot see a processor
 * busy analysing reports without writing anything yet.
 *
 * @param every         how often to look; zero: never (only the quiet time ends a backlog's wait)
 * @param upstreamGroup the consumer group whose input must be committed to its end; empty: none
 * @param upstreamTopic that group's input topic
 */
public record DrainCheck(Duration every, String upstreamGroup, String upstreamTopic) {
    public static final DrainCheck OFF = new DrainCheck(Duration.ZERO, "", "");

    public DrainCheck {
        if (every.isNegative()) {
            throw new IllegalArgumentException("the drain check interval must be >= 0, got " + every);
        }
        if (!upstreamGroup.isEmpty() && upstreamTopic.isEmpty()) {
            throw new IllegalArgumentException("an upstream group (" + upstreamGroup + ") needs its input topic");
        }
    }

    public boolean enabled() {
        return !every.isZero();
    }

    public boolean watchesUpstream() {
        return !upstreamGroup.isEmpty();
    }
}
