package org.rectifywatch.sink.bench;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.report.Commitment;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.sink.ElasticsearchSink;
import org.rectifywatch.sink.config.SinkConfig;
import org.rectifywatch.sink.index.DocumentMapper;
import org.rectifywatch.sink.index.IndexNames;
import org.rectifywatch.sink.index.IndexSetup;
import org.rectifywatch.sink.index.LogicalIndex;
import org.rectifywatch.sink.write.BulkWriter;
import org.rectifywatch.sink.write.SinkAction;

/**
 * Issue documents per second through the sink (consumer → bulk → acknowledged, measured from the first
 * record consumed to the last acknowledged) against raw concurrent {@code _bulk} requests of the same
 * documents (held in memory, serialised into each request) with the same batch size, concurrency and
 * external versions, on the same Elasticsearch. A second reference sends bodies serialised in advance.
 * After a warm-up of both paths (not counted), the two alternate three times; the medians are compared. Everything runs on private
 * topics and indices that are deleted afterwards. {@code -Drectify.bench.sink.docs=N} sets the size (default 100,000).
 */
public final class SinkBenchmark {
    private static final int BATCH = 1000;
    private static final int CONCURRENCY = 2;
    private static final int ROUNDS = 3;

    private SinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? args[0] : "http://127.0.0.1:9200", args.length > 1 ? args[1] : "127.0.0.1:9092", System.out);
    }

    public static void run(String esUrl, String bootstrap, PrintStream out) {
        int n = Integer.getInteger("rectify.bench.sink.docs", 100_000);
        String id = UUID.randomUUID().toString().substring(0, 8);
        List<String> warmTopics = topics("bench." + id + "w");
        List<String> topics = topics("bench." + id);
        List<IssueRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(issue(i));
        }
        List<String> prefixes = new ArrayList<>();
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Rest5Client es = Rest5Client.builder(URI.create(esUrl)).build(); Admin admin = Admin.create(ap)) {
            List<NewTopic> create = new ArrayList<>();
            List<String> all = new ArrayList<>(warmTopics);
            all.addAll(topics);
            for (int round = 2; round <= ROUNDS; round++) {
                all.addAll(topics("bench." + id + "r" + round));
            }
            for (String t : all) {
                create.add(new NewTopic(t, t.endsWith(".issues") ? 3 : 1, (short) 1)
                        .configs(t.endsWith(".notify") ? Map.of("cleanup.policy", "compact") : Map.of()));
            }
            admin.createTopics(create).all().get();
            produce(bootstrap, warmTopics.get(0), records);
            produce(bootstrap, topics.get(0), records);
            out.printf(Locale.ROOT, "bench sink: %d issue documents, batch %d, concurrency %d%n", n, BATCH, CONCURRENCY);

            // both paths run once before measuring, so neither pays for class loading and JIT compilation
            double warm = baseline(es, records, prefix("bench-" + id + "-warm", prefixes), false);
            double warmSink = throughSink(esUrl, bootstrap, id + "w", warmTopics, n, prefix("bench-" + id + "-warmsink", prefixes), es, null);
            out.printf(Locale.ROOT, "bench sink: warm-up (not counted): baseline %.0f docs/s, sink %.0f docs/s%n", warm, warmSink);
            // alternate the two paths three times and compare medians: the machine may be shared and noisy
            List<Double> base = new ArrayList<>();
            List<Double> bytesOnly = new ArrayList<>();
            List<Double> sink = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                base.add(baseline(es, records, prefix("bench-" + id + "-raw" + round, prefixes), false));
                bytesOnly.add(baseline(es, records, prefix("bench-" + id + "-bytes" + round, prefixes), true));
                List<String> t = round == 1 ? topics : topics("bench." + id + "r" + round);
                if (round > 1) {
                    produce(bootstrap, t.get(0), records);
                }
                sink.add(throughSink(esUrl, bootstrap, id + "r" + round, t, n, prefix("bench-" + id + "-sink" + round, prefixes), es, out));
                out.printf(Locale.ROOT, "bench sink: round %d: sink %.0f docs/s, baseline %.0f docs/s, pre-serialised bodies %.0f docs/s%n",
                        round, sink.get(round - 1), base.get(round - 1), bytesOnly.get(round - 1));
            }
            double s = median(sink);
            double b = median(base);
            out.printf(Locale.ROOT, "bench sink: against pre-serialised bodies (no client-side JSON at all): %.0f docs/s = ratio %.2f%n",
                    median(bytesOnly), s / median(bytesOnly));
            out.printf(Locale.ROOT, "bench sink: %.0f docs/s vs baseline %.0f docs/s = ratio %.2f%n", s, b, s / b);

            for (String p : prefixes) {
                dropIndices(es, p);
            }
            admin.deleteTopics(all).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("sink benchmark failed: " + e, e);
        }
    }

    /**
     * The baseline alone, for other benchmarks: raw concurrent {@code _bulk} requests of {@code docs} (batch 1000,
     * concurrency 2, documents serialised into each request) into fresh indices under {@code prefix}, which are
     * removed before and after. Returns documents per second.
     */
    public static double rawBulkRate(Rest5Client es, List<IssueRecord> docs, String prefix) {
        return rawBulkRate(es, docs, prefix, () -> { }, () -> { });
    }

    /** As above; {@code clockStarts} and {@code clockStops} run when the timed requests begin and end (to measure CPU). */
    public static double rawBulkRate(Rest5Client es, List<IssueRecord> docs, String prefix, Runnable clockStarts, Runnable clockStops) {
        try {
            dropIndices(es, prefix);
            double rate = baseline(es, docs, prefix, false, clockStarts, clockStops);
            dropIndices(es, prefix);
            return rate;
        } catch (Exception e) {
            throw new IllegalStateException("raw bulk baseline failed: " + e, e);
        }
    }

    private static void dropIndices(Rest5Client es, String prefix) throws IOException {
        IndexNames names = new IndexNames(prefix);
        for (LogicalIndex li : LogicalIndex.values()) {
            es.performRequest(new Request("DELETE", "/" + names.concrete(li))); // 404 when absent: fine
            es.performRequest(new Request("DELETE", "/_index_template/" + names.template(li)));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }

    private static List<String> topics(String base) {
        return List.of(base + ".issues", base + ".reports", base + ".alerts", base + ".dlq", base + ".notify");
    }

    private static String prefix(String p, List<String> all) {
        all.add(p);
        return p;
    }

    private static double throughSink(String esUrl, String bootstrap, String id, List<String> topics, int n, String prefix,
                                      Rest5Client es, PrintStream out) throws Exception {
        Map<String, String> c = new HashMap<>();
        c.put("kafka.bootstrap", bootstrap);
        c.put("es.url", esUrl);
        c.put("sink.group.id", "bench-" + id);
        c.put("sink.topic.issues", topics.get(0));
        c.put("sink.topic.reports", topics.get(1));
        c.put("sink.topic.alerts", topics.get(2));
        c.put("sink.topic.dlq", topics.get(3));
        c.put("sink.topic.notify.state", topics.get(4));
        c.put("sink.index.prefix", prefix);
        c.put("sink.bulk.max.actions", String.valueOf(BATCH));
        c.put("sink.bulk.max.in.flight", String.valueOf(CONCURRENCY));
        SinkConfig config = SinkConfig.from(new ConfigSource(c, Map.of()));
        long start = System.nanoTime();
        long first = 0;
        try (ElasticsearchSink sink = new ElasticsearchSink(config).start()) {
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (sink.counters().acknowledged() < n) {
                if (first == 0 && sink.counters().consumed.get() > 0) {
                    first = System.nanoTime();
                }
                if (System.nanoTime() > deadline || !sink.isRunning()) {
                    throw new IllegalStateException("the sink acknowledged only " + sink.counters().acknowledged() + " of " + n);
                }
                Thread.sleep(2);
            }
            long end = System.nanoTime();
            if (sink.counters().indexed() != n) {
                throw new IllegalStateException("the sink indexed " + sink.counters().indexed() + " of " + n + ": " + sink.counters().summary());
            }
            double rate = n / ((end - first) / 1e9);
            if (out != null) {
                out.printf(Locale.ROOT, "bench sink: sink %.0f docs/s (%.1f s from first record; %.1f s including start-up and setup;"
                                + " %d bulk requests, writers inside a request %.0f%% of the time)%n",
                        rate, (end - first) / 1e9, (end - start) / 1e9, sink.counters().bulkRequests.get(),
                        100.0 * sink.counters().bulkNanos.get() / ((end - first) * (double) CONCURRENCY));
            }
            verifyCount(es, new IndexNames(prefix).alias(LogicalIndex.ISSUES), n);
            return rate;
        }
    }

    /**
     * Raw concurrent bulk requests. {@code preSerialized}: the NDJSON bodies are built before the clock starts
     * (bytes on the wire only); otherwise each thread serialises the in-memory documents into its request, as
     * any client that sends documents must.
     */
    private static double baseline(Rest5Client es, List<IssueRecord> records, String prefix, boolean preSerialized) throws Exception {
        return baseline(es, records, prefix, preSerialized, () -> { }, () -> { });
    }

    private static double baseline(Rest5Client es, List<IssueRecord> records, String prefix, boolean preSerialized,
                                   Runnable clockStarts, Runnable clockStops) throws Exception {
        IndexNames names = new IndexNames(prefix);
        IndexSetup.ensure(es, names);
        String alias = names.alias(LogicalIndex.ISSUES);
        List<Map<String, Object>> docs = new ArrayList<>(records.size());
        for (IssueRecord r : records) {
            docs.add(DocumentMapper.issue(r, Instant.now()));
        }
        int batches = (records.size() + BATCH - 1) / BATCH;
        java.util.function.IntFunction<byte[]> body = k -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = k * BATCH; i < Math.min(records.size(), (k + 1) * BATCH); i++) {
                out.writeBytes(BulkWriter.meta(SinkAction.index(alias, records.get(i).issueId(), i + 1L, null, null)));
                out.write('\n');
                out.writeBytes(Json.bytes(docs.get(i)));
                out.write('\n');
            }
            return out.toByteArray();
        };
        List<byte[]> bodies = new ArrayList<>();
        if (preSerialized) {
            for (int k = 0; k < batches; k++) {
                bodies.add(body.apply(k));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        clockStarts.run();
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            for (int t = 0; t < CONCURRENCY; t++) {
                done.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < batches) {
                        Request req = new Request("POST", "/_bulk");
                        req.addParameter("filter_path", "errors,items.*.status,items.*.error");
                        req.setEntity(new ByteArrayEntity(preSerialized ? bodies.get(i) : body.apply(i), ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
                        Response resp = es.performRequest(req);
                        String answer = EntityUtils.toString(resp.getEntity());
                        if (resp.getStatusCode() != 200 || answer.contains("\"errors\":true")) {
                            throw new IllegalStateException("baseline bulk failed: " + answer.substring(0, Math.min(500, answer.length())));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long end = System.nanoTime();
        clockStops.run();
        verifyCount(es, alias, records.size());
        return records.size() / ((end - start) / 1e9);
    }

    private static void verifyCount(Rest5Client es, String alias, int n) throws IOException {
        es.performRequest(new Request("POST", "/" + alias + "/_refresh"));
        try {
            String body = EntityUtils.toString(es.performRequest(new Request("GET", "/" + alias + "/_count")).getEntity());
            long count = Json.MAPPER.readTree(body).path("count").asLong();
            if (count != n) {
                throw new IllegalStateException(alias + " holds " + count + " documents, expected " + n);
            }
        } catch (org.apache.hc.core5.http.ParseException e) {
            throw new IOException(e);
        }
    }

    private static void produce(String bootstrap, String topic, List<IssueRecord> records) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        // one request in flight: a batch refused by a just-created partition cannot be overtaken by the next
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (producer.partitionsFor(topic).stream().anyMatch(pi -> pi.leader() == null || pi.leader().isEmpty())
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            List<Future<?>> acks = new ArrayList<>(records.size());
            for (IssueRecord r : records) {
                acks.add(producer.send(new ProducerRecord<>(topic, r.issueId(), Json.bytes(r))));
            }
            producer.flush();
            for (Future<?> f : acks) {
                f.get();
            }
        }
    }

    private static IssueRecord issue(int i) {
        String[] topics = {"conduct", "economy", "integrity", "cadres", "rural", "livelihood"};
        String problem = "第" + i + "项：落实全面从严治党主体责任不够到位，对重点领域廉政风险防控不力，形式主义官僚主义问题仍有发生";
        String rectification = "已制定整改方案，明确责任单位和完成时限，建立健全制度" + (i % 7) + "项，开展专项检查，将于2025年底前全面完成";
        return new IssueRecord("bench-issue-" + i, "bench-report-" + (i / 25), 1, i % 25 + 1, String.valueOf(i % 25 + 1),
                List.of("二、整改落实情况", "(一)全面从严治党方面"), problem, rectification, 10 + i % 200, topics[i % topics.length], null,
                "S", 0.8, List.of("主体责任", "廉政风险"), List.of("全面从严治党", "主体责任", "廉政"),
                "落实 全面 从严 治党 主体 责任 不够 到位", "已 制定 整改 方案 明确 责任 单位", i % 3 == 0 ? "in_progress" : "completed",
                "已制定", List.of(new Commitment("将于2025年底前全面完成", "2025-12-31")), "bench", "某某区", "河南", "省委第九巡视组",
                "常规巡视", "整改情况", "2020-09-14", "2020-11-09", "2021-02-05", "2021-06-30",
                "https://example.gov.cn/report/" + (i / 25) + ".html", "巡视整改进展情况的通报", "bench", Instant.now());
    }
}
