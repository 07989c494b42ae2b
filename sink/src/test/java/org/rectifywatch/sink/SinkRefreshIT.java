package org.rectifywatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.SharedStack;

/**
 * The indices refresh on their own only every 30 s; the sink makes what it wrote searchable: fresh records within a
 * fraction of a second, a backlog every few seconds instead of after every bulk, and everything when it stops.
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
    void aBacklogIsRefreshedEveryFewSecondsNotAfterEveryBulkAndAllOfItOnStop() throws Exception {
        try (SinkFixture fx = new SinkFixture(SharedStack.kafka().bootstrap(), SharedStack.elasticsearch().url())) {
            int n = 4000;
            long anHourAgo = System.currentTimeMillis() - 3_600_000;
            for (int i = 0; i < n; i++) {
                fx.sendAsyncAt(fx.issues, "b" + i, SinkFixture.issue("b" + i, 1, "2021-02-05"), anHourAgo);
            }
            fx.flush();
            String index = fx.prefix + "-issues";
            // a delay longer than the test: only the stop can make the backlog searchable
            ElasticsearchSink sink = new ElasticsearchSink(fx.config("g-" + fx.id,
                    Map.of("sink.bulk.max.actions", "100", "sink.refresh.max.delay", "10m",
                            "sink.refresh.quiet", "10m"))).start();
            try {
                SinkFixture.await("the backlog acknowledged", Duration.ofSeconds(120), () -> sink.counters().acknowledged() == n);
                assertThat(sink.counters().bulkRequests.get()).isGreaterThanOrEqualTo(40);
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

    /** Documents a search finds now: what the last refresh made visible. */
    private static long searchable(SinkFixture fx, String index) {
        try {
            return fx.request("GET", "/" + index + "/_count", null).path("count").asLong();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
