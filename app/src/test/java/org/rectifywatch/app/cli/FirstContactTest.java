package org.rectifywatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * No broker or Elasticsearch at the configured address: one sentence with the fix within ~10 s, exit 2, no client
 * log flood. An unknown subcommand or option is an error naming it.
 */
class FirstContactTest {

    /** A loopback port nobody listens on. */
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Test
    void anUnreachableBrokerIsOneSentenceWithTheFixWithinTenSeconds() throws Exception {
        String bootstrap = "127.0.0.1:" + closedPort();
        long start = System.nanoTime();
        CliRun run = CliRun.of("ingest", "--once", "--bootstrap", bootstrap);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertThat(run.exitCode()).isEqualTo(2);
        // ~8 s on an idle machine (6 s of asking the broker); before, the clients retried for 60 s
        assertThat(seconds).isLessThanOrEqualTo(20);
        assertThat(run.err().strip()).isEqualTo("pipeline ingest: Kafka is not reachable at " + bootstrap
                + " (no answer within 6 s): start one with `pipeline local`, or set kafka.bootstrap (RECTIFY_KAFKA_BOOTSTRAP)");
    }

    @Test
    void anUnreachableElasticsearchIsOneSentenceWithTheFix() throws Exception {
        String url = "http://127.0.0.1:" + closedPort();
        CliRun run = CliRun.of("setup", "--es", url);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("pipeline setup: Elasticsearch is not reachable at " + url + " (")
                .endsWith("start one with `pipeline local`, or set es.url (RECTIFY_ES_URL)")
                .doesNotContain("\n");
    }

    @Test
    void anUnknownSubcommandIsAnErrorNamingItWithSuggestions() {
        CliRun run = CliRun.of("extrct");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'extrct'").contains("extract");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownOptionIsAnErrorNamingIt() {
        CliRun run = CliRun.of("process", "--bootstrp", "127.0.0.1:9092");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option").contains("'--bootstrp'").contains("Possible solutions: --bootstrap");
    }

    @Test
    void aHealthPortOutOfRangeIsRefusedNamingTheKey() {
        CliRun run = CliRun.of("process", "--set", "health.port=70000");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("pipeline process: health.port=70000 is not a port");
    }
}
