package org.rectifywatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A deployment whose alerts alias points at the v1 index (stored days_overdue, resolved_at) is moved to v2 by
 * the set-up every sink start runs: documents converted and kept at their external versions, alias swapped,
 * the old index left in place; running it again changes nothing.
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

            IndexSetup.ensure(fx.es, names, Duration.ofSeconds(60));

            assertThat(aliasTargets(fx, alias)).containsExactly(alias + "-v2");
            assertThat(fx.count(v1)).as("the old index is left for the operator").isEqualTo(2);
            assertThat(fx.count(alias)).isEqualTo(2);
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
            IndexSetup.ensure(fx.es, names, Duration.ofSeconds(60));
            assertThat(aliasTargets(fx, alias)).containsExactly(alias + "-v2");
            assertThat(fx.snapshot(alias)).isEqualTo(before);
            // the other indices were simply created at their own version
            assertThat(aliasTargets(fx, names.alias(LogicalIndex.ISSUES))).containsExactly(fx.prefix + "-issues-v1");
        }
    }

    private static List<String> aliasTargets(SinkFixture fx, String alias) throws Exception {
        List<String> out = new ArrayList<>();
        fx.request("GET", "/_alias/" + alias, null).fieldNames().forEachRemaining(out::add);
        return out;
    }
}
