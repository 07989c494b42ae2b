package org.rectifywatch.processor.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.processor.report.ReportIds;

/**
 * The processor on the real local broker with exactly-once: the shared corpus reports go in on
 * {@code reports.raw}, and {@code issues.classified} read with read_committed holds exactly the gold number
 * of issues per report.
 */
@Tag("integration")
class ProcessorServiceIT {

    @Test
    void corpusReportsYieldExactlyTheGoldIssueCountsPerReport() throws Exception {
        Path corpus = sharedDir().resolve("corpus");
        Assumptions.assumeTrue(Files.isDirectory(corpus.resolve("gold")), "../shared/corpus is absent: skipped");
        LocalKafka kafka = SharedStack.kafka();
        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, String> reportIdByUrl = new HashMap<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (KafkaProducer<String, RawReport> producer = new KafkaProducer<>(producerProps(kafka.bootstrap()),
                new StringSerializer(), WireSerdes.RAW_REPORT.serializer());
             Stream<Path> golds = Files.list(corpus.resolve("gold"))) {
            for (Path gold : golds.sorted().toList()) {
                String base = gold.getFileName().toString().replace(".json", "");
                String text = Files.readString(corpus.resolve("reports").resolve(base + ".txt"), StandardCharsets.UTF_8);
                String url = "https://corpus.test/" + run + "/" + base + ".html";
                JsonNode g = Json.read(Files.readString(gold), JsonNode.class);
                expected.put(ReportIds.reportId(url), g.get("issue_count").asInt());
                reportIdByUrl.put(url, ReportIds.reportId(url));
                producer.send(new ProducerRecord<>(Topics.REPORTS_RAW, url, new RawReport(url, "corpus", null, null,
                        Instant.now(), "UTF-8", ReportIds.sha256Hex(text), text, List.of()))).get();
            }
        }
        String badKey = "https://corpus.test/" + run + "/malformed";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(kafka.bootstrap()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.REPORTS_RAW, badKey, "{not json")).get();
        }
        Map<String, String> o = Map.of(
                "kafka.bootstrap", kafka.bootstrap(),
                "processor.application.id", "it-processor-" + run,
                "processor.state.dir", Files.createTempDirectory("processor-it-").toString());
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> actual = new HashMap<>();
        try (ProcessorService service = new ProcessorService(ProcessorConfig.from(new ConfigSource(o, Map.of())))) {
            service.start();
            try (KafkaConsumer<String, IssueRecord> consumer = new KafkaConsumer<>(consumerProps(kafka.bootstrap()),
                    new StringDeserializer(), WireSerdes.ISSUE.deserializer())) {
                consumer.subscribe(List.of(Topics.ISSUES_CLASSIFIED));
                long deadline = System.currentTimeMillis() + Duration.ofSeconds(120).toMillis();
                int seen = 0;
                while (System.currentTimeMillis() < deadline && seen < total + 1) {
                    for (ConsumerRecord<String, IssueRecord> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.value() != null && expected.containsKey(r.value().reportId())) {
                            actual.merge(r.value().reportId(), 1, Integer::sum);
                            seen++;
                        }
                    }
                    if (seen >= total) {
                        // keep polling briefly to catch any duplicate
                        deadline = Math.min(deadline, System.currentTimeMillis() + 3000);
                    }
                }
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(deadLetterReason(kafka.bootstrap(), badKey)).isEqualTo("UNDECODABLE");
    }

    /** A report of 2,000 issues, and a copy of it on another site. */
    private static String longReport(int issues) {
        String[] areas = {"耕地保护", "营商环境", "安全生产", "生态环境", "基层党建", "选人用人", "财经纪律", "民生保障", "乡村振兴", "意识形态"};
        StringBuilder b = new StringBuilder("中共远山县委关于省委巡视整改进展情况的通报\n"
                + "根据省委统一部署,2025年3月1日至4月30日,省委第五巡视组对远山县进行了巡视。2025年6月10日,省委巡视组向远山县委反馈了巡视意见。"
                + "按照巡视工作有关要求,现将巡视整改进展情况予以公布。\n一、整改落实情况\n");
        for (int n = 1; n <= issues; n++) {
            b.append(n).append(".针对“第").append(n).append("项").append(areas[n % areas.length]).append("工作中")
                    .append(n % 3 == 0 ? "制度执行不严格" : n % 3 == 1 ? "责任落实不到位" : "监督检查不及时").append("”问题。\n")
                    .append("整改情况:已制定整改方案,建立台账逐项推进,完成").append(n % 97).append("项具体措施,该问题已全部整改到位。\n");
        }
        return b.append("中共远山县委\n2025年9月1日\n").toString();
    }

    @Test
    void aTwoThousandIssueReportAndItsMirrorPassAsOneReport() throws Exception {
        LocalKafka kafka = SharedStack.kafka();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String text = longReport(2000);
        String owner = "https://ys.example.gov.cn/" + run + "/t1.html";
        String mirror = "https://sj.example.gov.cn/" + run + "/t1.html";
        try (KafkaProducer<String, RawReport> producer = new KafkaProducer<>(producerProps(kafka.bootstrap()),
                new StringSerializer(), WireSerdes.RAW_REPORT.serializer())) {
            for (String url : List.of(owner, mirror)) {
                producer.send(new ProducerRecord<>(Topics.REPORTS_RAW, url, new RawReport(url, url.contains("ys.") ? "county" : "province",
                        null, "2025-09-01", Instant.now(), "UTF-8", ReportIds.sha256Hex(text), text, List.of()))).get();
            }
        }
        Map<String, String> o = Map.of(
                "kafka.bootstrap", kafka.bootstrap(),
                "processor.application.id", "it-large-" + run,
                "processor.state.dir", Files.createTempDirectory("processor-it-").toString());
        // the page that reaches the unit's task first owns the report: either may
        List<String> reportIds = List.of(ReportIds.reportId(owner), ReportIds.reportId(mirror));
        java.util.Set<String> issueIds = new java.util.HashSet<>();
        org.rectifywatch.model.wire.ReportRecord last = null;
        try (ProcessorService service = new ProcessorService(ProcessorConfig.from(new ConfigSource(o, Map.of())))) {
            service.start();
            Properties cp = consumerProps(kafka.bootstrap());
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(cp, new StringDeserializer(),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
                consumer.subscribe(List.of(Topics.ISSUES_CLASSIFIED, Topics.REPORTS_PARSED));
                long deadline = System.currentTimeMillis() + Duration.ofSeconds(180).toMillis();
                while (System.currentTimeMillis() < deadline && (issueIds.size() < 2000 || last == null || last.mirrors().isEmpty())) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.value() == null || reportIds.stream().noneMatch(r.key()::startsWith)) {
                            continue;
                        }
                        if (r.topic().equals(Topics.REPORTS_PARSED)) {
                            last = Json.read(r.value(), org.rectifywatch.model.wire.ReportRecord.class);
                        } else {
                            issueIds.add(r.key());
                        }
                    }
                }
            }
            assertThat(service.metrics().mirrors.get()).isEqualTo(1);
            assertThat(service.metrics().deadLetters.get()).isZero();
        }
        assertThat(issueIds).hasSize(2000);
        org.rectifywatch.model.wire.ReportRecord report = last;
        assertThat(report).isNotNull();
        assertThat(report.issueCount()).isEqualTo(2000);
        assertThat(report.mirrors()).hasSize(1);
        assertThat(List.of(report.url(), report.mirrors().get(0).url())).containsExactlyInAnyOrder(owner, mirror);
        assertThat(issueIds).allMatch(id -> id.startsWith(report.reportId()));
    }

    /** The reason header of the dead letter with this key, read with read_committed. */
    private static String deadLetterReason(String bootstrap, String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps(bootstrap),
                new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REPORTS_DLQ));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        return org.rectifywatch.model.wire.DeadLetters.reason(r.headers());
                    }
                }
            }
        }
        return null;
    }

    static Path sharedDir() {
        String p = System.getProperty("rectify.shared.dir");
        return p != null ? Path.of(p) : Path.of("..", "..", "shared");
    }

    private static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return p;
    }

    private static Properties consumerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return p;
    }
}
