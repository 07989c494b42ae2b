package org.rectifywatch.processor.service;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.processor.report.ReportIds;

/** What the processor's integration tests share: report texts, publishing to reports.raw, reading topics to the end. */
final class ProcessorItSupport {
    private static final String[] COUNTIES = {"青川", "远山", "桐溪", "卫滨", "广元", "平武", "北川", "江油", "剑阁", "苍溪", "旺苍", "昭化"};

    private ProcessorItSupport() {
    }

    private static final String MARKS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳";

    /**
     * A small report of a county of its own, named after the run too: tests on the shared broker see each other's
     * pages on reports.raw, and a report of the same unit with the same text would be a mirror.
     */
    static String report(String run, int county, String answer) {
        StringBuilder mark = new StringBuilder();
        for (char h : run.toCharArray()) {
            mark.append(MARKS.charAt(Character.digit(h, 16) & 15));
        }
        String c = COUNTIES[county % COUNTIES.length] + mark + (county >= COUNTIES.length ? String.valueOf(county) : "");
        return "中共" + c + "县委关于省委巡视整改情况的通报\n"
                + "根据省委统一部署,2025年3月1日至4月30日,省委第二巡视组对" + c + "县进行了巡视。2025年6月10日,省委巡视组向" + c
                + "县委反馈了巡视意见。按照巡视工作有关要求,现将巡视整改情况予以公布。\n"
                + "一、整改落实情况\n"
                + "1.针对“农村人居环境整治不到位”问题。\n整改情况:完成农村改厕1200户,该问题已全部整改到位。\n"
                + "2.针对“选人用人不规范”问题。\n整改情况:" + answer + "\n"
                + "中共" + c + "县委\n2025年9月1日\n";
    }

    static ProcessorConfig config(String bootstrap, String applicationId, Map<String, String> more) throws Exception {
        Map<String, String> o = new java.util.HashMap<>(Map.of(
                "kafka.bootstrap", bootstrap,
                "processor.application.id", applicationId,
                "processor.threads", "1",
                "processor.state.dir", Files.createTempDirectory("processor-it-").toString()));
        o.putAll(more);
        return ProcessorConfig.from(new ConfigSource(o, Map.of()));
    }

    static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes a report on reports.raw (on the given partition, or by key when negative) and returns its report id. */
    static String publish(String bootstrap, int partition, String url, String text) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_RAW_RECORD_BYTES);
        try (KafkaProducer<String, RawReport> producer = new KafkaProducer<>(p, new StringSerializer(), WireSerdes.RAW_REPORT.serializer())) {
            RawReport r = new RawReport(url, "it", null, "2025-09-01", Instant.now(), "UTF-8", ReportIds.sha256Hex(text), text, List.of());
            producer.send(partition < 0 ? new ProducerRecord<>(Topics.REPORTS_RAW, url, r)
                    : new ProducerRecord<>(Topics.REPORTS_RAW, partition, url, r)).get();
        }
        return ReportIds.reportId(url);
    }

    /** A read_committed consumer of the topics from their start. */
    static KafkaConsumer<String, byte[]> reader(String bootstrap, String... topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        c.subscribe(List.of(topics));
        return c;
    }

    /** Polls until {@code done} holds for the records read so far (or the timeout passes); returns them. */
    static List<ConsumerRecord<String, byte[]>> pollUntil(KafkaConsumer<String, byte[]> c, Duration timeout,
                                                          Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !done.test(seen)) {
            c.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        return seen;
    }
}
