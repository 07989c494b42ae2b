package org.rectifywatch.processor.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.rectifywatch.model.json.JsonSerde;
import org.rectifywatch.model.report.Commitment;
import org.rectifywatch.processor.deadline.DeadlineEvent;
import org.rectifywatch.processor.deadline.DeadlineSettings;
import org.rectifywatch.processor.deadline.DeadlineTracker;
import org.rectifywatch.processor.deadline.TrackedIssue;
import org.rectifywatch.processor.service.ProcessorMetrics;

/**
 * What the deadline tracker's wall-clock punctuation costs, and whether closed entries leave its state. The tracker
 * runs in a {@link TopologyTestDriver} on its real (RocksDB) stores. The punctuation that raises 100 due alerts is
 * timed with 100,000 tracked issues and, as the baseline in the same run, with 1,000: the cost must follow the
 * 100 due, not the number tracked (ratio near 1). Then 10,000 issues are completed and the clock passes their
 * retention: the tracked state must be empty again.
 * Run: {@code pipeline bench deadlines}.
 */
public final class DeadlineBenchmark {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate START = LocalDate.parse("2026-01-01");
    private static final int DUE_PER_DAY = 100;
    private static final int ROUNDS = 9;

    private DeadlineBenchmark() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    public record Figures(double baselineMs, double largeMs, long entriesBefore, long entriesAfterRetention) {
        public double ratio() {
            return largeMs / baselineMs;
        }
    }

    public static Figures run(PrintStream out) {
        punctuationMs(1_000, new PrintStream(java.io.OutputStream.nullOutputStream())); // warm-up: JIT and RocksDB, not counted
        double large = punctuationMs(100_000, out);
        // the baseline after the large run, on code as warm as the large run's: timed first, it was the slower of
        // the two (17 ms against 2), and a ratio against a cold baseline could not fail
        double baseline = punctuationMs(1_000, out);
        long[] retention = retention(10_000, out);
        unitHistory(out);
        Figures f = new Figures(baseline, large, retention[0], retention[1]);
        out.printf("  tracked entries: %,d completed issues, %,d left after their retention passed%n", f.entriesBefore(),
                f.entriesAfterRetention());
        out.printf("bench deadlines: punctuation raising %d due alerts among 100,000 tracked %.2f ms vs baseline among 1,000 "
                + "tracked %.2f ms = ratio %.2f (bar: <= 2.00); state after retention %d entries (bar: 0)%n",
                DUE_PER_DAY, large, baseline, f.ratio(), f.entriesAfterRetention());
        return f;
    }

    /** Median time of one punctuation that finds {@value #DUE_PER_DAY} issues due, with {@code tracked} issues tracked. */
    private static double punctuationMs(int tracked, PrintStream out) {
        ProcessorMetrics metrics = new ProcessorMetrics();
        try (Bench b = new Bench(DeadlineSettings.defaults().withZone(ZONE), metrics)) {
            long t0 = System.nanoTime();
            int dueIssues = DUE_PER_DAY * (ROUNDS + 1);
            for (int i = 0; i < tracked; i++) {
                // the first (ROUNDS + 1) × 100 fall due one day after another; the rest in years
                LocalDate due = i < dueIssues ? START.plusDays(i / DUE_PER_DAY) : START.plusYears(10).plusDays(i % 365);
                b.upsert(issue(i, due, false));
            }
            double loadS = (System.nanoTime() - t0) / 1e9;
            double[] ms = new double[ROUNDS + 1];
            for (int day = 0; day <= ROUNDS; day++) {
                long before = metrics.alertsRaised.get();
                long s = System.nanoTime();
                b.advanceTo(START.plusDays(day + 1));
                ms[day] = (System.nanoTime() - s) / 1e6;
                if (metrics.alertsRaised.get() - before != DUE_PER_DAY) {
                    throw new IllegalStateException("expected " + DUE_PER_DAY + " alerts on day " + day + ", got "
                            + (metrics.alertsRaised.get() - before));
                }
            }
            // the first punctuation also warms the code: the median of the others
            double[] timed = Arrays.copyOfRange(ms, 1, ms.length);
            Arrays.sort(timed);
            double median = timed[timed.length / 2];
            out.printf("  %,7d tracked: loaded in %.1f s; punctuation raising %d alerts: median %.2f ms of %d (%s)%n", tracked, loadS,
                    DUE_PER_DAY, median, ROUNDS, Arrays.toString(Arrays.stream(timed).map(x -> Math.round(x * 100) / 100.0).toArray()));
            return median;
        }
    }

