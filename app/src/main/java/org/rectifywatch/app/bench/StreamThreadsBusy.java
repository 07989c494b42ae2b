package org.rectifywatch.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When each stream thread last worked, sampled between the benchmark's polls: a backfill's end waits for its
 * slowest thread (one whose partitions held more of the work) and then for the sink and a refresh, with cores idle.
 */
final class StreamThreadsBusy {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Pattern STREAM_THREAD = Pattern.compile("-(StreamThread-\\d+)$");
    /** A thread counts as working in a sample when it used at least this share of the interval's wall time. */
    private static final double BUSY_SHARE = 0.2;

    private final Map<String, Long> firstCpu = new TreeMap<>();
    private final Map<String, Long> lastCpu = new TreeMap<>();
    private final Map<String, Double> busyUntil = new TreeMap<>();
    /** Reports handled by each sample's time (seconds into the window). */
    private final TreeMap<Double, Long> handledAt = new TreeMap<>();
    private double lastAt = Double.NaN;

    /** Takes a sample at {@code at} seconds into the window, when {@code handled} reports were handled in all. */
    void sample(double at, long handled) {
        handledAt.put(at, handled);
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            Matcher m = infos[i] == null ? null : STREAM_THREAD.matcher(infos[i].getThreadName());
            if (m == null || !m.find()) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(ids[i]);
            firstCpu.putIfAbsent(m.group(1), cpu);
            Long before = lastCpu.put(m.group(1), cpu);
            if (before != null && !Double.isNaN(lastAt) && cpu - before >= BUSY_SHARE * (at - lastAt) * 1e9) {
                busyUntil.put(m.group(1), at);
            }
        }
        lastAt = at;
    }

    /**
     * The backfill's rate while every stream thread still had work, from the window's start ({@code handledAtStart}
     * reports handled) to when the first of them ran out; NaN when too short to tell.
     */
    double rateWhileAllWorked(long handledAtStart) {
        double until = firstRanOut();
        Map.Entry<Double, Long> at = Double.isNaN(until) ? null : handledAt.floorEntry(until);
        return at == null || until <= 0 ? Double.NaN : (at.getValue() - handledAtStart) / until;
    }

    /** When the first stream thread ran out of work (seconds into the window), NaN when none was seen at work. */
    double firstRanOut() {
        return busyUntil.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** When the last stream thread ran out of work (seconds into the window), NaN when none was seen at work. */
    double lastRanOut() {
        return busyUntil.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    String describe() {
        List<String> parts = new ArrayList<>();
        // the CPU each used tells a thread with more work from one that got less of the cores
        busyUntil.forEach((thread, at) -> parts.add(String.format(Locale.ROOT, "%s last worked at %.1f s (CPU %.1f s)", thread, at,
                (lastCpu.get(thread) - firstCpu.get(thread)) / 1e9)));
        return parts.isEmpty() ? "no stream thread sampled at work" : String.join(", ", parts);
    }
}
