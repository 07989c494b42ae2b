package org.rectifywatch.app.bench;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rectifywatch.app.demo.SearchClient;
import org.rectifywatch.localstack.LocalStack;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.config.ElasticsearchSettings;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.processor.classify.ChineseTokenizer;
import org.rectifywatch.processor.report.ReportAnalyzer;
import org.rectifywatch.processor.report.ReportIds;
import org.rectifywatch.processor.report.WireRecords;
import org.rectifywatch.processor.service.ProcessorConfig;
import org.rectifywatch.processor.service.ProcessorMetrics;
import org.rectifywatch.processor.service.ProcessorService;
import org.rectifywatch.sink.ElasticsearchSink;
import org.rectifywatch.sink.bench.SinkBenchmark;
import org.rectifywatch.sink.config.RestClients;
import org.rectifywatch.sink.config.SinkConfig;

/**
 * {@code bench e2e}: a backfill of N report records on {@code reports.raw} (the sample and corpus texts, each
 * published under many mirror URLs, as reports are mirrored across sites) until every issue document is
 * searchable, against raw concurrent {@code _bulk} of the same issue documents on the same Elasticsearch;
 * then a steady load at a fixed rate with publish → searchable latency per report.
 */
public final class EndToEndBench {
    private static final double STEADY_RATE = 10.0;
    private static final Duration STEADY_FOR = Duration.ofSeconds(30);

    private EndToEndBench() {
    }

