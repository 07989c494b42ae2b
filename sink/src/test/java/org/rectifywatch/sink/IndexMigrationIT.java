package org.rectifywatch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.rectifywatch.sink.index.IndexBehindException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.sink.index.IndexNames;
import org.rectifywatch.sink.index.IndexSetup;
import org.rectifywatch.sink.index.LogicalIndex;

/**
 * A deployment whose alerts alias points at the v1 index (stored days_overdue, resolved_at): the sink's set-up
 * refuses to write to it and names the command; {@code pipeline setup --migrate} ({@code ensure(..., true)}) moves
 * it to v2 — documents converted and kept at their external versions, alias swapped in one step while readers
 * keep finding every document through it, the old index left in place; running it again changes nothing.
 */
@Tag("integration")
class IndexMigrationIT {

    @Test
    void anExistingV1AlertsIndexIsMigratedToV2WithItsDocumentsAndVersions() throws Exception {
        try (SinkFixture fx = new SinkFixture(SharedStack.kafka().bootstrap(), SharedStack.elasticsearch().url())) {
            IndexNames names = new IndexNames(fx.prefix);
            String alias = names.alias(LogicalIndex.ALERTS);
            String v1 = alias + "-v1";
            ObjectNode create;
            try (InputStream in = getClass().getResourceAsStream("/org/rectifywatch/sink/index/alerts-v1.json")) {
                create = (ObjectNode) Json.MAPPER.readTree(in);
            }
            create.putObject("aliases").putObject(alias).put("is_write_index", true);
            fx.request("PUT", "/" + v1, Json.write(create));
            // as the v1 sink wrote them: external version = offset + 1
            fx.request("PUT", "/" + v1 + "/_doc/open?version=5&version_type=external", """
                    {"@timestamp":"2024-01-01T00:00:00Z","alert_id":"open","alert_kind":"commitment_overdue","state":"raised",
                     "target":"卫滨区","problem":"问题 open","due_date":"2021-12-31","days_overdue":400,
                     "raised_at":"2023-02-04T00:00:00Z","resolved_at":null}""");
            fx.request("PUT", "/" + v1 + "/_doc/done?version=9&version_type=external", """
                    {"@timestamp":"2024-01-01T00:00:00Z","alert_id":"done","alert_kind":"rectification_overdue","state":"resolved",
                     "target":"卫滨区","problem":"问题 done","due_date":"2021-08-05","days_overdue":300,
                     "raised_at":"2022-01-01T00:00:00Z","resolved_at":"2022-10-01T00:00:00Z",
                     "resolved_by_report_url":"https://example.gov.cn/r2.html"}""");

            long bulk = bulkCopies(fx, v1);
            long total = 2 + bulk;
            Map<String, String> versionsBefore = versions(fx, alias);

            // the sink's start (and a set-up without --migrate) refuses, naming the command; nothing moves
            assertThatThrownBy(() -> IndexSetup.ensure(fx.es, names, Duration.ofSeconds(60)))
                    .isInstanceOf(IndexBehindException.class).hasMessageContaining("pipeline setup --migrate")
                    .hasMessageContaining(v1);
            assertThatThrownBy(() -> IndexSetup.requireCurrent(fx.es, names)).isInstanceOf(IndexBehindException.class);
            assertThat(aliasTargets(fx, alias)).containsExactly(v1);

            // readers of the alias during the migration: it always resolves and always holds every document
            AliasWatch watch = new AliasWatch(fx, alias, total);
            Thread watcher = new Thread(watch, "alias-watch");
            watcher.start();
            try {
                IndexSetup.ensure(fx.es, names, Duration.ofSeconds(60), true);
                // two more reads after the swap: the second of them began after it (a fast migration may end between reads)
                int after = watch.reads + 2;
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (watch.reads < after && System.nanoTime() < until) {
                    Thread.sleep(10);
                }
            } finally {
                watch.stop = true;
                watcher.join();
            }
            assertThat(watch.failures).as("every read of the alias during the migration").isEmpty();
            assertThat(watch.reads).as("reads during the migration").isGreaterThan(3);
            assertThat(watch.sawV2).as("the watch saw the swap").isTrue();
            IndexSetup.requireCurrent(fx.es, names);

            assertThat(aliasTargets(fx, alias)).containsExactly(alias + "-v2");
            assertThat(fx.count(v1)).as("the old index is left for the operator").isEqualTo(total);
            assertThat(fx.count(alias)).isEqualTo(total);
            assertThat(versions(fx, alias)).as("every document at its external version").isEqualTo(versionsBefore);
            JsonNode open = fx.source(alias, "open");
            assertThat(open.path("_index").asText()).isEqualTo(alias + "-v2");
            assertThat(open.path("_version").asLong()).as("external version kept").isEqualTo(5);
            assertThat(open.path("_source").has("days_overdue")).isFalse();
            assertThat(open.path("_source").has("resolved_at")).isFalse();
            assertThat(open.path("_source").path("updated_at").asText()).isEqualTo("2023-02-04T00:00:00Z");
            assertThat(open.path("_source").path("closed_at").isMissingNode() || open.path("_source").path("closed_at").isNull()).isTrue();
            JsonNode done = fx.source(alias, "done");
            assertThat(done.path("_version").asLong()).isEqualTo(9);
            assertThat(done.path("_source").path("closed_at").asText()).isEqualTo("2022-10-01T00:00:00Z");
            assertThat(done.path("_source").path("updated_at").asText()).isEqualTo("2022-10-01T00:00:00Z");
            assertThat(done.path("_source").path("resolved_by_report_url").asText()).isEqualTo("https://example.gov.cn/r2.html");
            JsonNode mapping = fx.request("GET", "/" + alias + "/_mapping", null).path(alias + "-v2").path("mappings").path("properties");
            assertThat(mapping.has("days_overdue")).isFalse();
            assertThat(mapping.path("closed_at").path("type").asText()).isEqualTo("date");

            // the sink's offset-based versions keep working: a redelivered older transition is refused, a newer one lands
            JsonNode stale = fx.request("PUT", "/" + alias + "/_doc/open?version=5&version_type=external",
                    Json.write(org.rectifywatch.sink.index.DocumentMapper.alert(SinkFixture.alert("open", AlertState.raised),
                            java.time.Instant.now())));
            assertThat(stale.path("status").asInt()).as(stale.toString()).isEqualTo(409);
            fx.request("PUT", "/" + alias + "/_doc/open?version=12&version_type=external",
                    Json.write(org.rectifywatch.sink.index.DocumentMapper.alert(SinkFixture.alert("open", AlertState.withdrawn),
                            java.time.Instant.now())));
            assertThat(fx.source(alias, "open").path("_source").path("state").asText()).isEqualTo("withdrawn");

            // once more: nothing to migrate, nothing changes
            Map<String, String> before = fx.snapshot(alias);
            IndexSetup.ensure(fx.es, names, Duration.ofSeconds(60), true);
            assertThat(aliasTargets(fx, alias)).containsExactly(alias + "-v2");
            assertThat(fx.snapshot(alias)).isEqualTo(before);
            // the other indices were simply created at their own version
            assertThat(aliasTargets(fx, names.alias(LogicalIndex.ISSUES))).containsExactly(fx.prefix + "-issues-v1");
        }
    }

