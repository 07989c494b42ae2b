package org.rectifywatch.processor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.json.JsonSerde;
import org.rectifywatch.model.report.Commitment;
import org.rectifywatch.processor.service.ProcessorMetrics;

/**
 * The tracker holds the unit it last matched against in memory ({@link TrackedIssueStore}); reading every unit from
 * the store for every event is the behaviour it must keep. Random histories of a few units — follow-up reports that
 * restate, complete or drop earlier problems, issues moving to another unit, days passing — give the same alerts,
 * hand-overs and stored entries either way.
 */
class HeldUnitEquivalenceTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate START = LocalDate.parse("2025-06-01");
    private static final String[] PROBLEMS = {"问题楼盘处置进度缓慢", "违规发放津贴补贴问题", "关于“选人用人把关不严”问题",
        "工程项目管理不规范，招投标流于形式", "工程项目管理不规范", "基层党组织软弱涣散", "安全生产责任落实不到位的问题", "专项资金使用效益不高"};
    private static final String[] UNITS = {"/青川县", "/青川县/水务局", "/岚溪区"};

    @Property(tries = 25)
    void heldUnitsGiveWhatTheStoreGives(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) throws IOException {
        List<Step> steps = history(new Random(seed));
        Path held = Files.createTempDirectory("held-");
        Path read = Files.createTempDirectory("read-");
        try (Run a = new Run(true, held); Run b = new Run(false, read)) {
            for (Step s : steps) {
                a.apply(s);
                b.apply(s);
            }
            List<KeyValue<String, String>> outA = a.outputs();
            assertThat(outA).as("seed %d", seed).isEqualTo(b.outputs());
            assertThat(a.entries()).as("seed %d", seed).isEqualTo(b.entries());
        }
    }

    /** An event, or (issue null, remove null) days passing. */
    private record Step(String routedTo, DeadlineEvent event, int days) {
    }

    private static List<Step> history(Random r) {
        List<Step> steps = new ArrayList<>();
        for (int report = 0; report < 8; report++) {
            String unit = UNITS[r.nextInt(UNITS.length)];
            String reportId = "r" + report;
            String published = START.plusMonths(2L * report).toString();
            int issues = 1 + r.nextInt(6);
            for (int i = 0; i < issues; i++) {
                String issueId = reportId + "-" + i;
                if (r.nextInt(10) == 0 && report > 0) {
                    int earlier = r.nextInt(report);
                    steps.add(new Step(UNITS[r.nextInt(UNITS.length)], DeadlineEvent.remove("r" + earlier + "-" + r.nextInt(3), "removed from its report"), 0));
                    continue;
                }
                LocalDate due = START.plusMonths(r.nextInt(30));
                String status = r.nextInt(3) == 0 ? "completed" : "in_progress";
                // now and then the issue names another unit than the one it is routed to: a hand-over
                String named = r.nextInt(12) == 0 ? UNITS[r.nextInt(UNITS.length)] : unit;
                TrackedIssue t = new TrackedIssue(issueId, reportId, 1, named, named.substring(1), r.nextInt(8) == 0 ? "四川" : null,
                        "省委第一巡视组", PROBLEMS[r.nextInt(PROBLEMS.length)], null, null, status,
                        r.nextBoolean() ? List.of(new Commitment("于" + due + "前完成", due.toString())) : List.of(), "2025-05-01",
                        published, "https://example.gov.cn/" + reportId, "整改进展情况", 0, null, List.of(), null, null, null, null, null);
                steps.add(new Step(unit, DeadlineEvent.upsert(t), 0));
            }
            steps.add(new Step(null, null, r.nextInt(90)));
        }
        return steps;
    }

    private static final class Run implements AutoCloseable {
        private final TopologyTestDriver driver;
        private final TestInputTopic<String, DeadlineEvent> in;
        private final TestOutputTopic<String, String> out;
        private final Path dir;

        Run(boolean holdUnits, Path dir) {
            this.dir = dir;
            StreamsBuilder builder = new StreamsBuilder();
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DeadlineTracker.STORE),
                    Serdes.String(), JsonSerde.of(TrackedIssue.class)).withLoggingDisabled());
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DeadlineTracker.AGENDA),
                    Serdes.String(), Serdes.String()).withLoggingDisabled());
            DeadlineSettings settings = DeadlineSettings.defaults().withZone(ZONE);
            builder.stream("events", Consumed.with(Serdes.String(), JsonSerde.of(DeadlineEvent.class)))
                    .process(() -> new DeadlineTracker(settings, new ProcessorMetrics(), holdUnits), Named.as("track"),
                            DeadlineTracker.STORE, DeadlineTracker.AGENDA)
                    .mapValues(Json::write)
                    .to("out", Produced.with(Serdes.String(), Serdes.String()));
            Properties p = new Properties();
            p.put(StreamsConfig.APPLICATION_ID_CONFIG, "held-units");
            p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
            Instant start = START.atStartOfDay(ZONE).toInstant();
            driver = new TopologyTestDriver(builder.build(), p, start);
            in = driver.createInputTopic("events", new StringSerializer(), JsonSerde.of(DeadlineEvent.class).serializer(), start,
                    Duration.ZERO);
            out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
        }

        void apply(Step s) {
            if (s.event() == null) {
                driver.advanceWallClockTime(Duration.ofDays(s.days()));
            } else {
                in.pipeInput(s.routedTo(), s.event());
            }
        }

        List<KeyValue<String, String>> outputs() {
            return out.readKeyValuesToList();
        }

        List<KeyValue<String, String>> entries() {
            List<KeyValue<String, String>> all = new ArrayList<>();
            KeyValueStore<String, TrackedIssue> s = driver.getKeyValueStore(DeadlineTracker.STORE);
            try (var it = s.all()) {
                it.forEachRemaining(kv -> all.add(KeyValue.pair(kv.key, Json.write(kv.value))));
            }
            return all;
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
