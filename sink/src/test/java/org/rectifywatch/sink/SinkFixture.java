package org.rectifywatch.sink;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.report.Commitment;
import org.rectifywatch.model.report.Contact;
import org.rectifywatch.model.report.ReportMeta;
import org.rectifywatch.model.wire.AlertKind;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.ReportRecord;
import org.rectifywatch.sink.config.SinkConfig;

/** Private topics and index prefix on the shared local stack, records to feed them and ES read helpers. */
public final class SinkFixture implements AutoCloseable {
    final String bootstrap;
    final String esUrl;
    final String id = UUID.randomUUID().toString().substring(0, 8);
    final String reports = "t" + id + ".reports";
    final String issues = "t" + id + ".issues";
    final String alerts = "t" + id + ".alerts";
    final String dlq = "t" + id + ".dlq";
    final String notifyState = "t" + id + ".notify";
    final String prefix = "t" + id;
    final Rest5Client es;
    private final KafkaProducer<String, byte[]> producer;
    private final List<java.util.concurrent.Future<?>> pendingSends = new ArrayList<>();

    SinkFixture(String bootstrap, String esUrl) throws Exception {
        this.bootstrap = bootstrap;
        this.esUrl = esUrl;
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(ap)) {
            admin.createTopics(List.of(new NewTopic(reports, 3, (short) 1), new NewTopic(issues, 3, (short) 1),
                    new NewTopic(alerts, 3, (short) 1), new NewTopic(dlq, 1, (short) 1),
                    new NewTopic(notifyState, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")))).all().get();
        }
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // one request in flight: a batch refused right after topic creation (NOT_LEADER) cannot be overtaken
        pp.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        producer = new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer());
        for (String t : List.of(reports, issues, alerts, dlq, notifyState)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (producer.partitionsFor(t).stream().anyMatch(pi -> pi.leader() == null || pi.leader().isEmpty())
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        es = Rest5Client.builder(URI.create(esUrl)).build();
    }

    Map<String, String> settings(String group) {
        Map<String, String> m = new HashMap<>();
        m.put("kafka.bootstrap", bootstrap);
        m.put("es.url", esUrl);
        m.put("sink.group.id", group);
        m.put("sink.topic.reports", reports);
        m.put("sink.topic.issues", issues);
        m.put("sink.topic.alerts", alerts);
        m.put("sink.topic.dlq", dlq);
        m.put("sink.topic.notify.state", notifyState);
        m.put("sink.index.prefix", prefix);
        m.put("sink.bulk.max.actions", "200");
        m.put("sink.bulk.linger", "50ms");
        m.put("sink.backoff.initial", "100ms");
        m.put("sink.backoff.max", "2s");
        return m;
    }

    SinkConfig config(String group, Map<String, String> extra) {
        Map<String, String> m = settings(group);
        m.putAll(extra);
        return SinkConfig.from(new ConfigSource(m, Map.of()));
    }

    void send(String topic, String key, Object value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value == null ? null : value instanceof byte[] b ? b : Json.bytes(value))).get();
    }

    /** Sends without waiting for each acknowledgement; {@link #flush()} waits for all. */
    void sendAsync(String topic, String key, Object value) {
        pendingSends.add(producer.send(new ProducerRecord<>(topic, key, value == null ? null : Json.bytes(value))));
    }

    /** As {@link #sendAsync} with the record stamped {@code timestamp} (epoch milliseconds), as if created then. */
    void sendAsyncAt(String topic, String key, Object value, long timestamp) {
        pendingSends.add(producer.send(new ProducerRecord<>(topic, null, timestamp, key, Json.bytes(value))));
    }

    /** Waits for every asynchronous send and fails if any record did not reach the broker. */
    void flush() throws Exception {
        producer.flush();
        for (java.util.concurrent.Future<?> f : pendingSends) {
            f.get();
        }
        pendingSends.clear();
    }

    static ReportRecord report(String id, int version) {
        ReportMeta meta = new ReportMeta("卫滨区", "中共卫滨区委", "河南", "省委第九巡视组", "省委", "常规巡视", "2020-09-14",
                "2020-11-09", "2021-02-05", "2021-06-30", "整改情况", "关于巡视整改进展情况的通报", new Contact("0373-1234567", null, null));
        return new ReportRecord(id, version, "https://example.gov.cn/" + id + ".html", "sample", "整改通报 " + id, "2021-06-30",
                "sha" + version, Instant.parse("2024-01-02T03:04:05Z"), Instant.parse("2024-01-02T03:05:00Z"), meta,
                Map.of("disciplined_persons", 12, "funds_recovered_yuan", 317700.0, "odd_figure", 3), 2,
                Map.of("completed", 1, "in_progress", 1), Map.of("conduct", 1, "economy", 1), 1, 4000, List.of(), List.of(),
                "p1", "c1", List.of(), null);
    }

    static IssueRecord issue(String id, int reportVersion, String feedbackDate) {
        return new IssueRecord(id, "r1", reportVersion, 1, "1", List.of("一、问题"), "理论学习浅表化 v" + reportVersion,
                "已建立制度", 14, "theory_politics", null, "D", 0.9, List.of("理论学习"), List.of("理论", "学习"),
                "理论 学习 浅表化", "已 建立 制度", "completed", "已建立", List.of(new Commitment("将于2021年底完成", "2021-12-31")),
                "c1", "卫滨区", "河南", "省委第九巡视组", "常规巡视", "整改情况", "2020-09", "2020-11-09", feedbackDate,
                "2021-06-30", "https://example.gov.cn/r1.html", "整改通报", "sample", Instant.parse("2024-01-02T03:05:00Z"));
    }

    /** An issue of 中共卫滨区委 in {@code province} on {@code topic} (and {@code topic2}), published 2021-06-30. */
    public static IssueRecord issueOf(String id, String province, String topic, String topic2) {
        return new IssueRecord(id, "r-" + id, 1, 1, "1", List.of("一、问题"), "问题 " + id + "：资金管理不规范", "已建立制度", 14, topic, topic2,
                "D", 0.9, List.of(), List.of(), "", "", "in_progress", null, List.of(), "c1", "卫滨区", province, "省委第九巡视组", "常规巡视",
                "整改情况", "2020-09", "2020-11-09", "2021-02-05", "2021-06-30", "https://example.gov.cn/r-" + id + ".html", "整改通报 " + id,
                "sample", Instant.parse("2024-01-02T03:05:00Z"));
    }

    /** A report of 中共卫滨区委 in {@code province} whose issues are on {@code topic}, published 2021-06-30. */
    public static ReportRecord reportOf(String id, String province, String topic) {
        ReportMeta meta = new ReportMeta("卫滨区", "中共卫滨区委", province, "省委第九巡视组", "省委", "常规巡视", "2020-09-14",
                "2020-11-09", "2021-02-05", "2021-06-30", "整改情况", "关于巡视整改进展情况的通报", null);
        return new ReportRecord(id, 1, "https://example.gov.cn/" + id + ".html", "sample", "整改通报 " + id, "2021-06-30",
                "sha-" + id, Instant.parse("2024-01-02T03:04:05Z"), Instant.parse("2024-01-02T03:05:00Z"), meta, Map.of(), 2,
                Map.of("in_progress", 2), Map.of(topic, 2), 0, 4000, List.of(), List.of(), "p1", "c1", List.of(), null);
    }

    /** A commitment_overdue alert in {@code state}: raised 2023-02-04, closed 2023-06-01 unless raised. */
    public static AlertRecord alert(String id, AlertState state) {
        return alert(id, state, "问题 " + id);
    }

    /** The same alert with other problem text (a raised record with it is an update of the alert). */
    public static AlertRecord alert(String id, AlertState state, String problem) {
        boolean closed = !state.isOpen();
        Instant raised = Instant.parse("2023-02-04T00:00:00Z");
        Instant closedAt = closed ? Instant.parse("2023-06-01T00:00:00Z") : null;
        return new AlertRecord(id, AlertKind.commitment_overdue, state, reason(state), "i-" + id, "r1", "卫滨区", "河南",
                "省委第九巡视组", problem, "economy", "D", "将于2021年底完成", "2021-12-31", "2021-02-05",
                "https://example.gov.cn/r1.html", "整改通报", raised, closed ? closedAt : raised, closedAt,
                state == AlertState.resolved ? "i-" + id + "-later" : null,
                state == AlertState.resolved ? "https://example.gov.cn/r2.html" : null,
                state == AlertState.superseded ? id + "-next" : null);
    }

    /** A report_overdue alert: 中共松岭县委 had feedback on 2025-01-16 and owed its report by 2025-07-16. */
    public static AlertRecord reportOverdue(String id, AlertState state) {
        boolean closed = !state.isOpen();
        Instant raised = Instant.parse("2025-07-17T00:00:00Z");
        Instant closedAt = closed ? Instant.parse("2025-09-01T02:00:00Z") : null;
        return new AlertRecord(id, AlertKind.report_overdue, state, reason(state), null, null, "中共松岭县委", "黑龙江",
                "省委第一巡视组", null, null, null, null, "2025-07-16", "2025-01-16",
                "https://example.gov.cn/notice-songling.html", "省委第一巡视组向松岭县委反馈巡视情况", raised,
                closed ? closedAt : raised, closedAt, null,
                state == AlertState.resolved ? "https://example.gov.cn/songling-report.html" : null,
                state == AlertState.superseded ? id + "-next" : null);
    }

    private static String reason(AlertState state) {
        return switch (state) {
            case raised -> "due date passed";
            case resolved -> "a later report marks it completed";
            case withdrawn -> "the issue was removed from its report";
            case superseded -> "due date revised to 2022-06-30";
        };
    }

    JsonNode request(String method, String path, String body) throws IOException {
        Request r = new Request(method, path);
        if (body != null) {
            r.setJsonEntity(body);
        }
        try {
            return Json.MAPPER.readTree(EntityUtils.toString(es.performRequest(r).getEntity()));
        } catch (org.apache.hc.core5.http.ParseException e) {
            throw new IOException(e);
        }
    }

    long count(String alias) throws IOException {
        request("POST", "/" + alias + "/_refresh", null);
        return request("GET", "/" + alias + "/_count", null).path("count").asLong();
    }

    /** id → {_version, _source minus nothing} of every document behind an alias. */
    Map<String, String> snapshot(String alias) throws IOException {
        request("POST", "/" + alias + "/_refresh", null);
        JsonNode hits = request("POST", "/" + alias + "/_search",
                "{\"size\":10000,\"version\":true,\"query\":{\"match_all\":{}}}").path("hits").path("hits");
        Map<String, String> out = new TreeMap<>();
        for (JsonNode h : hits) {
            out.put(h.path("_id").asText(), h.path("_version").asLong() + " " + h.path("_source"));
        }
        return out;
    }

    JsonNode source(String alias, String id) throws IOException {
        Request r = new Request("GET", "/" + alias + "/_doc/" + id);
        try {
            JsonNode n = Json.MAPPER.readTree(EntityUtils.toString(es.performRequest(r).getEntity()));
            return n.path("found").asBoolean() ? n : null;
        } catch (org.apache.hc.core5.http.ParseException e) {
            throw new IOException(e);
        }
    }

    List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            c.poll(Duration.ofMillis(500)).forEach(out::add); // anything beyond the expected shows up too
        }
        return out;
    }

    static void await(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws IOException {
        producer.close();
        es.close();
    }
}