    /** Enough further v1 alerts (external versions 1..n) that the copy takes several scroll pages. */
    private static long bulkCopies(SinkFixture fx, String v1) throws Exception {
        int n = 3000;
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < n; i++) {
            bulk.append("{\"index\":{\"_index\":\"").append(v1).append("\",\"_id\":\"a").append(i)
                    .append("\",\"version\":").append(1 + i % 97).append(",\"version_type\":\"external\"}}\n");
            bulk.append("{\"alert_id\":\"a").append(i).append("\",\"alert_kind\":\"commitment_overdue\",\"state\":\"raised\",")
                    .append("\"target\":\"单位").append(i % 50).append("\",\"due_date\":\"2022-01-01\",\"days_overdue\":").append(i)
                    .append(",\"raised_at\":\"2023-01-01T00:00:00Z\"}\n");
        }
        Request r = new Request("POST", "/_bulk");
        r.addParameter("refresh", "true");
        r.setEntity(new StringEntity(bulk.toString(), ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
        JsonNode answer = Json.MAPPER.readTree(EntityUtils.toString(fx.es.performRequest(r).getEntity()));
        assertThat(answer.path("errors").asBoolean()).as(answer.toString().substring(0, Math.min(500, answer.toString().length()))).isFalse();
        return n;
    }

    /** id → external version of every document behind the alias. */
    private static Map<String, String> versions(SinkFixture fx, String alias) throws Exception {
        Map<String, String> out = new TreeMap<>();
        fx.request("POST", "/" + alias + "/_refresh", null);
        JsonNode hits = fx.request("POST", "/" + alias + "/_search",
                "{\"size\":10000,\"version\":true,\"_source\":false,\"query\":{\"match_all\":{}}}").path("hits").path("hits");
        hits.forEach(h -> out.put(h.path("_id").asText(), String.valueOf(h.path("_version").asLong())));
        return out;
    }

    /** Reads the alias in a loop: where it points and how many documents it holds; any other answer is a failure. */
    private static final class AliasWatch implements Runnable {
        final SinkFixture fx;
        final String alias;
        final long expected;
        final List<String> failures = new CopyOnWriteArrayList<>();
        volatile boolean stop;
        volatile int reads;
        volatile boolean sawV2;

        AliasWatch(SinkFixture fx, String alias, long expected) {
            this.fx = fx;
            this.alias = alias;
            this.expected = expected;
        }

        @Override
        public void run() {
            while (!stop) {
                try {
                    List<String> targets = aliasTargets(fx, alias);
                    long count = fx.request("GET", "/" + alias + "/_count", null).path("count").asLong();
                    if (targets.size() != 1 || count != expected) {
                        failures.add("alias " + alias + " -> " + targets + " with " + count + " documents");
                    }
                    sawV2 |= targets.contains(alias + "-v2");
                    reads++;
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        }
    }

    private static List<String> aliasTargets(SinkFixture fx, String alias) throws Exception {
        List<String> out = new ArrayList<>();
        fx.request("GET", "/_alias/" + alias, null).fieldNames().forEachRemaining(out::add);
        return out;
    }
}
