package org.rectifywatch.model.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HealthServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersLiveReadyAndMetricsFromTheChecksAndCounters() throws Exception {
        AtomicBoolean consuming = new AtomicBoolean(false);
        Thread worker = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // ends the thread: the service is no longer live
            }
        }, "worker");
        worker.start();
        AtomicLong parsed = new AtomicLong(41);
        try (ServiceOps ops = new ServiceOps("processor", new HealthSettings(0))) {
            ops.checks().live("worker-thread", HealthChecks.alive(() -> worker)).ready("consuming", consuming::get);
            ops.counter("rectify.reports.parsed", "reports parsed", parsed);
            int port = ops.start();
            assertThat(port).isPositive();

            assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
            HttpResponse<String> notReady = get(port, "/health/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).isEqualTo("{\"status\":\"DOWN\",\"checks\":{\"consuming\":\"DOWN\"}}");

            consuming.set(true);
            parsed.incrementAndGet();
            assertThat(get(port, "/health/ready").statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = get(port, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(metrics.body()).contains("rectify_reports_parsed_total{service=\"processor\"} 42.0")
                    .contains("jvm_threads_live_threads");

            worker.interrupt();
            worker.join();
            HttpResponse<String> dead = get(port, "/health/live");
            assertThat(dead.statusCode()).isEqualTo(503);
            assertThat(dead.body()).contains("\"worker-thread\":\"DOWN\"");
        }
    }

    @Test
    void aThrowingCheckIsDownAndTheOthersStillReported() {
        HealthChecks checks = new HealthChecks()
                .ready("es", () -> {
                    throw new IllegalStateException("connection refused");
                })
                .ready("loop", () -> true);
        HealthChecks.Status s = checks.readiness();
        assertThat(s.up()).isFalse();
        assertThat(s.checks()).containsEntry("es", false).containsEntry("loop", true);
        assertThat(checks.liveness().up()).as("no liveness check: nothing to be dead").isTrue();
    }

    @Test
    void aCheckThatHangsIsDownAfterItsLimit() {
        HealthChecks checks = new HealthChecks().ready("es", HealthChecks.within(java.time.Duration.ofMillis(300), () -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        }));
        long start = System.nanoTime();
        assertThat(checks.readiness().up()).isFalse();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void minusOneServesNothingAndAnInvalidPortIsRefusedWithTheKey() {
        try (ServiceOps ops = new ServiceOps("sink", new HealthSettings(-1))) {
            assertThat(ops.start()).isEqualTo(-1);
        }
        assertThatThrownBy(() -> new HealthSettings(70000)).hasMessageContaining("health.port=70000")
                .hasMessageContaining("-1");
        assertThat(HealthSettings.from(org.rectifywatch.model.config.ConfigSource.of(java.util.Map.of("health.port", "8080"))).port())
                .isEqualTo(8080);
    }
}
