package org.rectifywatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.json.Json;

/**
 * The indices refresh on their own only every 30 s; the sink makes what it wrote searchable: fresh records within a
 * fraction of a second, a backlog once it has run out (the processor's input committed to its end, nothing unread, no
 * transaction open upstream) instead of after every bulk, and everything when it stops.
 * Counts here are read without a refresh of the test's own.
 */
@Tag("integration")
class SinkRefreshIT {

    @Test
    void aFreshRecordIsSearchableWellWithinTheIndexOwnInterval() throws Exception {
        try (SinkFixture fx = new SinkFixture(SharedStack.kafka().bootstrap(), SharedStack.elasticsearch().url());
             ElasticsearchSink sink = new ElasticsearchSink(fx.config("g-" + fx.id, Map.of())).start()) {
            String index = fx.prefix + "-issues";
            assertThat(fx.request("GET", "/" + index + "/_settings/index.refresh_interval", null).findValue("refresh_interval")
                    .asText()).isEqualTo("30s");
            for (int i = 1; i <= 3; i++) {
                long sent = System.nanoTime();
                fx.send(fx.issues, "f" + i, SinkFixture.issue("f" + i, 1, "2021-02-05"));
                int expected = i;
                SinkFixture.await("issue f" + i + " searchable", Duration.ofSeconds(20), () -> searchable(fx, index) == expected);
                long millis = (System.nanoTime() - sent) / 1_000_000;
                assertThat(millis).as("publish to searchable of f%d", i).isLessThan(3_000);
            }
            assertThat(sink.counters().refreshes.get()).isBetween(3L, 6L);
        }
    }

    @Test
    void aBacklogIsRefreshedOnceWhenItRunsOutNotAfterEveryBulk() throws Exception {
        try (SinkFixture fx = new SinkFixture(SharedStack.kafka().bootstrap(), SharedStack.elasticsearch().url())) {
            int n = 4000;
            sendHourOldBacklog(fx, n);
            String index = fx.prefix + "-issues";
            // neither the delay nor the quiet time can end the wait within the test: only finding the input drained
            try (ElasticsearchSink sink = new ElasticsearchSink(fx.config("g-" + fx.id,
                    Map.of("sink.bulk.max.actions", "100", "sink.refresh.max.delay", "10m", "sink.refresh.quiet", "10m",
                            "sink.upstream.group", "none"))).start()) {
                SinkFixture.await("the backlog searchable while the sink runs", Duration.ofSeconds(120),
                        () -> searchable(fx, index) == n);
                assertThat(sink.counters().bulkRequests.get()).isGreaterThanOrEqualTo(40);
                assertThat(sink.counters().refreshes.get()).as("one refresh, once all of it was written").isEqualTo(1);
            }
        }
    }

    @Test
    void aTransactionOpenUpstreamHoldsTheBacklogsRefreshUntilItIsCommitted() throws Exception {
        try (SinkFixture fx = new SinkFixture(SharedStack.kafka().bootstrap(), SharedStack.elasticsearch().url());
             KafkaProducer<String, byte[]> upstream = transactional(fx)) {
            int n = 300;
            sendHourOldBacklog(fx, n);
            long anHourAgo = System.currentTimeMillis() - 3_600_000;
            upstream.initTransactions();
            upstream.beginTransaction();
            upstream.send(new ProducerRecord<>(fx.issues, null, anHourAgo, "open",
                    Json.bytes(SinkFixture.issue("open", 1, "2021-02-05")))).get();
            upstream.flush();
            String index = fx.prefix + "-issues";
            try (ElasticsearchSink sink = new ElasticsearchSink(fx.config("g-" + fx.id,
                    Map.of("sink.refresh.max.delay", "10m", "sink.refresh.quiet", "10m", "sink.upstream.group", "none"))).start()) {
                SinkFixture.await("the committed backlog acknowledged", Duration.ofSeconds(60), () -> sink.counters().acknowledged() == n);
                Thread.sleep(2_000); // twenty drain checks
                assertThat(sink.counters().refreshes.get()).as("more is coming: a transaction is open upstream").isZero();
                assertThat(searchable(fx, index)).isLessThan(n);

                upstream.commitTransaction();
                SinkFixture.await("the backlog searchable once the transaction is committed", Duration.ofSeconds(30),
                        () -> searchable(fx, index) == n + 1);
                assertThat(sink.counters().refreshes.get()).isEqualTo(1);
            }
        }
    }

