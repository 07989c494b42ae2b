package org.rectifywatch.processor.stream;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.processor.classify.ChineseTokenizer;
import org.rectifywatch.processor.deadline.DeadlineSettings;
import org.rectifywatch.processor.report.ReportAnalyzer;
import org.rectifywatch.processor.report.ReportIds;
import org.rectifywatch.processor.report.WireRecords;
import org.rectifywatch.processor.service.ProcessorConfig;
import org.rectifywatch.processor.service.ProcessorMetrics;
import org.rectifywatch.processor.service.ProcessorService;
import org.rectifywatch.processor.topology.ProcessorTopology;
import org.rectifywatch.processor.topology.RecordLimits;

/** The whole processor topology in a {@link TopologyTestDriver}, with the inputs and outputs alert tests need. */
final class PipelineDriver implements AutoCloseable {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ReportAnalyzer ANALYZER = ReportAnalyzer.standard();

    final TopologyTestDriver driver;
    final ProcessorMetrics metrics = new ProcessorMetrics();
    private final TestInputTopic<String, RawReport> raw;
    private final TestOutputTopic<String, AlertRecord> alerts;
    final TestOutputTopic<String, org.rectifywatch.model.wire.ReportRecord> reports;
    final TestOutputTopic<String, org.rectifywatch.model.wire.IssueRecord> issues;
    final TestOutputTopic<String, byte[]> deadLetters;
    private final TestInputTopic<String, byte[]> rawBytes;
    /** Every alert transition read so far, in order. */
    final List<AlertRecord> history = new ArrayList<>();
    private Instant clock;

    PipelineDriver(String today, DeadlineSettings settings) {
        this(today, settings, ANALYZER);
    }

    PipelineDriver(String today, DeadlineSettings settings, ReportAnalyzer analyzer) {
        this(today, settings, analyzer, RecordLimits.uniform(Topics.MAX_RECORD_BYTES));
    }

    /** With the largest record each output topic takes, as the service reads them from the broker. */
    PipelineDriver(String today, DeadlineSettings settings, ReportAnalyzer analyzer, RecordLimits limits) {
        try {
            ProcessorConfig config = ProcessorConfig.from(new ConfigSource(Map.of(), Map.of()));
            Properties props = ProcessorService.streamsProperties(config);
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("alerts-test-").toString());
            driver = new TopologyTestDriver(ProcessorTopology.build(analyzer, new WireRecords(ChineseTokenizer.shared()), settings,
                    metrics, () -> limits), props, at(today));
            clock = at(today);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        raw = driver.createInputTopic(Topics.REPORTS_RAW, new StringSerializer(), WireSerdes.RAW_REPORT.serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS_OVERDUE, new StringDeserializer(), WireSerdes.ALERT.deserializer());
        reports = driver.createOutputTopic(Topics.REPORTS_PARSED, new StringDeserializer(), WireSerdes.REPORT.deserializer());
        issues = driver.createOutputTopic(Topics.ISSUES_CLASSIFIED, new StringDeserializer(), WireSerdes.ISSUE.deserializer());
        deadLetters = driver.createOutputTopic(Topics.REPORTS_DLQ, new StringDeserializer(), new ByteArrayDeserializer());
        rawBytes = driver.createInputTopic(Topics.REPORTS_RAW, new StringSerializer(), new ByteArraySerializer());
    }

    /** A record on reports.raw as bytes, whatever they are. */
    void rawBytes(String key, byte[] value) {
        rawBytes.pipeInput(key, value);
    }

    PipelineDriver(String today) {
        this(today, DeadlineSettings.defaults().withZone(SHANGHAI));
    }

    static Instant at(String day) {
        return LocalDate.parse(day).atStartOfDay(SHANGHAI).toInstant();
    }

    void report(String url, String text, String pageDate) {
        report(url, "test-site", text, pageDate);
    }

    /** The record {@code pipeline reprocess} sends again for a page. */
    void reprocess(String url, String site, String text, String pageDate) {
        org.apache.kafka.common.header.internals.RecordHeaders h = new org.apache.kafka.common.header.internals.RecordHeaders();
        h.add("rectify.reprocess", new byte[] {'1'});
        raw.pipeInput(new org.apache.kafka.streams.test.TestRecord<>(url, new RawReport(url, site, null, pageDate,
                Instant.parse("2026-01-01T00:00:00Z"), "UTF-8", ReportIds.sha256Hex(text), text, List.of()), h, (Instant) null));
    }

    void report(String url, String site, String text, String pageDate) {
        raw.pipeInput(url, new RawReport(url, site, null, pageDate, Instant.parse("2026-01-01T00:00:00Z"), "UTF-8",
                ReportIds.sha256Hex(text), text, List.of()));
    }

    /** A report published with the given Kafka timestamp (the crawler's, e.g. a backlog's old one). */
    void reportAt(String url, String text, String pageDate, Instant timestamp) {
        raw.pipeInput(url, new RawReport(url, "test-site", null, pageDate, Instant.parse("2026-01-01T00:00:00Z"), "UTF-8",
                ReportIds.sha256Hex(text), text, List.of()), timestamp);
    }

    void notice(String url, String title, String text, String pageDate) {
        raw.pipeInput(url, new RawReport(url, "test-site", title, pageDate, Instant.parse("2026-01-01T00:00:00Z"), "UTF-8",
                ReportIds.sha256Hex(text), text, List.of(), RawReport.FEEDBACK_NOTICE));
    }

    void retract(String url) {
        raw.pipeInput(url, (RawReport) null);
    }

    void advanceTo(String day) {
        driver.advanceWallClockTime(Duration.between(clock, at(day)));
        clock = at(day);
    }

    /** Alert transitions since the last call. */
    List<AlertRecord> read() {
        List<AlertRecord> r = alerts.readValuesToList();
        history.addAll(r);
        return r;
    }

    /** Alert transitions since the last call, with their Kafka timestamps. */
    List<org.apache.kafka.streams.test.TestRecord<String, AlertRecord>> readRecords() {
        List<org.apache.kafka.streams.test.TestRecord<String, AlertRecord>> r = alerts.readRecordsToList();
        r.forEach(x -> history.add(x.value()));
        return r;
    }

    /** The latest record of every alert seen so far. */
    Map<String, AlertRecord> current() {
        read();
        Map<String, AlertRecord> m = new TreeMap<>();
        history.forEach(a -> m.put(a.alertId(), a));
        return m;
    }

    <V> List<KeyValue<String, V>> store(String name) {
        KeyValueStore<String, V> s = driver.getKeyValueStore(name);
        List<KeyValue<String, V>> out = new ArrayList<>();
        try (KeyValueIterator<String, V> it = s.all()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    @Override
    public void close() {
        driver.close();
    }
}