    private static final int HISTORY_REPORTS = 20;
    private static final int ISSUES_PER_REPORT = 60;
    private static final String[] SUBJECTS = {"党委", "领导班子", "国有企业", "学校", "医院", "街道", "开发区", "水务集团", "交通集团", "财政局"};
    private static final String[] FAULTS = {"主体责任落实不到位", "违规发放津贴补贴", "工程项目管理不规范", "选人用人把关不严",
        "意识形态工作责任制落实有差距", "形式主义官僚主义问题仍然存在", "专项资金使用效益不高", "基层党组织建设薄弱", "安全生产责任落实不到位",
        "巡视整改推进不力", "债务风险防控不力", "违规招投标问题突出"};

    /**
     * A report's issues arriving for a unit with a long history ({@value #HISTORY_REPORTS} earlier reports of
     * {@value #ISSUES_PER_REPORT} issues) against the same report for a new unit: the tracker matches every issue with
     * the unit's other reports, so the history's size is what the first costs.
     */
    private static void unitHistory(PrintStream out) {
        ProcessorMetrics metrics = new ProcessorMetrics();
        try (Bench b = new Bench(DeadlineSettings.defaults().withZone(ZONE), metrics)) {
            for (int round = 0; round < 3; round++) { // warm-up: the same work on other units, not counted
                historyReportMs(b, "/预热" + round, HISTORY_REPORTS);
            }
            double[] fresh = new double[ROUNDS];
            double[] long_ = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                fresh[round] = historyReportMs(b, "/新单位" + round, 0);
                long_[round] = historyReportMs(b, "/老单位" + round, HISTORY_REPORTS);
            }
            Arrays.sort(fresh);
            Arrays.sort(long_);
            double f = fresh[ROUNDS / 2];
            double l = long_[ROUNDS / 2];
            out.printf("  a %d-issue report: into a unit tracking %,d issues of %d earlier reports %.1f ms, into a new unit %.1f ms"
                    + " (medians of %d) = ratio %.1f%n", ISSUES_PER_REPORT, HISTORY_REPORTS * ISSUES_PER_REPORT, HISTORY_REPORTS, l, f,
                    ROUNDS, l / f);
        }
    }

    /** Files {@code history} reports for {@code unit} untimed, then times one more report's issues. */
    private static double historyReportMs(Bench b, String unit, int history) {
        for (int r = 0; r < history; r++) {
            for (int i = 0; i < ISSUES_PER_REPORT; i++) {
                b.upsert(historyIssue(unit, r, i));
            }
        }
        long s = System.nanoTime();
        for (int i = 0; i < ISSUES_PER_REPORT; i++) {
            b.upsert(historyIssue(unit, history, i));
        }
        return (System.nanoTime() - s) / 1e6;
    }

    /**
     * Issue {@code i} of the unit's report {@code r}: problems drawn from a small vocabulary, so reports restate
     * each other's problems; a third of them completed; reports a quarter apart.
     */
    private static TrackedIssue historyIssue(String unit, int r, int i) {
        String problem = SUBJECTS[(i + r) % SUBJECTS.length] + FAULTS[(i * 7 + r) % FAULTS.length] + "，" + FAULTS[i % FAULTS.length];
        String published = START.minusMonths(3L * (HISTORY_REPORTS - r)).toString();
        LocalDate due = START.plusYears(5).plusDays(i);
        String report = unit.substring(1) + "-r" + r;
        return new TrackedIssue(report + "-" + i, report, 1, unit, unit.substring(1), null, "省委第一巡视组", problem, null, null,
                (i + r) % 3 == 0 ? "completed" : "in_progress", List.of(new Commitment("于" + due + "前完成", due.toString())),
                "2020-01-01", published, "https://bench/" + report, "bench", 0, null, List.of(), null, null, null, null, null);
    }

    /** Entries before and after the retention of {@code n} completed issues passed. */
    private static long[] retention(int n, PrintStream out) {
        ProcessorMetrics metrics = new ProcessorMetrics();
        try (Bench b = new Bench(DeadlineSettings.defaults().withZone(ZONE).withRetentionDays(30), metrics)) {
            for (int i = 0; i < n; i++) {
                b.upsert(issue(i, START.plusDays(10), false));
            }
            b.advanceTo(START.plusDays(12));
            for (int i = 0; i < n; i++) {
                b.upsert(issue(i, START.plusDays(10), true));
            }
            long before = b.entries();
            b.advanceTo(START.plusDays(12 + 31));
            out.printf("  retention: %,d alerts raised and resolved, %,d entries pruned%n", metrics.alertsResolved.get(),
                    metrics.entriesPruned.get());
            return new long[] {before, b.entries()};
        }
    }

    private static TrackedIssue issue(int i, LocalDate due, boolean completed) {
        String unit = "/单位" + (i % 1000);
        return new TrackedIssue("r" + i + "-1", "r" + i, completed ? 2 : 1, unit, "单位" + (i % 1000), null, "省委第一巡视组",
                "问题" + i + "整改不到位", null, null, completed ? "completed" : "in_progress",
                List.of(new Commitment("于" + due + "前完成", due.toString())), "2025-06-01", "2025-09-01", "https://bench/" + i,
                "bench", 0, null, List.of(), null, null, null, null, null);
    }

    /** The tracker alone, fed through its input and driven by the wall clock. */
    private static final class Bench implements AutoCloseable {
        private final TopologyTestDriver driver;
        private final TestInputTopic<String, DeadlineEvent> in;
        private final Path dir;
        private Instant clock = START.atStartOfDay(ZONE).toInstant();

        Bench(DeadlineSettings settings, ProcessorMetrics metrics) {
            StreamsBuilder builder = new StreamsBuilder();
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DeadlineTracker.STORE),
                    Serdes.String(), JsonSerde.of(TrackedIssue.class)).withLoggingDisabled());
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DeadlineTracker.AGENDA),
                    Serdes.String(), Serdes.String()).withLoggingDisabled());
            builder.stream("bench.deadlines", Consumed.with(Serdes.String(), JsonSerde.of(DeadlineEvent.class)))
                    .process(() -> new DeadlineTracker(settings, metrics), Named.as("track-deadlines"),
                            DeadlineTracker.STORE, DeadlineTracker.AGENDA);
            try {
                dir = Files.createTempDirectory("deadline-bench-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Properties p = new Properties();
            p.put(StreamsConfig.APPLICATION_ID_CONFIG, "deadline-bench");
            p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
            driver = new TopologyTestDriver(builder.build(), p, START.atStartOfDay(ZONE).toInstant());
            in = driver.createInputTopic("bench.deadlines", new StringSerializer(), JsonSerde.of(DeadlineEvent.class).serializer());
        }

        void upsert(TrackedIssue t) {
            in.pipeInput(t.unitKey(), DeadlineEvent.upsert(t));
        }

        void advanceTo(LocalDate day) {
            Instant target = day.atStartOfDay(ZONE).toInstant().plusSeconds(60);
            driver.advanceWallClockTime(Duration.between(clock, target));
            clock = target;
        }

        long entries() {
            KeyValueStore<String, TrackedIssue> s = driver.getKeyValueStore(DeadlineTracker.STORE);
            return s.approximateNumEntries() == 0 ? 0 : count(s);
        }

        private static long count(KeyValueStore<String, TrackedIssue> s) {
            long n = 0;
            try (var it = s.all()) {
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
            }
            return n;
        }

        @Override
        public void close() {
            driver.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }
}
