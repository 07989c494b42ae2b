package org.rectifywatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.LocalElasticsearch;
import org.rectifywatch.localstack.SharedStack;

/** Elasticsearch stopped for 30 s mid-stream and started again: the sink pauses, resumes, loses and duplicates nothing. */
@Tag("integration")
class ElasticsearchOutageIT {

    @Test
    void everyRecordIsIndexedExactlyOnceAcrossA30SecondOutage() throws Exception {
        try (LocalElasticsearch es = LocalElasticsearch.startTemporary();
             SinkFixture fx = new SinkFixture(SharedStack.kafka().bootstrap(), es.url())) {
            int before = 3000;
            int during = 2000;
            for (int i = 0; i < before; i++) {
                fx.sendAsync(fx.issues, "i" + i, SinkFixture.issue("i" + i, 1, "2021-02-05"));
            }
            fx.flush();
            Map<String, String> slow = Map.of("sink.bulk.max.actions", "100", "sink.backoff.max", "3s");
            try (ElasticsearchSink sink = new ElasticsearchSink(fx.config("g-" + fx.id, slow)).start()) {
                SinkFixture.await("a first part indexed", Duration.ofSeconds(120), () -> sink.counters().acknowledged() >= 500);
                es.stop();
                long acknowledgedAtStop = sink.counters().acknowledged();
                for (int i = before; i < before + during; i++) {
                    fx.sendAsync(fx.issues, "i" + i, SinkFixture.issue("i" + i, 1, "2021-02-05"));
                }
                fx.flush();
                Thread.sleep(30_000);
                assertThat(sink.isRunning()).as("the sink keeps running while Elasticsearch is down").isTrue();
                assertThat(sink.counters().acknowledged()).as("nothing is acknowledged while Elasticsearch is down")
                        .isLessThanOrEqualTo(acknowledgedAtStop + 200);
                assertThat(sink.counters().acknowledged()).isLessThan(before + during);
                es.startAgain();
                SinkFixture.await("everything acknowledged", Duration.ofSeconds(180),
                        () -> sink.counters().acknowledged() == before + during);
                assertThat(sink.counters().retries.get()).isPositive();
                assertThat(sink.counters().dlq()).isZero();
                // an item applied just before the node died and retried afterwards answers 409: still exactly once
                assertThat(sink.counters().indexed() + sink.counters().stale()).isEqualTo(before + during);
                assertThat(sink.failure()).isNull();
            }
            assertThat(fx.count(fx.prefix + "-issues")).isEqualTo(before + during);
            // every document holds the version of its one source record (offset + 1): written once, never twice
            Map<String, String> docs = fx.snapshot(fx.prefix + "-issues");
            assertThat(docs).hasSize(before + during);
        }
    }
}
