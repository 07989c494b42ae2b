package org.rectifywatch.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.model.wire.DeadLetters;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.ReportRecord;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.processor.classify.ChineseTokenizer;
import org.rectifywatch.processor.report.ReportAnalyzer;
import org.rectifywatch.processor.report.ReportIds;
import org.rectifywatch.processor.report.WireRecords;
import org.rectifywatch.processor.service.ProcessorConfig;
import org.rectifywatch.processor.service.ProcessorMetrics;
import org.rectifywatch.processor.service.ProcessorService;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.samples.SampleReports;

/** The whole processor topology, driven record by record and by wall-clock time. */
class ProcessorTopologyTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String SMALL_REPORT = """
            中共青川县委关于省委巡视整改情况的通报
            根据省委统一部署,2025年3月1日至4月30日,省委第二巡视组对青川县进行了巡视。2025年6月10日,省委巡视组向青川县委反馈了巡视意见。按照巡视工作有关要求,现将巡视整改情况予以公布。
            一、整改落实情况
            1.针对“农村人居环境整治不到位”问题。
            整改情况:完成农村改厕1200户,剩余300户正在推进,将于2025年12月31日前全部完成。
            2.针对“选人用人不规范”问题。
            整改情况:修订干部选拔任用工作规程,对2名超职数配备干部进行了消化,该问题已全部整改到位。
            3.针对“落实中央八项规定精神不严”问题。
            整改情况:开展违规吃喝专项整治,查处问题5起,建立公务接待长效监管机制。
            欢迎广大干部群众对巡视整改落实情况进行监督。联系电话:0839-1234567。
            中共青川县委
            2025年9月1日
            """;

    private TopologyTestDriver driver;
    private final ProcessorMetrics metrics = new ProcessorMetrics();
    private TestInputTopic<String, RawReport> raw;
    private TestInputTopic<byte[], byte[]> rawBytes;
    private TestOutputTopic<String, ReportRecord> reports;
    private TestOutputTopic<String, IssueRecord> issues;
    private TestOutputTopic<String, AlertRecord> alerts;
    private TestOutputTopic<String, byte[]> dlq;

    @BeforeEach
    void start() throws Exception {
        ProcessorConfig config = ProcessorConfig.from(new ConfigSource(java.util.Map.of(), java.util.Map.of()));
        Properties props = ProcessorService.streamsProperties(config);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("topology-test-").toString());
        var topology = org.rectifywatch.processor.topology.ProcessorTopology.build(ReportAnalyzer.standard(),
                new WireRecords(ChineseTokenizer.shared()), config.deadlines(), metrics);
        driver = new TopologyTestDriver(topology, props, at("2026-01-01"));
        raw = driver.createInputTopic(Topics.REPORTS_RAW, new StringSerializer(), WireSerdes.RAW_REPORT.serializer());
        rawBytes = driver.createInputTopic(Topics.REPORTS_RAW, new ByteArraySerializer(), new ByteArraySerializer());
        reports = driver.createOutputTopic(Topics.REPORTS_PARSED, new StringDeserializer(), WireSerdes.REPORT.deserializer());
        issues = driver.createOutputTopic(Topics.ISSUES_CLASSIFIED, new StringDeserializer(), WireSerdes.ISSUE.deserializer());
        alerts = driver.createOutputTopic(Topics.ALERTS_OVERDUE, new StringDeserializer(), WireSerdes.ALERT.deserializer());
        dlq = driver.createOutputTopic(Topics.REPORTS_DLQ, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    /**
     * The page stage sends its issues' search tokens with the analysis; a page event written by an older version,
     * without them, still gives the same issue records (the report stage segments the texts itself).
     */
    @Test
    void aPageEventWithoutSearchTokensGivesTheSameIssueRecords() throws Exception {
        String repartition = ProcessorService.streamsProperties(ProcessorConfig.from(new ConfigSource(java.util.Map.of(), java.util.Map.of())))
                .getProperty(StreamsConfig.APPLICATION_ID_CONFIG) + "-pages-by-unit-repartition";
        TestOutputTopic<String, byte[]> pages = driver.createOutputTopic(repartition, new StringDeserializer(), new ByteArrayDeserializer());
        publish("https://example.gov.cn/a/t1.html", SMALL_REPORT);
        List<IssueRecord> withTokens = issues.readValuesToList();
        TestRecord<String, byte[]> event = pages.readRecord();
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(event.value());
        assertThat(json.path("tokens")).as("the page stage sends the tokens").hasSize(withTokens.size());
        json.remove("tokens");
        driver.close();

        start(); // a fresh application, so the report is new to the report stage
        TestInputTopic<String, byte[]> olderPages = driver.createInputTopic(repartition, new StringSerializer(), new ByteArraySerializer());
        olderPages.pipeInput(event.key(), Json.MAPPER.writeValueAsBytes(json));
        List<IssueRecord> segmentedHere = issues.readValuesToList();
        assertThat(segmentedHere).hasSize(withTokens.size());
        for (int i = 0; i < withTokens.size(); i++) {
            assertThat(segmentedHere.get(i).problemTokens()).isNotBlank().isEqualTo(withTokens.get(i).problemTokens());
            assertThat(segmentedHere.get(i).rectificationTokens()).isEqualTo(withTokens.get(i).rectificationTokens());
            assertThat(segmentedHere.get(i).issueId()).isEqualTo(withTokens.get(i).issueId());
        }
    }

    @Test
    void oneReportGivesOneReportRecordAndOneRecordPerIssue() {
        publish("https://example.gov.cn/a/t1.html", SMALL_REPORT);
        List<ReportRecord> r = reports.readValuesToList();
        assertThat(r).hasSize(1);
        assertThat(r.get(0).version()).isEqualTo(1);
        assertThat(r.get(0).meta().target()).isEqualTo("青川县");
        List<TestRecord<String, IssueRecord>> is = issues.readRecordsToList();
        assertThat(is).hasSize(3).allSatisfy(rec -> {
            assertThat(rec.key()).startsWith(r.get(0).reportId() + "-").isEqualTo(rec.value().issueId());
            assertThat(rec.value().target()).isEqualTo("青川县");
            assertThat(rec.value().reportUrl()).isEqualTo("https://example.gov.cn/a/t1.html");
            assertThat(rec.value().topic()).isNotNull();
            assertThat(rec.value().problemTokens()).contains(" ");
        });
        assertThat(r.get(0).issueCount()).isEqualTo(3);
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void theSameReportAgainEmitsNothing() {
        publish("https://example.gov.cn/a/t1.html", SMALL_REPORT);
        drainAll();
        assertThat(metrics.analysesTimed.get()).as("the analysis is timed").isEqualTo(1);
        assertThat(metrics.analysisCpuNanos.get()).isPositive();
        publish("https://example.gov.cn/a/t1.html", SMALL_REPORT);
        assertThat(metrics.analysesTimed.get()).as("an unchanged page is not analysed again").isEqualTo(1);
        assertThat(reports.isEmpty()).isTrue();
        assertThat(issues.isEmpty()).isTrue();
        assertThat(alerts.isEmpty()).isTrue();
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void anEditedReportEmitsANewVersionWithTombstonesForIssuesItNoLongerHas() {
        publish("https://example.gov.cn/a/t1.html", SMALL_REPORT);
        List<String> firstIds = issues.readRecordsToList().stream().map(TestRecord::key).toList();
        drainAll();
        String edited = SMALL_REPORT
                .replace("剩余300户正在推进", "剩余100户正在推进")
                .replaceAll("3\\.针对“落实中央八项规定精神不严”问题。\\n整改情况:[^\\n]*\\n", "");
        publish("https://example.gov.cn/a/t1.html", edited);
        List<ReportRecord> r = reports.readValuesToList();
        assertThat(r).singleElement().satisfies(rep -> assertThat(rep.version()).isEqualTo(2));
        List<TestRecord<String, IssueRecord>> second = issues.readRecordsToList();
        List<String> kept = second.stream().filter(t -> t.value() != null).map(TestRecord::key).toList();
        List<String> deleted = second.stream().filter(t -> t.value() == null).map(TestRecord::key).toList();
        assertThat(kept).hasSize(2).isSubsetOf(firstIds);
        assertThat(deleted).hasSize(1).isSubsetOf(firstIds).doesNotContainAnyElementsOf(kept);
    }

    @Test
    void aNonReportGoesToTheDeadLetterTopicWithItsReason() {
        publish("https://example.gov.cn/news/1.html", """
                省委第二巡视组巡视青川县工作动员会召开
                3月1日上午,省委第二巡视组巡视青川县工作动员会召开。会上,巡视组组长就做好巡视工作作了讲话。
                会议强调,要提高政治站位,积极支持配合巡视工作。
                """);
        List<TestRecord<String, byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.key()).isEqualTo("https://example.gov.cn/news/1.html");
            assertThat(DeadLetters.reason(d.headers())).isEqualTo("NOT_A_REPORT");
            assertThat(DeadLetters.get(d.headers(), DeadLetters.STAGE)).isEqualTo("processor");
            assertThat(Json.read(d.value(), RawReport.class).url()).isEqualTo("https://example.gov.cn/news/1.html");
        });
        assertThat(reports.isEmpty()).isTrue();
        assertThat(issues.isEmpty()).isTrue();
    }

    @Test
    void malformedJsonDoesNotStopProcessing() {
        // the dead letter itself is checked on a real broker in ProcessorServiceIT
        rawBytes.pipeInput("https://example.gov.cn/x".getBytes(StandardCharsets.UTF_8), "{not json".getBytes(StandardCharsets.UTF_8));
        assertThat(reports.isEmpty()).isTrue();
        publish("https://example.gov.cn/a/t1.html", SMALL_REPORT);
        assertThat(reports.readValuesToList()).hasSize(1);
    }

    @Test
    void overdueCommitmentsRaiseOneAlertEachAndALaterCompletingReportResolvesThem() {
        SampleReports.Sample first = SampleReports.byName("s01_tongxi_county_2025");
        SampleReports.Sample followUp = SampleReports.byName("s02_tongxi_county_2026_followup");
        JsonNode gold1 = Json.read(first.expectedJson(), JsonNode.class);
        JsonNode gold2 = Json.read(followUp.expectedJson(), JsonNode.class);

        publish("https://sample.gov.cn/s01.html", first.text(), first.title(), first.pageDate());
        assertThat(issues.readValuesToList()).hasSize(gold1.get("issue_count").asInt());
        Set<String> raised = new HashSet<>(ids(alerts.readValuesToList(), AlertState.raised));
        assertThat(raised).hasSize(expectedAlertCount(gold1, LocalDate.parse("2026-01-01")));

        driver.advanceWallClockTime(Duration.between(at("2026-01-01"), at("2026-11-21")));
        List<AlertRecord> later = alerts.readValuesToList();
        assertThat(later).allMatch(a -> a.state() == AlertState.raised && a.daysOverdue(LocalDate.parse("2026-11-21")) > 0 && a.reportUrl() != null && a.problem() != null);
        raised.addAll(ids(later, AlertState.raised));
        assertThat(raised).hasSize(expectedAlertCount(gold1, LocalDate.parse("2026-11-21")));

        driver.advanceWallClockTime(Duration.ofDays(1));
        assertThat(alerts.isEmpty()).as("no alert is raised twice").isTrue();

        publish("https://sample.gov.cn/s02.html", followUp.text(), followUp.title(), followUp.pageDate());
        List<AlertRecord> resolved = alerts.readValuesToList().stream().filter(a -> a.state() == AlertState.resolved).toList();
        long expectedResolved = expectedResolutions(gold1, gold2, LocalDate.parse("2026-11-22"));
        assertThat(expectedResolved).isPositive();
        assertThat(resolved).hasSize((int) expectedResolved).allSatisfy(a -> {
            assertThat(raised).contains(a.alertId());
            assertThat(a.resolvedByReportUrl()).isEqualTo("https://sample.gov.cn/s02.html");
        });
        driver.advanceWallClockTime(Duration.ofDays(1));
        assertThat(alerts.readValuesToList()).allMatch(a -> !resolved.stream().map(AlertRecord::alertId).toList().contains(a.alertId()));
    }

    @Test
    void aFollowUpThatNamesTheUnitDifferentlyStillResolvesItsAlerts() {
        SampleReports.Sample first = SampleReports.byName("s01_tongxi_county_2025");
        SampleReports.Sample followUp = SampleReports.byName("s02_tongxi_county_2026_followup");
        String renamed = followUp.text().replace("对桐溪县进行了", "对中共桐溪县委员会进行了");
        assertThat(renamed).isNotEqualTo(followUp.text());
        driver.advanceWallClockTime(Duration.between(at("2026-01-01"), at("2026-11-21")));
        publish("https://sample.gov.cn/s01.html", first.text(), first.title(), first.pageDate());
        publish("https://sample.gov.cn/s02.html", renamed, followUp.title(), followUp.pageDate());
        List<String> targets = reports.readValuesToList().stream().map(r -> r.meta().target()).distinct().toList();
        assertThat(targets).as("the two reports name the unit in two forms").hasSize(2);
        long resolved = alerts.readValuesToList().stream().filter(a -> a.state() == AlertState.resolved).count();
        assertThat(resolved).isEqualTo(expectedResolutions(Json.read(first.expectedJson(), JsonNode.class),
                Json.read(followUp.expectedJson(), JsonNode.class), LocalDate.parse("2026-11-21"))).isPositive();
    }

    @Test
    void theFinalAlertsDoNotDependOnWhichReportOfAUnitIsProcessedFirst() throws Exception {
        SampleReports.Sample first = SampleReports.byName("s01_tongxi_county_2025");
        SampleReports.Sample followUp = SampleReports.byName("s02_tongxi_county_2026_followup");
        driver.advanceWallClockTime(Duration.between(at("2026-01-01"), at("2026-11-21")));
        publish("https://sample.gov.cn/s01.html", first.text(), first.title(), first.pageDate());
        publish("https://sample.gov.cn/s02.html", followUp.text(), followUp.title(), followUp.pageDate());
        java.util.Map<String, AlertState> inOrder = finalStates(alerts.readValuesToList());

        driver.close();
        start();
        driver.advanceWallClockTime(Duration.between(at("2026-01-01"), at("2026-11-21")));
        publish("https://sample.gov.cn/s02.html", followUp.text(), followUp.title(), followUp.pageDate());
        publish("https://sample.gov.cn/s01.html", first.text(), first.title(), first.pageDate());
        java.util.Map<String, AlertState> reversed = finalStates(alerts.readValuesToList());

        assertThat(inOrder).isNotEmpty().containsValue(AlertState.resolved).containsValue(AlertState.raised);
        assertThat(reversed).isEqualTo(inOrder);
    }

    /**
     * The last state of every alert; one withdrawn because a later report shows the issue completed on time (it was
     * raised only because that report was processed second) counts as never raised.
     */
    private static java.util.Map<String, AlertState> finalStates(List<AlertRecord> records) {
        java.util.Map<String, AlertState> states = new java.util.TreeMap<>();
        records.forEach(a -> states.put(a.alertId(), a.state()));
        states.values().removeIf(s -> s == AlertState.withdrawn);
        return states;
    }

    @Test
    void anEditThatCompletesAnOverdueIssueResolvesItsAlert() {
        publish("https://example.gov.cn/a/t1.html", SMALL_REPORT);
        List<AlertRecord> raised = alerts.readValuesToList();
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.raised);
            assertThat(a.kind()).isEqualTo(org.rectifywatch.model.wire.AlertKind.commitment_overdue);
            assertThat(a.dueDate()).isEqualTo("2025-12-31");
            assertThat(a.commitmentText()).contains("2025年12月31日");
            assertThat(a.target()).isEqualTo("青川县");
            assertThat(a.reportUrl()).isEqualTo("https://example.gov.cn/a/t1.html");
        });
        publish("https://example.gov.cn/a/t1.html", SMALL_REPORT.replace(
                "完成农村改厕1200户,剩余300户正在推进,将于2025年12月31日前全部完成。", "完成农村改厕1500户,该问题已全部整改完成。"));
        assertThat(alerts.readValuesToList()).singleElement().satisfies(a -> {
            assertThat(a.alertId()).isEqualTo(raised.get(0).alertId());
            assertThat(a.state()).isEqualTo(AlertState.resolved);
            assertThat(a.closedAt()).isNotNull();
            assertThat(a.reason()).contains("completed");
        });
        driver.advanceWallClockTime(Duration.ofDays(30));
        assertThat(alerts.isEmpty()).isTrue();
    }

    /** Distinct (issue, due date) pairs overdue on {@code today} per the gold file, plus window-overdue issues. */
    private static int expectedAlertCount(JsonNode gold, LocalDate today) {
        LocalDate feedback = LocalDate.parse(gold.get("meta").get("feedback_date").asText());
        int n = 0;
        for (JsonNode issue : gold.get("issues")) {
            if (issue.get("status").asText().equals("completed")) {
                continue;
            }
            Set<String> dues = new HashSet<>();
            for (JsonNode c : issue.get("commitments")) {
                if (!c.get("due").isNull()) {
                    dues.add(c.get("due").asText());
                }
            }
            n += (int) dues.stream().filter(d -> LocalDate.parse(d).isBefore(today)).count();
            if (dues.isEmpty() && issue.get("status").asText().equals("in_progress") && feedback.plusMonths(6).isBefore(today)) {
                n++;
            }
        }
        return n;
    }

    /** Overdue issues of the first report whose problem the follow-up restates as completed. */
    private static long expectedResolutions(JsonNode gold1, JsonNode gold2, LocalDate today) {
        Set<String> completedLater = new HashSet<>();
        gold2.get("issues").forEach(i -> {
            if (i.get("status").asText().equals("completed")) {
                completedLater.add(i.get("problem").asText());
            }
        });
        long n = 0;
        LocalDate feedback = LocalDate.parse(gold1.get("meta").get("feedback_date").asText());
        for (JsonNode issue : gold1.get("issues")) {
            if (!completedLater.contains(issue.get("problem").asText()) || issue.get("status").asText().equals("completed")) {
                continue;
            }
            Set<String> dues = new HashSet<>();
            issue.get("commitments").forEach(c -> {
                if (!c.get("due").isNull()) {
                    dues.add(c.get("due").asText());
                }
            });
            n += dues.stream().filter(d -> LocalDate.parse(d).isBefore(today)).count();
            if (dues.isEmpty() && issue.get("status").asText().equals("in_progress") && feedback.plusMonths(6).isBefore(today)) {
                n++;
            }
        }
        return n;
    }

    private static List<String> ids(List<AlertRecord> alerts, AlertState state) {
        return alerts.stream().filter(a -> a.state() == state).map(AlertRecord::alertId).toList();
    }

    private void publish(String url, String text) {
        publish(url, text, null, null);
    }

    private void publish(String url, String text, String title, String pageDate) {
        raw.pipeInput(url, new RawReport(url, "test", title, pageDate, Instant.parse("2026-01-01T00:00:00Z"), "UTF-8",
                ReportIds.sha256Hex(text), text, List.of()));
    }

    private void drainAll() {
        reports.readValuesToList();
        issues.readValuesToList();
        alerts.readValuesToList();
        dlq.readValuesToList();
    }

    private static Instant at(String date) {
        return LocalDate.parse(date).atStartOfDay(SHANGHAI).toInstant();
    }
}