    @Test
    void aBacklogWaitsWhileTheProcessorHasReportsLeftToCommit() throws Exception {
        try (SinkFixture fx = new SinkFixture(SharedStack.kafka().bootstrap(), SharedStack.elasticsearch().url());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fx.bootstrap))) {
            String raw = "t" + fx.id + ".raw";
            String processor = "processor-" + fx.id;
            admin.createTopics(List.of(new NewTopic(raw, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
            for (int i = 0; i < 10; i++) {
                fx.sendAsync(raw, "page-" + i, SinkFixture.issue("page-" + i, 1, "2021-02-05"));
            }
            int n = 300;
            sendHourOldBacklog(fx, n);
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(Map.of(new TopicPartition(raw, 0), OffsetSpec.latest(), new TopicPartition(raw, 1), OffsetSpec.latest()))
                    .all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            assertThat(ends.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
            // the processor has committed none of its input yet
            admin.alterConsumerGroupOffsets(processor, Map.of(new TopicPartition(raw, 0), new OffsetAndMetadata(0)))
                    .all().get(30, TimeUnit.SECONDS);
            String index = fx.prefix + "-issues";
            try (ElasticsearchSink sink = new ElasticsearchSink(fx.config("g-" + fx.id, Map.of("sink.refresh.max.delay", "10m",
                    "sink.refresh.quiet", "10m", "sink.upstream.group", processor, "sink.upstream.topic", raw))).start()) {
                SinkFixture.await("the backlog acknowledged", Duration.ofSeconds(60), () -> sink.counters().acknowledged() == n);
                Thread.sleep(2_000); // twenty drain checks
                assertThat(sink.counters().refreshes.get()).as("the processor has reports left: more is coming").isZero();

                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                ends.forEach((tp, end) -> done.put(tp, new OffsetAndMetadata(end)));
                admin.alterConsumerGroupOffsets(processor, done).all().get(30, TimeUnit.SECONDS);
                SinkFixture.await("the backlog searchable once the processor committed all of its input", Duration.ofSeconds(30),
                        () -> searchable(fx, index) == n);
                assertThat(sink.counters().refreshes.get()).isEqualTo(1);
            }
        }
    }

    @Test
    void withoutTheDrainCheckABacklogWaitsForTheQuietTimeAndAllOfItIsSearchableOnStop() throws Exception {
        try (SinkFixture fx = new SinkFixture(SharedStack.kafka().bootstrap(), SharedStack.elasticsearch().url())) {
            int n = 4000;
            sendHourOldBacklog(fx, n);
            String index = fx.prefix + "-issues";
            // a delay longer than the test: only the stop can make the backlog searchable
            ElasticsearchSink sink = new ElasticsearchSink(fx.config("g-" + fx.id,
                    Map.of("sink.bulk.max.actions", "100", "sink.refresh.max.delay", "10m",
                            "sink.refresh.quiet", "10m", "sink.refresh.drain.check", "0"))).start();
            try {
                SinkFixture.await("the backlog acknowledged", Duration.ofSeconds(120), () -> sink.counters().acknowledged() == n);
                assertThat(sink.counters().bulkRequests.get()).isGreaterThanOrEqualTo(40);
                Thread.sleep(1_000);
                assertThat(sink.counters().refreshes.get()).as("no refresh for an hour-old backlog before 10 minutes")
                        .isZero();
                assertThat(searchable(fx, index)).isLessThan(n);
            } finally {
                sink.close();
            }
            assertThat(sink.counters().refreshes.get()).isEqualTo(1);
            assertThat(searchable(fx, index)).as("searchable as soon as a graceful stop returns").isEqualTo(n);
        }
    }

    private static void sendHourOldBacklog(SinkFixture fx, int n) throws Exception {
        long anHourAgo = System.currentTimeMillis() - 3_600_000;
        for (int i = 0; i < n; i++) {
            fx.sendAsyncAt(fx.issues, "b" + i, SinkFixture.issue("b" + i, 1, "2021-02-05"), anHourAgo);
        }
        fx.flush();
    }

    /** A producer writing as the processor does: in transactions, which a sink reading committed records waits for. */
    private static KafkaProducer<String, byte[]> transactional(SinkFixture fx) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, fx.bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "upstream-" + fx.id);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Documents a search finds now: what the last refresh made visible. */
    private static long searchable(SinkFixture fx, String index) {
        try {
            return fx.request("GET", "/" + index + "/_count", null).path("count").asLong();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
