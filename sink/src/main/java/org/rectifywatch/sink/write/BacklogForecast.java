package org.rectifywatch.sink.write;

import java.util.ArrayDeque;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * How soon the processor will have worked through its input, from the drain check's looks: per partition of its input,
 * what its group committed over the last few seconds against what is left; the input has run out when its last
 * partition has (each is worked by one task, so a partition whose thread has more to do ends later than the total pace
 * would say). The sink refreshes a backlog's documents ahead of its end when that end is nearer than their refresh
 * would take (see {@link Refresher#aheadOfTheEnd}), so that the refresh runs beside the last of the work instead of
 * after it. Pure: fed one look at a time.
 */
final class BacklogForecast {
    /** The pace is read over at most this long, and at least {@link #MIN_SPAN_MS}: commits come in steps. */
    static final long WINDOW_MS = 3_000;
    static final long MIN_SPAN_MS = 500;

    private record Seen(long at, Map<TopicPartition, Long> committed) {
    }

    /** Looks within the window, oldest first. */
    private final ArrayDeque<Seen> looks = new ArrayDeque<>();

    /**
     * Milliseconds until the upstream input runs out at the pace of the last few seconds, or {@link Long#MAX_VALUE}
     * when it cannot be told (too few looks, a partition with work left and no progress, or no upstream watched); 0
     * when nothing is left.
     */
    long millisToDrain(InputLook look) {
        if (look.upstreamEnds().isEmpty()) {
            return Long.MAX_VALUE;
        }
        Map<TopicPartition, Long> committed = look.upstreamCommitted();
        if (!looks.isEmpty() && wentBack(looks.peekLast().committed(), committed)) {
            looks.clear(); // the group was reset or its input recreated: the pace so far says nothing
        }
        looks.addLast(new Seen(look.at(), Map.copyOf(committed)));
        while (looks.size() > 2 && look.at() - looks.peekFirst().at() > WINDOW_MS) {
            looks.removeFirst();
        }
        Seen first = looks.peekFirst();
        long span = look.at() - first.at();
        long millis = 0;
        for (var end : look.upstreamEnds().entrySet()) {
            long now = committed.getOrDefault(end.getKey(), 0L);
            long left = end.getValue() - now;
            if (left <= 0) {
                continue;
            }
            long done = now - first.committed().getOrDefault(end.getKey(), 0L);
            if (span < MIN_SPAN_MS || done <= 0) {
                return Long.MAX_VALUE;
            }
            millis = Math.max(millis, (long) Math.ceil((double) left * span / done));
        }
        return millis;
    }

    private static boolean wentBack(Map<TopicPartition, Long> before, Map<TopicPartition, Long> now) {
        return before.entrySet().stream().anyMatch(e -> now.getOrDefault(e.getKey(), 0L) < e.getValue());
    }
}
