package org.rectifywatch.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Where the CPU went during a measured interval: this JVM's threads grouped by the part of the pipeline they
 * belong to (by thread name), and the local Elasticsearch process tree. Tells a CPU-bound benchmark what bounds it.
 */
final class CpuUse {
    static final String PROCESSOR = "processor";
    static final String ELASTICSEARCH = "Elasticsearch";
    static final String SINK = "sink";
    static final String CLIENT = "benchmark client";
    static final String BROKER = "Kafka broker and other";
    static final String JVM = "GC/JIT/ended threads";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * CPU nanoseconds per part, the processor's split by kind of thread, this whole process's CPU nanoseconds, and
     * when (nanoTime) it was taken.
     */
    record Snapshot(Map<String, Long> nanos, Map<String, Long> processorThreads, Map<String, Long> jvmThreads, long processNanos,
                    long wallNanos) {
    }

    private CpuUse() {
    }

    static Snapshot take(Supplier<Duration> elasticsearchCpu) {
        Map<String, Long> nanos = new LinkedHashMap<>();
        nanos.put(PROCESSOR, 0L);
        nanos.put(ELASTICSEARCH, elasticsearchCpu.get().toNanos());
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        Map<String, Long> processorThreads = new LinkedHashMap<>();
        long threads = 0;
        for (int i = 0; i < ids.length; i++) {
            long cpu = THREADS.getThreadCpuTime(ids[i]);
            if (infos[i] != null && cpu > 0) {
                String name = infos[i].getThreadName();
                String part = part(name);
                nanos.merge(part, cpu, Long::sum);
                if (part.equals(PROCESSOR)) {
                    processorThreads.merge(processorThread(name), cpu, Long::sum);
                }
                threads += cpu;
            }
        }
        // the rest of this process: garbage collection, JIT compilation, threads that have ended
        long process = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
        nanos.put(JVM, Math.max(0, process - threads));
        return new Snapshot(nanos, processorThreads, jvmThreads(), process, System.nanoTime());
    }

    /** The part of the pipeline a thread of this process works for. */
    static String part(String thread) {
        if (thread.contains("StreamThread") || thread.contains("StateUpdater")) {
            return PROCESSOR; // stream threads, their producers' network threads and the state restoring thread
        }
        if (thread.startsWith("sink") || thread.startsWith("elasticsearch-rest-client")) {
            return SINK;
        }
        if (thread.startsWith("main") || thread.startsWith("pool-") || thread.contains("producer-")) {
            return CLIENT;
        }
        return BROKER;
    }

    static final String STREAM_THREADS = "stream threads";
    static final String GC = "GC";
    static final String JIT = "JIT";
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

    /**
     * CPU nanoseconds of the JVM's own threads, which the thread MXBean does not list: garbage collection (and the VM
     * thread that runs its pauses) and the JIT compilers, read from /proc; empty where there is none.
     */
    static Map<String, Long> jvmThreads() {
        return jvmThreads(TASKS);
    }

    /** The JIT compilers' CPU nanoseconds in the given processes (another JVM: the local Elasticsearch), from /proc. */
    static long compilerNanos(List<Long> pids) {
        long sum = 0;
        for (long pid : pids) {
            sum += jvmThreads(Path.of("/proc", Long.toString(pid), "task")).getOrDefault(JIT, 0L);
        }
        return sum;
    }

    private static Map<String, Long> jvmThreads(Path taskDir) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (!Files.isDirectory(taskDir)) {
            return out;
        }
        try (Stream<Path> tasks = Files.list(taskDir)) {
            for (Path task : tasks.toList()) {
                try {
                    String kind = jvmThread(Files.readString(task.resolve("comm")).strip());
                    if (kind != null) {
                        out.merge(kind, ticks(Files.readString(task.resolve("stat"))) * NANOS_PER_TICK, Long::sum);
                    }
                } catch (IOException e) {
                    // the thread ended while being read: its time is in the process total
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** GC, JIT or null, from a thread's name as the kernel shows it (15 characters at most). */
    static String jvmThread(String comm) {
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.equals("VM Thread")) {
            return GC;
        }
        return comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler") ? JIT : null;
    }

    /** User + system clock ticks from a /proc stat line (fields 14 and 15; the name in parentheses may hold spaces). */
    static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** CPU seconds of the JVM's GC and JIT threads between two snapshots. */
    static Map<String, Double> jvmSeconds(Snapshot from, Snapshot to) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String kind : List.of(GC, JIT)) {
            out.put(kind, Math.max(0, to.jvmThreads().getOrDefault(kind, 0L) - from.jvmThreads().getOrDefault(kind, 0L)) / 1e9);
        }
        return out;
    }

    /** The kind of processor thread: the stream threads themselves, their producers' network threads, state restoring. */
    static String processorThread(String thread) {
        if (thread.startsWith("kafka-producer-network-thread")) {
            return "producers' network threads";
        }
        return thread.contains("StateUpdater") ? "state updater" : STREAM_THREADS;
    }

    /** CPU seconds of the processor's kinds of threads between two snapshots. */
    static Map<String, Double> processorSeconds(Snapshot from, Snapshot to) {
        Map<String, Double> out = new LinkedHashMap<>();
        to.processorThreads().forEach((kind, n) -> out.put(kind,
                Math.max(0, n - from.processorThreads().getOrDefault(kind, 0L)) / 1e9));
        return out;
    }

    /** CPU seconds per part between two snapshots (threads that ended in between are not counted). */
    static Map<String, Double> seconds(Snapshot from, Snapshot to) {
        Map<String, Double> out = new LinkedHashMap<>();
        to.nanos().forEach((part, n) -> out.put(part, Math.max(0, n - from.nanos().getOrDefault(part, 0L)) / 1e9));
        return out;
    }

    /** This whole process's CPU seconds between two snapshots, threads that ended in between included. */
    static double processSeconds(Snapshot from, Snapshot to) {
        return Math.max(0, to.processNanos() - from.processNanos()) / 1e9;
    }

    /** Seconds of wall time between two snapshots. */
    static double wallSeconds(Snapshot from, Snapshot to) {
        return (to.wallNanos() - from.wallNanos()) / 1e9;
    }

    static String describe(Snapshot from, Snapshot to, int cores) {
        double wall = (to.wallNanos() - from.wallNanos()) / 1e9;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "CPU used in %.1f s on %d cores (%.0f core-s available):",
                wall, cores, wall * cores));
        Map<String, Double> used = seconds(from, to);
        used.forEach((part, s) -> b.append(String.format(Locale.ROOT, " %s %.1f s (%.0f%%);", part, s,
                100 * s / (wall * cores))));
        double idle = wall * cores - used.values().stream().mapToDouble(Double::doubleValue).sum();
        b.append(String.format(Locale.ROOT, " idle %.1f s (%.0f%%)", Math.max(0, idle), Math.max(0, 100 * idle / (wall * cores))));
        return b.toString();
    }
}
