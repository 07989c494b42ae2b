package org.rectifywatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.SharedStack;

/**
 * How long indexing pauses when a sink is restarted or replaced, on the local Kafka and Elasticsearch: from the
 * moment the old sink stops until the new one has indexed a record sent then. Printed, and held to 10 s.
 * {@code -Drestart.settings=key=value,...} runs the scenarios with other settings (e.g.
 * {@code sink.session.timeout=45s,sink.instance.id=none} for the consumer defaults the sink had before).
 */
@Tag("integration")
class SinkRestartIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final double LIMIT_SECONDS = 10;
    private static SinkFixture fx;

    @BeforeAll
    static void setUp() throws Exception {
        fx = new SinkFixture(SharedStack.kafka().bootstrap(), SharedStack.elasticsearch().url());
    }

    @AfterAll
    static void tearDown() throws Exception {
        fx.close();
    }

    private static Map<String, String> settings(Map<String, String> own) {
        Map<String, String> m = new HashMap<>(own);
        String extra = System.getProperty("restart.settings", "");
        for (String kv : extra.split(",")) {
            if (kv.contains("=")) {
                m.put(kv.substring(0, kv.indexOf('=')).trim(), kv.substring(kv.indexOf('=') + 1).trim());
            }
        }
        return m;
    }

    private enum Stop { LEAVE, REMAIN_IN_GROUP }

    private static double pause(String scenario, String group, Map<String, String> before, Stop stop, Map<String, String> after)
            throws Exception {
        String id = scenario.replace(' ', '-');
        fx.send(fx.issues, id + "-1", SinkFixture.issue(id + "-1", 1, "2021-02-05"));
        ElasticsearchSink old = new ElasticsearchSink(fx.config(group, settings(before))).start();
        SinkFixture.await("the first sink indexing", WAIT, () -> old.counters().acknowledged() >= 1);
        long t0 = System.nanoTime();
        if (stop == Stop.LEAVE) {
            old.close();
        } else {
            old.closeRemainingInGroup(); // as a kill -9 leaves it: no leave request, no further heartbeats
        }
        fx.send(fx.issues, id + "-2", SinkFixture.issue(id + "-2", 1, "2021-02-05"));
        try (ElasticsearchSink next = new ElasticsearchSink(fx.config(group, settings(after))).start()) {
            SinkFixture.await("the next sink indexing", WAIT, () -> next.counters().acknowledged() >= 1);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("restart pause (%s): %.1f s%n", scenario, seconds);
            SinkFixture.await("the record sent at the stop indexed", WAIT, () -> sourceQuietly(id + "-2"));
            return seconds;
        }
    }

    private static boolean sourceQuietly(String id) {
        try {
            return fx.source(fx.prefix + "-issues", id) != null;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aCleanRestartResumesWithinTenSeconds() throws Exception {
        assertThat(pause("clean restart", "g-clean-" + fx.id, Map.of(), Stop.LEAVE, Map.of())).isLessThanOrEqualTo(LIMIT_SECONDS);
    }

    @Test
    void aSinkRestartedAfterACrashResumesWithinTenSeconds() throws Exception {
        // the default instance id: the restarted sink gets its slot, and with it its partitions, back
        assertThat(pause("restart after a crash", "g-crash-" + fx.id, Map.of(), Stop.REMAIN_IN_GROUP, Map.of()))
                .isLessThanOrEqualTo(LIMIT_SECONDS);
    }

    @Test
    void anotherSinkReplacesAnAbandonedOneWithinTenSeconds() throws Exception {
        // another host's sink takes over: only the session timeout tells the broker the old one is gone
        assertThat(pause("replacement of an abandoned sink", "g-replace-" + fx.id, Map.of("sink.instance.id", "sink-host-a"),
                Stop.REMAIN_IN_GROUP, Map.of("sink.instance.id", "sink-host-b"))).isLessThanOrEqualTo(LIMIT_SECONDS);
    }
}