    public static void run(List<BenchTexts.Text> texts, int reports, PrintStream out) throws Exception {
        ReportAnalyzer analyzer = ReportAnalyzer.standard();
        WireRecords wire = new WireRecords(ChineseTokenizer.shared());
        Map<String, Integer> issuesPerText = new LinkedHashMap<>();
        Map<String, String> targetPerText = new HashMap<>();
        Map<String, List<IssueRecord>> recordsPerText = new HashMap<>();
        for (BenchTexts.Text t : texts) {
            RawReport raw = raw("bench:" + t.name(), t.text());
            ParsedReport p = analyzer.analyze(raw);
            if (p.warnings().stream().anyMatch(w -> w.code().rejects())) {
                continue;
            }
            issuesPerText.put(t.name(), p.issueCount());
            targetPerText.put(t.name(), p.meta().target());
            List<String> ids = org.rectifywatch.processor.report.IssueIdentity.assign("rb", List.of(), p.issues()).ids();
            List<IssueRecord> recs = new ArrayList<>();
            for (int i = 0; i < p.issues().size(); i++) {
                recs.add(wire.issue(ids.get(i), "rb", 1, raw, p, p.issues().get(i), Instant.now()));
            }
            recordsPerText.put(t.name(), recs);
        }
        List<BenchTexts.Text> usable = texts.stream().filter(t -> issuesPerText.containsKey(t.name())).toList();
        long expectedIssues = 0;
        for (int i = 0; i < reports; i++) {
            expectedIssues += issuesPerText.get(usable.get(i % usable.size()).name());
        }
        out.printf("bench e2e: %d reports (variants of %d texts, each under another unit's name) → about %d issue documents; %d cores%n",
                reports, usable.size(), expectedIssues, Runtime.getRuntime().availableProcessors());

        try (LocalStack stack = LocalStack.start(null, 0, 0)) {
            String bootstrap = stack.kafka().bootstrap();
            String esUrl = stack.elasticsearch().url();
            try (KafkaProducer<String, RawReport> producer = producer(bootstrap)) {
                List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < reports; i++) {
                    BenchTexts.Text t = usable.get(i % usable.size());
                    String url = "https://site" + (i / usable.size()) + ".bench.test/" + t.name() + ".html";
                    String text = variant(t.text(), targetPerText.get(t.name()), i / usable.size());
                    sent.add(producer.send(new ProducerRecord<>(Topics.REPORTS_RAW, url, raw(url, text))));
                }
                for (var f : sent) {
                    f.get(); // a lost record would make the backfill wait for documents that never come
                }
            }
            // both sides measured warm, as a long backfill runs: JIT-compiled analysis code and a warmed-up Elasticsearch
            out.println("warming up the analysis code and Elasticsearch (not counted) …");
            for (int round = 0; round < 10; round++) {
                for (BenchTexts.Text t : usable) {
                    RawReport r = raw("bench:warm:" + t.name(), variant(t.text(), targetPerText.get(t.name()), 7_000 + round));
                    ParsedReport p = analyzer.analyze(r);
                    for (var issue : p.issues()) {
                        wire.issue("warm", "rw", 1, r, p, issue, Instant.now());
                    }
                }
            }
            try (Rest5Client es = RestClients.build(ElasticsearchSettings.local(esUrl))) {
                SinkBenchmark.rawBulkRate(es, bulkDocs(recordsPerText, usable, Math.min(20_000, expectedIssues)), "benchwarm");
            }
            out.printf("published %d records to %s; starting processor and sink …%n", reports, Topics.REPORTS_RAW);
            ConfigSource config = ConfigSource.of(Map.of("kafka.bootstrap", bootstrap, "es.url", esUrl))
                    .with("processor.state.dir", Files.createTempDirectory("bench-e2e-").toString())
                    .with("processor.application.id", "bench-e2e")
                    .with("processor.threads", "2")
                    .with("sink.group.id", "bench-e2e-sink");
            try (ProcessorService processor = new ProcessorService(ProcessorConfig.from(config));
                 ElasticsearchSink sink = new ElasticsearchSink(SinkConfig.from(config));
                 SearchClient search = new SearchClient(ElasticsearchSettings.local(esUrl))) {
                CpuUse.Snapshot cpuFrom = CpuUse.take(stack.elasticsearch()::cpuTime);
                long t0 = System.nanoTime();
                processor.start();
                sink.start();
                long lastPrinted = 0;
                long n;
                while (true) {
                    n = search.count("rectify-issues", "{\"match_all\":{}}");
                    ProcessorMetrics m = processor.metrics();
                    long handled = m.reportsParsed.get() + m.deadLetters.get() + m.reportsUnchanged.get();
                    if (handled >= reports && n >= m.issuesOut.get()) {
                        break;
                    }
                    if (System.nanoTime() - lastPrinted > 5_000_000_000L) {
                        out.printf("  %,d reports processed, %,d issue documents searchable after %.0f s%n", handled, n,
                                (System.nanoTime() - t0) / 1e9);
                        lastPrinted = System.nanoTime();
                    }
                    if (System.nanoTime() - t0 > Duration.ofMinutes(30).toNanos()) {
                        throw new IllegalStateException("backfill did not complete within 30 minutes: " + handled + " reports, " + n + " issues");
                    }
                    Thread.sleep(250);
                }
                CpuUse.Snapshot cpuTo = CpuUse.take(stack.elasticsearch()::cpuTime);
                expectedIssues = n;
                double seconds = (System.nanoTime() - t0) / 1e9;
                double reportsPerSec = reports / seconds;
                double issuesPerSec = expectedIssues / seconds;
                out.printf("backfill: %.1f s, %.1f reports/s, %.0f issue documents/s%n", seconds, reportsPerSec, issuesPerSec);

                double raw;
                try (Rest5Client es = RestClients.build(ElasticsearchSettings.local(esUrl))) {
                    raw = SinkBenchmark.rawBulkRate(es, bulkDocs(recordsPerText, usable, expectedIssues), "benchraw");
                }
                out.printf("baseline: raw concurrent _bulk of the same %d issue documents: %.0f docs/s%n", expectedIssues, raw);
                int cores = Runtime.getRuntime().availableProcessors();
                out.println(CpuUse.describe(cpuFrom, cpuTo, cores));
                double processorCpu = CpuUse.seconds(cpuFrom, cpuTo).get(CpuUse.PROCESSOR);
                double perIssue = processorCpu / expectedIssues;
                double bulkPerDoc = cores / raw; // raw bulk keeps every core busy
                out.printf("processor: %.2f ms CPU per report, %.0f µs per issue document; raw bulk: at most %.0f µs per document"
                                + " (%d cores / %.0f docs/s); so on these cores the backfill cannot pass %.2f of the raw rate%n",
                        1000 * processorCpu / reports, 1e6 * perIssue, 1e6 * bulkPerDoc, cores, raw, bulkPerDoc / (bulkPerDoc + perIssue));

                List<Double> latencies = steady(bootstrap, search, usable, issuesPerText, targetPerText, out);
                out.printf("steady load %.0f reports/s for %d s: p50 %.2f s, p99 %.2f s, max %.2f s (%d reports)%n", STEADY_RATE,
                        STEADY_FOR.toSeconds(), pct(latencies, 50), pct(latencies, 99), pct(latencies, 100), latencies.size());
                out.printf("bench e2e: %.0f issues/s vs baseline %.0f docs/s = ratio %.2f%n", issuesPerSec, raw, issuesPerSec / raw);
            }
        }
    }

    /** Publishes at a fixed rate and measures, per report, publish → all its issues searchable. */
    private static List<Double> steady(String bootstrap, SearchClient search, List<BenchTexts.Text> texts,
                                       Map<String, Integer> issuesPerText, Map<String, String> targets, PrintStream out)
            throws Exception {
        int total = (int) (STEADY_RATE * STEADY_FOR.toSeconds());
        Map<String, long[]> pending = new LinkedHashMap<>(); // url → {publish nanos, expected issues}
        List<Double> latencies = new ArrayList<>();
        long interval = (long) (1_000_000_000L / STEADY_RATE);
        long start = System.nanoTime();
        int sent = 0;
        try (KafkaProducer<String, RawReport> producer = producer(bootstrap)) {
            while (latencies.size() < total) {
                long now = System.nanoTime();
                while (sent < total && now - start >= sent * interval) {
                    BenchTexts.Text t = texts.get(sent % texts.size());
                    String url = "https://steady.bench.test/" + sent + "/" + t.name() + ".html";
                    producer.send(new ProducerRecord<>(Topics.REPORTS_RAW, url, raw(url, variant(t.text(), targets.get(t.name()),
                            100_000 + sent)))).get();
                    pending.put(url, new long[] {System.nanoTime(), issuesPerText.get(t.name())});
                    sent++;
                }
                if (!pending.isEmpty()) {
                    JsonNode r = search.search("rectify-issues", "{\"size\":0,\"query\":{\"terms\":{\"report_url\":"
                            + Json.write(pending.keySet()) + "}},\"aggs\":{\"u\":{\"terms\":{\"field\":\"report_url\",\"size\":1000}}}}");
                    long seenAt = System.nanoTime();
                    for (JsonNode b : r.at("/aggregations/u/buckets")) {
                        long[] p = pending.get(b.path("key").asText());
                        if (p != null && b.path("doc_count").asLong() >= p[1]) {
                            latencies.add((seenAt - p[0]) / 1e9);
                            pending.remove(b.path("key").asText());
                        }
                    }
                }
                if (System.nanoTime() - start > STEADY_FOR.plusSeconds(60).toNanos()) {
                    out.printf("  %d reports still not searchable 60 s after the load ended%n", pending.size());
                    break;
                }
                Thread.sleep(50);
            }
        }
        return latencies;
    }

    private static final String FIRST = "东西南北新安平和兴宁永长清青云金玉华丰嘉";
    private static final String SECOND = "山河江湖城原州阳林川溪桥泉岭源塘田沙港湾";
    private static final String ROUNDS = "甲乙丙丁戊己庚辛壬癸";

    /**
     * The same report as published by another unit: its inspected unit's name gets a prefix from 400 two-character
     * place names, so units hold a few reports each, as in real backfills, and every text is distinct.
     */
    static String variant(String text, String target, int v) {
        if (target == null || target.isBlank()) {
            return text;
        }
        int k = v % (FIRST.length() * SECOND.length());
        int round = v / (FIRST.length() * SECOND.length());
        String prefix = "" + FIRST.charAt(k / SECOND.length()) + SECOND.charAt(k % SECOND.length())
                + (round == 0 ? "" : String.valueOf(ROUNDS.charAt((round - 1) % ROUNDS.length())));
        return text.replace(target, prefix + target);
    }

    private static double pct(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    private static RawReport raw(String url, String text) {
        return new RawReport(url, "bench", null, null, Instant.now(), "UTF-8", ReportIds.sha256Hex(text), text, List.of());
    }

    /** {@code n} issue documents for the raw bulk baseline: the texts' issues, repeated under fresh ids. */
    private static List<IssueRecord> bulkDocs(Map<String, List<IssueRecord>> recordsPerText, List<BenchTexts.Text> texts, long n) {
        List<IssueRecord> docs = new ArrayList<>();
        for (int i = 0; docs.size() < n; i++) {
            for (IssueRecord r : recordsPerText.get(texts.get(i % texts.size()).name())) {
                docs.add(withId(r, r.issueId() + "-" + i));
            }
        }
        return docs;
    }

    private static IssueRecord withId(IssueRecord r, String id) {
        JsonNode n = Json.MAPPER.valueToTree(r);
        ((com.fasterxml.jackson.databind.node.ObjectNode) n).put("issue_id", id);
        return Json.MAPPER.convertValue(n, IssueRecord.class);
    }

    private static KafkaProducer<String, RawReport> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        return new KafkaProducer<>(p, new StringSerializer(), WireSerdes.RAW_REPORT.serializer());
    }
}
