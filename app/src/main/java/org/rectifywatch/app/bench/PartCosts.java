package org.rectifywatch.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.processor.report.ContentSignature;
import org.rectifywatch.processor.report.IssueIdentity;
import org.rectifywatch.processor.report.ReportAnalyzer;
import org.rectifywatch.processor.report.WireRecords;

/**
 * The parts of {@link Ceiling} measured alone on the running stack: CPU over a window (this process, its broker
 * threads, the Elasticsearch process tree), net of the background those use with nothing to do.
 */
final class PartCosts {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Duration READ_BACK_LIMIT = Duration.ofMinutes(5);
    /** The solo analysis is warm once its compiler threads use at most this share of the process's CPU in a window. */
    static final double JIT_SETTLED_SHARE = 0.05;

    private PartCosts() {
    }

    /** CPU seconds per second of wall time that each side uses with nothing to do. */
    record Background(double process, double broker, double elasticsearch) {
        String describe() {
            return String.format(java.util.Locale.ROOT, "this process %.0f ms/s (of which broker %.0f ms/s), Elasticsearch %.0f ms/s",
                    1000 * process, 1000 * broker, 1000 * elasticsearch);
        }
    }

    /** CPU between {@link #start()} and {@link #stop()}; the net figures take the background's share out. */
    static final class Window {
        private final Supplier<Duration> elasticsearchCpu;
        private CpuUse.Snapshot from;
        private CpuUse.Snapshot to;

        Window(Supplier<Duration> elasticsearchCpu) {
            this.elasticsearchCpu = elasticsearchCpu;
        }

        Window start() {
            from = CpuUse.take(elasticsearchCpu);
            return this;
        }

        Window stop() {
            to = CpuUse.take(elasticsearchCpu);
            return this;
        }

        double wall() {
            return CpuUse.wallSeconds(from, to);
        }

        double process() {
            return CpuUse.processSeconds(from, to);
        }

        double broker() {
            return CpuUse.seconds(from, to).get(CpuUse.BROKER);
        }

        double elasticsearch() {
            return CpuUse.seconds(from, to).get(CpuUse.ELASTICSEARCH);
        }

        /** CPU seconds of the JVM's GC and JIT threads. */
        Map<String, Double> jvm() {
            return CpuUse.jvmSeconds(from, to);
        }

        double netProcess(Background b) {
            return Math.max(0, process() - b.process() * wall());
        }

        double netBroker(Background b) {
            return Math.max(0, broker() - b.broker() * wall());
        }

        double netElasticsearch(Background b) {
            return Math.max(0, elasticsearch() - b.elasticsearch() * wall());
        }

        Background asBackground() {
            return new Background(process() / wall(), broker() / wall(), elasticsearch() / wall());
        }
    }

    /** The background CPU rates over {@code length} of doing nothing. */
    static Background background(Supplier<Duration> elasticsearchCpu, Duration length) throws InterruptedException {
        Window w = new Window(elasticsearchCpu).start();
        Thread.sleep(length.toMillis());
        return w.stop().asBackground();
    }

    /**
     * What the processor does per report beyond I/O: analyse, sign the body (as the page stage does inside the time it
     * counts as the analysis), assign issue ids, build the issue records.
     */
    static int analyse(ReportAnalyzer analyzer, WireRecords wire, RawReport raw) {
        ParsedReport p = analyzer.analyze(raw);
        blackhole = ContentSignature.of(raw.text());
        List<String> ids = IssueIdentity.assign("rsolo", List.of(), p.issues()).ids();
        for (int i = 0; i < p.issues().size(); i++) {
            blackhole = wire.issue(ids.get(i), "rsolo", 1, raw, p, p.issues().get(i), Instant.EPOCH);
        }
        return p.issues().size();
    }

    private static volatile Object blackhole;

    /**
     * One solo analysis window: reports analysed, this thread's CPU seconds, the whole process's window, which window
     * it was and whether it agreed with the one before (warm).
     */
    record Solo(long reports, double threadSeconds, Window window, int windows, boolean settled, List<Double> trace) {
        double processPerReport(Background b) {
            return window.netProcess(b) / reports;
        }
    }

    /**
     * Analyses reports of {@code pool} (built beforehand, so that only the analysis is measured) on this thread, in
     * whole rounds of {@code round} reports (the backfill's mix) for at least {@code length} a window, window after
     * window until two in a row cost the same within 10 % of CPU per report and the JIT compilers take at most 5 % of
     * the window's CPU (warm), at most
     * {@code maxWindows}; returns the last.
     */
    static Solo solo(ReportAnalyzer analyzer, WireRecords wire, List<RawReport> pool, int round, Duration length,
                     Supplier<Duration> elasticsearchCpu, Background background, int maxWindows) {
        if (round <= 0 || pool.size() % round != 0) {
            throw new IllegalArgumentException("the solo pool holds " + pool.size() + " reports, not whole rounds of " + round);
        }
        Solo last = null;
        int next = 0;
        List<Double> trace = new ArrayList<>(); // whole-process CPU seconds per report, window by window
        for (int w = 1; w <= maxWindows; w++) {
            Window window = new Window(elasticsearchCpu).start();
            long thread0 = THREADS.getCurrentThreadCpuTime();
            long n = 0;
            do {
                for (int i = 0; i < round; i++, n++, next = (next + 1) % pool.size()) {
                    analyse(analyzer, wire, pool.get(next));
                }
            } while (System.nanoTime() - window.from.wallNanos() < length.toNanos());
            double thread = (THREADS.getCurrentThreadCpuTime() - thread0) / 1e9;
            window.stop();
            // warm: the cost per report agrees with the window before, and the JIT compilers have (nearly) stopped; a run
            // of windows can agree while C2 still compiles the analysis at half a core, which the ceiling then counted
            boolean settled = last != null && Math.abs(window.netProcess(background) / n - last.processPerReport(background))
                    <= 0.1 * last.processPerReport(background)
                    && window.jvm().getOrDefault(CpuUse.JIT, 0.0) <= JIT_SETTLED_SHARE * window.process();
            trace.add(window.netProcess(background) / n);
            Solo s = new Solo(n, thread, window, w, settled, List.copyOf(trace));
            if (settled) {
                return s;
            }
            last = s;
        }
        return last;
    }

    /**
     * Reads {@code topic} once from the beginning to its current end with one plain consumer (no group, bytes not
     * deserialised) and returns the records read; fails when it holds another count than {@code expected}.
     */
    static long readAll(String bootstrap, String topic, long expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + READ_BACK_LIMIT.toNanos();
            long n = 0;
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                n += c.poll(Duration.ofMillis(200)).count();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " back took more than " + READ_BACK_LIMIT + ": " + n
                            + " of " + expected + " records read");
                }
            }
            if (n != expected) {
                throw new IllegalStateException(topic + " read back " + n + " records, expected " + expected
                        + ": the broker's cost per record would be wrong");
            }
            return n;
        }
    }

    /** Writes the issue records to {@code topic} as the processor serialises them, every one acknowledged. */
    static void publishIssues(String bootstrap, String topic, List<IssueRecord> records) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, IssueRecord> producer = new KafkaProducer<>(p, new StringSerializer(), WireSerdes.ISSUE.serializer())) {
            List<Future<?>> sent = new ArrayList<>(records.size());
            for (IssueRecord r : records) {
                sent.add(producer.send(new ProducerRecord<>(topic, r.issueId(), r)));
            }
            for (Future<?> f : sent) {
                f.get(); // a lost record would undercount the broker's work
            }
        }
    }
}
