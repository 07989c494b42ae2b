package org.rectifywatch.sink.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The writer's answer to whole-request refusals, against a loopback HTTP endpoint answering as Elasticsearch (or
 * a proxy before it) does: a body over the size limit gets 413 (a real node's limit, http.max_content_length, is a
 * static setting of at least hundreds of kilobytes, too large to reach in a test).
 */
class BulkWriterSplitTest {
    private HttpServer server;
    private final List<Integer> requestSizes = new CopyOnWriteArrayList<>();

    private Rest5Client serve(Function<byte[], Integer> statusOf) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/_bulk", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            int lines = (int) new String(body, StandardCharsets.UTF_8).lines().count();
            requestSizes.add(lines / 2);
            int status = statusOf.apply(body);
            StringBuilder answer = new StringBuilder();
            if (status == 200) {
                answer.append("{\"errors\":false,\"items\":[");
                for (int i = 0; i < lines / 2; i++) {
                    answer.append(i == 0 ? "" : ",").append("{\"index\":{\"status\":201}}");
                }
                answer.append("]}");
            } else {
                answer.append("<html><body>").append(status).append(" Request Entity Too Large</body></html>");
            }
            byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
        return Rest5Client.builder(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).build();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static List<SinkAction> actions(int n, int bigAt) {
        List<SinkAction> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String doc = "{\"n\":" + i + ",\"text\":\"" + (i == bigAt ? "x".repeat(20_000) : "x".repeat(100)) + "\"}";
            byte[] source = doc.getBytes(StandardCharsets.UTF_8);
            out.add(SinkAction.index("rectify-issues", "i" + i, i + 1,
                    source, new SinkAction.Origin("issues.classified", 0, i, ("i" + i).getBytes(StandardCharsets.UTF_8), source)));
        }
        return out;
    }

    @Test
    void aRequestTooLargeIsHalvedUntilTheOneDocumentTooLargeIsADeadLetter() throws Exception {
        SinkCounters counters = new SinkCounters();
        try (Rest5Client client = serve(body -> body.length > 10_000 ? 413 : 200)) {
            BulkWriter writer = new BulkWriter(client, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)), counters);
            List<Rejection> rejected = writer.write(actions(40, 17));
            assertThat(rejected).hasSize(1);
            assertThat(rejected.get(0).action().id()).isEqualTo("i17");
            assertThat(rejected.get(0).reason()).isEqualTo(BulkWriter.TOO_LARGE);
            assertThat(rejected.get(0).detail()).contains("HTTP 413").contains("issues.classified-0@17").contains("Request Entity Too Large");
        }
        assertThat(counters.indexed()).isEqualTo(39);
        assertThat(counters.retries.get()).as("a refusal that splitting resolves is not retried as an outage").isZero();
        assertThat(requestSizes).as("40 → 20 + 20 → 10 + 10 … down to the single document").contains(40, 20, 10, 5, 1);
        assertThat(requestSizes.stream().filter(n -> n == 1).count()).isLessThanOrEqualTo(2);
    }

    @Test
    void aWholeRequest401StopsTheWriterWithTheFixInsteadOfRetrying() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (Rest5Client client = serve(body -> {
            calls.incrementAndGet();
            return 401;
        })) {
            BulkWriter writer = new BulkWriter(client, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)), new SinkCounters());
            assertThatThrownBy(() -> writer.write(actions(3, -1)))
                    .isInstanceOf(Misconfigured.class)
                    .hasMessageContaining("HTTP 401").hasMessageContaining("es.api.key");
        }
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void a503IsRetriedUntilItPasses() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SinkCounters counters = new SinkCounters();
        try (Rest5Client client = serve(body -> calls.incrementAndGet() <= 3 ? 503 : 200)) {
            BulkWriter writer = new BulkWriter(client, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)), counters);
            assertThat(writer.write(actions(3, -1))).isEmpty();
        }
        assertThat(counters.indexed()).isEqualTo(3);
        assertThat(counters.retries.get()).isEqualTo(3);
    }
}
