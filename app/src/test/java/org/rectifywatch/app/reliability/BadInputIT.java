package org.rectifywatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.app.reliability.ReliabilityRow.Builder;
import org.rectifywatch.ingest.IngestConfig;
import org.rectifywatch.ingest.crawl.Crawler;
import org.rectifywatch.ingest.crawl.PassSummary;
import org.rectifywatch.ingest.profile.SampleSiteProfile;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.DeadLetters;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.samples.SampleReports;

/**
 * Bad input, through the crawler (a loopback column of bad pages) and straight onto the topics, with the whole
 * pipeline running: each is refused with a counted reason or dead-lettered with its reason, and good input that
 * follows is processed.
 */
@Tag("integration")
class BadInputIT {
    private static final String RAW = "http://raw.test/bad/";

    @Test
    void badInputIsRefusedOrDeadLetteredAndThePipelineGoesOn() throws Exception {
        try (LocalKafka kafka = LocalKafka.startTemporary();
             BadInputSite site = new BadInputSite();
             LogCapture logs = LogCapture.watching("skipped", "RecordTooLarge", "sent to reports.dlq", "Elasticsearch refused");
             Stages stages = new Stages("bad", kafka.bootstrap(), SharedStack.elasticsearch().url())) {
            kafka.createPipelineTopics();
            stages.startProcessor();
            stages.startSink();

            SampleReports.Sample s01 = SampleReports.byName("s01_tongxi_county_2025");
            SampleReports.Sample s09 = SampleReports.byName("s09_qingyan_county_city_inspection_2024");
            String good = Backfill.rename(Backfill.strip(s09.text()), "好");
            String truncated = truncate(Backfill.rename(Backfill.strip(s01.text()), "截"));
            String report = "中共坏例县委关于巡视整改情况的通报";
            site.add("/bad/empty.html", report + "（空）", "text/html; charset=utf-8", new byte[0])
                    .add("/bad/junk.html", report + "（乱码）", "text/html", BadInputSite.junk(64 * 1024))
                    .add("/bad/wrong-charset.html", Backfill.rename(s09.title(), "错"), "text/html; charset=utf-8",
                            BadInputSite.article(Backfill.rename(s09.title(), "错"), "2025-10-01", Backfill.rename(Backfill.strip(s09.text()), "错"),
                                    "utf-8", 0).getBytes(Charset.forName("GB18030")))
                    .add("/bad/huge.html", report + "（超大）", "text/html; charset=utf-8", null)
                    .add("/bad/no-text.html", report + "（无正文）", "text/html; charset=utf-8",
                            BadInputSite.article(report, "2025-10-01", "", "utf-8", 80).getBytes(StandardCharsets.UTF_8))
                    .add("/bad/news.html", "省委第九巡视组巡视坏例县工作动员会召开", "text/html; charset=utf-8",
                            BadInputSite.article("省委第九巡视组巡视坏例县工作动员会召开", "2025-10-01",
                                    "10月1日，省委第九巡视组巡视坏例县工作动员会召开。会上，巡视组组长作了讲话。", "utf-8", 0).getBytes(StandardCharsets.UTF_8))
                    .add("/bad/truncated.html", Backfill.rename(s01.title(), "截"), "text/html; charset=utf-8",
                            BadInputSite.article(Backfill.rename(s01.title(), "截"), "2025-10-01", truncated, "utf-8", 0).getBytes(StandardCharsets.UTF_8))
                    .add("/bad/oversize.html", "中共巨幅县委关于巡视整改情况的通报", "text/html; charset=utf-8",
                            BadInputSite.article("中共巨幅县委关于巡视整改情况的通报", "2025-10-01", numberedReport(1).replace("千项", "巨幅")
                                    + "\n" + "附：整改台账明细（略）。".repeat(250_000), "utf-8", 0).getBytes(StandardCharsets.UTF_8))
                    .add("/bad/good.html", Backfill.rename(s09.title(), "好"), "text/html; charset=utf-8",
                            BadInputSite.article(Backfill.rename(s09.title(), "好"), "2025-10-01", good, "utf-8", 0).getBytes(StandardCharsets.UTF_8));

            PassSummary pass;
            try (Crawler crawler = new Crawler(IngestConfig.from(stages.config().with("ingest.host.delay", "20ms")
                    .with("ingest.retries", "0").with("ingest.read.timeout", "5s")),
                    List.of(SampleSiteProfile.column("bad", site.url(), BadInputSite.COLUMN, 1)))) {
                pass = crawler.runOnce();
            }
            Map<String, Integer> published = TopicReader.perKey(TopicReader.all(kafka.bootstrap(), Topics.REPORTS_RAW), r -> r.key(), site.url());

            // straight onto reports.raw
            String rawGood = Backfill.rename(Backfill.strip(s09.text()), "直");
            String oversizeError;
            try (KafkaProducer<String, byte[]> p = Backfill.producer(kafka.bootstrap()); KafkaProducer<String, byte[]> big = bigProducer(kafka.bootstrap())) {
                p.send(new ProducerRecord<>(Topics.REPORTS_RAW, RAW + "malformed", "{\"url\": \"http://raw.test/bad/malformed\", \"text\": ".getBytes(StandardCharsets.UTF_8))).get();
                p.send(raw(RAW + "empty", "中共坏例县委关于巡视整改情况的通报", "")).get();
                p.send(raw(RAW + "junk", "中共坏例县委关于巡视整改情况的通报", new String(BadInputSite.junk(4000), StandardCharsets.ISO_8859_1))).get();
                p.send(raw(RAW + "news", "省委第九巡视组巡视坏例县工作动员会召开", "10月1日，省委第九巡视组巡视坏例县工作动员会召开。会上，巡视组组长作了讲话。")).get();
                try {
                    big.send(new ProducerRecord<>(Topics.REPORTS_RAW, RAW + "over-max", new byte[9 * 1024 * 1024])).get();
                    oversizeError = "accepted";
                } catch (ExecutionException e) {
                    oversizeError = e.getCause().getClass().getSimpleName();
                }
                p.send(raw(RAW + "good", Backfill.rename(s09.title(), "直"), rawGood)).get();
            }
            long s09Issues = Json.read(s09.expectedJson(), JsonNode.class).get("issue_count").asLong();

            long crawledGood = Stages.awaitStable(() -> stages.issuesOf(site.url() + "/bad/good.html"), s09Issues, Duration.ofMinutes(2));
            long rawGoodIssues = Stages.awaitStable(() -> stages.issuesOf(RAW + "good"), s09Issues, Duration.ofMinutes(1));
            // the header's utf-8 garbles the GBK page and detection decodes it cleanly: published as GBK, parsed whole
            long wrongCharsetIssues = Stages.awaitStable(() -> stages.issuesOf(site.url() + "/bad/wrong-charset.html"), s09Issues,
                    Duration.ofSeconds(30));
            long truncatedExpected = stream(Json.read(s01.expectedJson(), JsonNode.class).get("issues"))
                    .filter(i -> i.get("line").asInt() < truncated.lines().count()).count();
            long truncatedIssues = Stages.awaitStable(() -> stages.issuesOf(site.url() + "/bad/truncated.html"), truncatedExpected, Duration.ofSeconds(30));
            Thread.sleep(2000);
            Map<String, String> dlq = new TreeMap<>();
            for (ConsumerRecord<String, byte[]> r : TopicReader.all(kafka.bootstrap(), Topics.REPORTS_DLQ)) {
                dlq.put(r.key() == null ? "(no key)" : r.key().replace(site.url(), "site:"), DeadLetters.reason(r.headers()));
            }

            // a document Elasticsearch rejects, then a good one: both written straight to issues.classified
            ConsumerRecord<String, byte[]> sample = TopicReader.all(kafka.bootstrap(), Topics.ISSUES_CLASSIFIED).stream()
                    .filter(r -> r.value() != null).findFirst().orElseThrow();
            ObjectNode bad = (ObjectNode) Json.read(sample.value(), JsonNode.class);
            bad.put("issue_id", "bad-es-rejected").put("feedback_date", "去年六月").put("report_url", RAW + "es-rejected");
            ObjectNode fine = (ObjectNode) Json.read(sample.value(), JsonNode.class);
            fine.put("issue_id", "bad-es-accepted").put("report_url", RAW + "es-accepted");
            try (KafkaProducer<String, byte[]> p = Backfill.producer(kafka.bootstrap())) {
                p.send(new ProducerRecord<>(Topics.ISSUES_CLASSIFIED, "bad-es-rejected", Json.bytes(bad))).get();
                p.send(new ProducerRecord<>(Topics.ISSUES_CLASSIFIED, "bad-es-accepted", Json.bytes(fine))).get();
            }
            long accepted = Stages.awaitStable(() -> stages.issuesOf(RAW + "es-accepted"), 1, Duration.ofMinutes(1));
            List<ConsumerRecord<String, byte[]>> sinkDlq = TopicReader.all(kafka.bootstrap(), Topics.SINK_DLQ);
            String sinkReason = sinkDlq.isEmpty() ? null : DeadLetters.reason(sinkDlq.get(0).headers());

            Builder row = new Builder("b1-bad-input", "Bad input", "Crawled pages: empty body; 64 KB of binary junk; a GBK page "
                    + "declared UTF-8 (header and meta); a 20 MB page; an HTML page with no article text; a news item; a truncated report; a report with "
                    + "a 9 MB body (over the 8 MiB record limit). Straight onto reports.raw: malformed JSON; empty, junk and news "
                    + "texts; a 9 MiB record. Straight onto issues.classified: a document Elasticsearch rejects (a date field "
                    + "reading 去年六月).");
            row.outcome("Crawl pass: " + pass.line() + ". Refusals are logged with URL and reason (empty page: suspiciously small, "
                            + "retried next pass; junk: mojibake, with the advice to set the profile's charset; 20 MB "
                            + "and 9 MB: too_large at the response cap or the record limit). The GBK page declared UTF-8 garbles under "
                            + "its declaration and decodes cleanly as detected: it is published as GB18030 and parsed whole. The page without article text and the "
                            + "non-reports sent straight to reports.raw are dead-lettered with NOT_A_REPORT / NO_ISSUES_FOUND, the "
                            + "malformed record by Kafka Streams' handler (" + dlq.get(RAW + "malformed") + "); the broker refused the "
                            + "9 MiB record (" + oversizeError + "); the truncated report is indexed with the issues it still has; "
                            + "Elasticsearch's refusal went to sink.dlq (" + sinkReason + "). The good report after each is indexed.")
                    .count("crawled: too_large (20 MB page, 9 MB report)", 2, pass.skipped("too_large"))
                    .count("crawled: mojibake (junk)", 1, pass.skipped("mojibake"))
                    .count("crawled: empty body skipped as challenge", 1, pass.skipped("challenge"))
                    .count("crawled: news item not_a_report", 1, pass.skipped("not_a_report"))
                    .count("crawled pages published (wrong charset, truncated, no text, good)", 4, published.size())
                    .count("GBK page declared UTF-8: issues (gold issues of its report)", s09Issues, wrongCharsetIssues)
                    .count("reports.dlq: NOT_A_REPORT (empty, junk, news)", 3, dlq.values().stream().filter("NOT_A_REPORT"::equals).count())
                    .count("reports.dlq: NO_ISSUES_FOUND (page without text)", 1, "NO_ISSUES_FOUND".equals(dlq.get("site:/bad/no-text.html")) ? 1 : 0)
                    .count("reports.dlq: malformed JSON (deserialization)", 1, dlq.containsKey(RAW + "malformed") ? 1 : 0)
                    .count("reports.dlq records in all", 5, dlq.size())
                    .count("9 MiB record refused by the broker (1 = yes)", 1, "RecordTooLargeException".equals(oversizeError) ? 1 : 0)
                    .count("truncated report: issues it still has (gold issues before the cut)", truncatedExpected, truncatedIssues)
                    .count("sink.dlq: ES_REJECTED", 1, sinkDlq.size() == 1 && "ES_REJECTED".equals(sinkReason) ? 1 : 0)
                    .count("good crawled report after the bad ones: issues", s09Issues, crawledGood)
                    .count("good raw report after the bad ones: issues", s09Issues, rawGoodIssues)
                    .count("good document after the rejected one: indexed", 1, accepted)
                    .count("processor and sink still running (1 = yes)", 1,
                            stages.processor().streams().state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING && stages.sink().isRunning() ? 1 : 0);
            ReliabilityRow r = row.build(getClass().getSimpleName() + "#badInputIsRefusedOrDeadLetteredAndThePipelineGoesOn");
            r.write(ReliabilityRow.DEFAULT_DIR);
            assertThat(r.counts()).allSatisfy(x -> assertThat(x.actual()).as(x.what()).isEqualTo(x.expected()));
        }
    }

