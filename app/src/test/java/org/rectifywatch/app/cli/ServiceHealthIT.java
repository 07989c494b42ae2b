package org.rectifywatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.ops.HealthSettings;
import org.rectifywatch.model.ops.ServiceOps;
import org.rectifywatch.processor.service.ProcessorConfig;
import org.rectifywatch.processor.service.ProcessorService;
import org.rectifywatch.sink.ElasticsearchSink;
import org.rectifywatch.sink.config.SinkConfig;

/** A real processor and a real sink on the local broker and Elasticsearch answer /health/live, /health/ready and /metrics. */
@Tag("integration")
class ServiceHealthIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void processorIsReadyWhenRunningAndNotLiveOnceStopped() throws Exception {
        String name = "health-it-" + System.nanoTime();
        ConfigSource config = ConfigSource.of(Map.of(
                "kafka.bootstrap", SharedStack.kafka().bootstrap(),
                "processor.application.id", name,
                "processor.state.dir", Files.createTempDirectory(name).toString()));
        ProcessorService service = new ProcessorService(ProcessorConfig.from(config));
        try (ServiceOps ops = new ServiceOps("processor", new HealthSettings(0))) {
            ServiceHealth.processor(ops, service);
            service.start();
            int port = ops.start();

            HttpResponse<String> ready = await(port, "/health/ready", r -> r.statusCode() == 200, Duration.ofSeconds(120));
            assertThat(ready.body()).contains("\"streams\":\"UP\"");
            assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
            String metrics = get(port, "/metrics").body();
            assertThat(metrics).contains("rectify_reports_in_total{service=\"processor\"}")
                    .contains("rectify_dead_letters_total{service=\"processor\"}")
                    .contains("kafka_stream_thread_")          // Streams metrics
                    .contains("records_lag_max");              // consumer lag of the embedded consumers

            service.close();
            HttpResponse<String> dead = await(port, "/health/live", r -> r.statusCode() != 200, Duration.ofSeconds(60));
            assertThat(dead.statusCode()).isEqualTo(503);
            assertThat(dead.body()).contains("\"streams\":\"DOWN\"");
            assertThat(get(port, "/health/ready").statusCode()).isEqualTo(503);
        } finally {
            service.close();
        }
    }

    @Test
    void sinkIsReadyWhileConsumingWithElasticsearchAndNotLiveOnceItsLoopEnded() throws Exception {
        String name = "health-it-" + System.nanoTime();
        ConfigSource config = ConfigSource.of(Map.of(
                "kafka.bootstrap", SharedStack.kafka().bootstrap(),
                "es.url", SharedStack.elasticsearch().url(),
                "sink.group.id", name,
                "sink.index.prefix", name));
        ElasticsearchSink sink = new ElasticsearchSink(SinkConfig.from(config));
        try (ServiceOps ops = new ServiceOps("sink", new HealthSettings(0))) {
            sink.start();
            ServiceHealth.sink(ops, sink);
            int port = ops.start();

            HttpResponse<String> ready = await(port, "/health/ready", r -> r.statusCode() == 200, Duration.ofSeconds(60));
            assertThat(ready.body()).contains("\"consuming\":\"UP\"").contains("\"elasticsearch\":\"UP\"");
            assertThat(get(port, "/health/live").body()).contains("\"sink-loop\":\"UP\"").contains("\"notifier\":\"UP\"");
            String metrics = get(port, "/metrics").body();
            assertThat(metrics).contains("rectify_sink_indexed_total{service=\"sink\"}")
                    .contains("rectify_webhook_failures_total{service=\"sink\"}")
                    .contains("rectify_sink_bulk_seconds_count{service=\"sink\"}")
                    .contains("kafka_consumer_fetch_manager_records_lag_max");

            sink.close();
            HttpResponse<String> dead = await(port, "/health/live", r -> r.statusCode() != 200, Duration.ofSeconds(60));
            assertThat(dead.statusCode()).isEqualTo(503);
            assertThat(dead.body()).contains("\"sink-loop\":\"DOWN\"").contains("\"notifier\":\"DOWN\"");
        } finally {
            sink.close();
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> await(int port, String path, Predicate<HttpResponse<String>> until, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> r = get(port, path);
        while (!until.test(r) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            r = get(port, path);
        }
        return r;
    }
}
