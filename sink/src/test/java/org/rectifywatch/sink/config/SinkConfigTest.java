package org.rectifywatch.sink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rectifywatch.model.config.ConfigSource;

class SinkConfigTest {

    private static SinkConfig config(Map<String, String> m) {
        return SinkConfig.from(new ConfigSource(m, Map.of()));
    }

    @Test
    void defaultsAreValid() {
        SinkConfig c = config(Map.of());
        assertThat(c.sessionTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(c.revocationTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.memberInstanceId(() -> "host-0")).isEqualTo("host-0");
        assertThat(config(Map.of("sink.instance.id", "sink-a")).memberInstanceId(() -> "host-0")).isEqualTo("sink-a");
        assertThat(config(Map.of("sink.instance.id", "none")).memberInstanceId(() -> "host-0")).isNull();
    }

    /** Each refused value is named with its key, its environment variable and what is allowed, in one sentence. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sink.backoff.initial|0ms|at least 1ms, not 0ms",
            "sink.backoff.initial|PT-1S|at least 1ms, not -1000ms",
            "sink.backoff.max|0s|at least 1ms, not 0ms",
            "sink.bulk.max.actions|0|between 1 and 100000, not '0'",
            "sink.bulk.max.actions|-5|between 1 and 100000, not '-5'",
            "sink.bulk.max.bytes|10|between 1024 and 1073741824, not '10'",
            "sink.bulk.max.in.flight|0|between 1 and 64, not '0'",
            "sink.poll.max.records|0|between 1 and 1000000, not '0'",
            "sink.bulk.linger|PT-0.2S|zero or more, not -200ms",
            "sink.summary.interval|0s|at least 1000ms, not 0ms",
            "sink.startup.timeout|0s|at least 1000ms, not 0ms",
            "sink.session.timeout|1s|between 6000ms and 1800000ms, not 1000ms",
            "sink.revocation.timeout|0s|between 100ms and 240000ms, not 0ms",
            "sink.webhook.timeout|0s|at least 1ms, not 0ms",
            "sink.webhook.backoff.max|0s|at least 1ms, not 0ms",
            "sink.index.prefix|Rectify|an index name prefix of lower-case letters",
            "sink.index.prefix|_x|an index name prefix of lower-case letters",
            "sink.group.id|my group|a Kafka name of letters, digits",
            "sink.topic.issues|a/b|a Kafka name of letters, digits",
    })
    void refusesNonsenseNamingKeyValueAndWhatIsAllowed(String key, String value, String allowed) {
        assertThatThrownBy(() -> config(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("configuration " + key + " (env " + ConfigSource.envName(key) + ") must be ")
                .hasMessageContaining(allowed);
    }

    @Test
    void theBackoffCapMayNotBeBelowItsStart() {
        assertThatThrownBy(() -> config(Map.of("sink.backoff.initial", "5s", "sink.backoff.max", "1s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("configuration sink.backoff.max (env RECTIFY_SINK_BACKOFF_MAX) must be at least "
                        + "sink.backoff.initial (PT5S), not 1000ms");
    }

    @Test
    void aLingerOfZeroIsAllowed() {
        assertThat(config(Map.of("sink.bulk.linger", "0ms")).bulkLinger()).isZero();
    }

    @Test
    void theDrainCheckWatchesTheProcessorsGroupAndInputUnlessToldOtherwise() {
        assertThat(config(Map.of()).refresh().drainCheck()).isEqualTo(new org.rectifywatch.sink.write.DrainCheck(
                Duration.ofMillis(100), "rectify-processor", "reports.raw"));
        assertThat(config(Map.of("processor.application.id", "bench-e2e")).refresh().drainCheck().upstreamGroup())
                .as("configured beside the processor: its application id").isEqualTo("bench-e2e");
        assertThat(config(Map.of("sink.upstream.group", "none")).refresh().drainCheck().watchesUpstream()).isFalse();
        assertThat(config(Map.of("sink.refresh.drain.check", "0ms")).refresh().drainCheck().enabled()).isFalse();
        assertThatThrownBy(() -> config(Map.of("sink.upstream.group", "a group")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sink.upstream.group");
    }
}