    /** A report with 2,000 numbered items is processed whole: every item is an issue document. */
    @Test
    void aReportWith2000NumberedItemsYields2000Issues() throws Exception {
        try (LocalKafka kafka = LocalKafka.startTemporary();
             Stages stages = new Stages("items", kafka.bootstrap(), SharedStack.elasticsearch().url())) {
            kafka.createPipelineTopics();
            stages.startProcessor();
            stages.startSink();
            try (KafkaProducer<String, byte[]> p = Backfill.producer(kafka.bootstrap())) {
                p.send(raw(RAW + "items-2000", "中共千项县委关于巡视整改情况的通报", numberedReport(2000))).get();
            }
            long items = Stages.awaitStable(() -> stages.issuesOf(RAW + "items-2000"), 2000, Duration.ofMinutes(1));
            new Builder("b2-2000-items", "Bad input", "A report with 2,000 numbered items")
                    .outcome("Parsed and indexed whole: one issue document per numbered item.")
                    .count("issue documents", 2000, items).build(getClass().getSimpleName() + "#aReportWith2000NumberedItemsYields2000Issues")
                    .write(ReliabilityRow.DEFAULT_DIR);
            assertThat(items).isEqualTo(2000);
        }
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> l = new java.util.ArrayList<>();
        array.forEach(l::add);
        return l.stream();
    }

