package org.rectifywatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.sink.notify.AlertNotifier;
import org.rectifywatch.sink.notify.NotifiedLedger;
import org.rectifywatch.sink.write.SinkCounters;

/**
 * A watch on one province and one topic, through the real broker: every matching new report and issue is notified
 * once (a new version of a report is not new), nothing else, across a restart that even re-reads every topic from
 * the start under a new consumer group (the ledger on the compacted state topic is all that prevents repeats).
 */
@Tag("integration")
class WatchNotifyIT {
    private SinkFixture fx;
    private HttpServer receiver;
    private final List<JsonNode> digests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        fx = new SinkFixture(SharedStack.kafka().bootstrap(), "http://127.0.0.1:9");
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", ex -> {
            digests.add(Json.MAPPER.readTree(ex.getRequestBody().readAllBytes()));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterEach
    void tearDown() throws Exception {
        receiver.stop(0);
        fx.close();
    }

    /** watch → item → how many times it was delivered. */
    private Map<String, Integer> items() {
        Map<String, Integer> m = new TreeMap<>();
        for (JsonNode d : digests) {
            for (JsonNode i : d.path("items")) {
                String id = i.has("report_id") && i.path("event").asText().equals("watch.report") ? i.path("report_id").asText() : i.path("issue_id").asText();
                m.merge(i.path("watch").asText() + " " + i.path("event").asText() + " " + id, 1, Integer::sum);
            }
        }
        return m;
    }

    private int itemCount() {
        return items().values().stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void eachMatchingNewReportAndIssueIsNotifiedOnceAcrossRestarts(@TempDir Path dir) throws Exception {
        Path watches = dir.resolve("watches.yaml");
        Files.writeString(watches, """
                - name: 河南经济
                  province: 河南
                  topic: economy
                  channels: default
                """);
        Map<String, String> s = new HashMap<>();
        s.put("sink.webhook.url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        s.put("sink.watches.file", watches.toString());
        s.put("sink.notify.interval", "300ms");
        s.put("sink.notify.push", "none");

        fx.send(fx.reports, "r1", SinkFixture.reportOf("r1", "河南", "economy"));
        fx.send(fx.reports, "r2", SinkFixture.reportOf("r2", "河南", "conduct"));
        fx.send(fx.reports, "r3", SinkFixture.reportOf("r3", "广东", "economy"));
        fx.send(fx.issues, "i1", SinkFixture.issueOf("i1", "河南", "economy", null));
        fx.send(fx.issues, "i2", SinkFixture.issueOf("i2", "河南", "conduct", "economy"));
        fx.send(fx.issues, "i3", SinkFixture.issueOf("i3", "广东", "economy", null));
        fx.send(fx.issues, "i4", SinkFixture.issueOf("i4", "河南", "theory_politics", null));

        List<Thread> threads = new ArrayList<>();
        NotifiedLedger ledger = NotifiedLedger.load(fx.config("x", Map.of()).kafka(), fx.notifyState);
        AlertNotifier first = new AlertNotifier(fx.config("watch-a-" + fx.id, s), ledger, new SinkCounters(), null);
        threads.add(new Thread(first));
        threads.get(0).start();
        SinkFixture.await("the three matches", Duration.ofSeconds(60), () -> itemCount() >= 3);
        Thread.sleep(1000);
        first.requestStop();
        threads.get(0).join(30_000);
        ledger.close();
        assertThat(items()).containsOnlyKeys("河南经济 watch.report r1", "河南经济 watch.issue i1", "河南经济 watch.issue i2");

        // published while the sink was down: a new matching report and issue, a new version of r1, i1 again
        fx.send(fx.reports, "r4", SinkFixture.reportOf("r4", "河南", "economy"));
        fx.send(fx.reports, "r1", SinkFixture.reportOf("r1", "河南", "economy"));
        fx.send(fx.issues, "i5", SinkFixture.issueOf("i5", "河南", "economy", null));
        fx.send(fx.issues, "i1", SinkFixture.issueOf("i1", "河南", "economy", null));

        NotifiedLedger ledger2 = NotifiedLedger.load(fx.config("x", Map.of()).kafka(), fx.notifyState);
        AlertNotifier second = new AlertNotifier(fx.config("watch-b-" + fx.id, s), ledger2, new SinkCounters(), null);
        threads.add(new Thread(second));
        threads.get(1).start();
        SinkFixture.await("the two new matches", Duration.ofSeconds(60), () -> itemCount() >= 5);
        Thread.sleep(2000); // a repeat would arrive now
        second.requestStop();
        threads.get(1).join(30_000);
        ledger2.close();

        assertThat(items()).isEqualTo(Map.of("河南经济 watch.report r1", 1, "河南经济 watch.report r4", 1, "河南经济 watch.issue i1", 1,
                "河南经济 watch.issue i2", 1, "河南经济 watch.issue i5", 1));
        assertThat(digests).allSatisfy(d -> assertThat(d.path("idempotency_key").asText()).startsWith("digest-"));
        assertThat(digests.get(0).path("text").asText()).contains("关注「河南经济」");
    }
}