    private static ProducerRecord<String, byte[]> raw(String url, String title, String text) {
        RawReport r = new RawReport(url, "raw", title, "2025-10-01", Instant.now(), "UTF-8", Backfill.sha256(text), text, List.of());
        return new ProducerRecord<>(Topics.REPORTS_RAW, url, WireSerdes.RAW_REPORT.serializer().serialize(Topics.REPORTS_RAW, r));
    }

    /** A producer configured to send what the broker's limit refuses (no compression, a 16 MiB request size). */
    private static KafkaProducer<String, byte[]> bigProducer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(16 * 1024 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64L * 1024 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** The first 55% of the lines, the last of them cut in the middle: a page that stops mid-report. */
    static String truncate(String text) {
        List<String> lines = text.lines().toList();
        int keep = (int) (lines.size() * 0.55);
        String last = lines.get(keep - 1);
        return String.join("\n", lines.subList(0, keep - 1)) + "\n" + last.substring(0, Math.max(1, last.length() / 2));
    }

    /** A well-formed report with {@code n} numbered issues. */
    static String numberedReport(int n) {
        StringBuilder b = new StringBuilder("中共千项县委关于巡视整改情况的通报\n")
                .append("根据省委统一部署，2025年3月10日至5月16日，省委第九巡视组对千项县开展了常规巡视，并于6月20日反馈了巡视意见。现将巡视整改情况予以公布。\n")
                .append("一、整改工作总体情况\n县委召开专题会议研究部署整改工作，逐项明确责任单位和完成时限。\n")
                .append("二、巡视反馈问题整改落实情况\n");
        String[] areas = {"专项资金管理", "工程项目审批", "干部选拔任用", "基层党组织建设", "违规公务接待", "国有资产处置", "招商引资落实", "生态环境保护"};
        for (int i = 1; i <= n; i++) {
            b.append(i).append(".关于“第").append(i).append("项：").append(areas[i % areas.length]).append("不规范”问题。")
                    .append("整改情况：已建立台账并制定管理办法，第").append(i).append("项问题已整改完成。\n");
        }
        return b.append("三、下一步工作计划\n县委将持续巩固整改成果。\n中共千项县委\n2025年8月10日").toString();
    }
}
