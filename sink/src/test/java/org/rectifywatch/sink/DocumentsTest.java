package org.rectifywatch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.sink.config.MaskedUrl;
import org.rectifywatch.sink.config.SinkConfig;
import org.rectifywatch.sink.index.DocumentMapper;
import org.rectifywatch.sink.index.IndexMigrations;
import org.rectifywatch.sink.index.IndexNames;
import org.rectifywatch.sink.index.IndexSetup;
import org.rectifywatch.sink.index.LogicalIndex;
import org.rectifywatch.sink.notify.config.ChannelKind;
import org.rectifywatch.sink.write.Backoff;

/** Documents match the strict mappings field for field; config, masking, payloads and backoff behave. */
class DocumentsTest {

    @Test
    void everyDocumentFieldIsMappedAndEveryMappedFieldIsFilled() {
        Instant now = Instant.parse("2024-05-01T00:00:00Z");
        check(LogicalIndex.REPORTS, Json.MAPPER.valueToTree(DocumentMapper.report(SinkFixture.report("r", 1), now)));
        check(LogicalIndex.ISSUES, Json.MAPPER.valueToTree(DocumentMapper.issue(SinkFixture.issue("i", 1, "2021-02-05"), now)));
        for (AlertState state : AlertState.values()) {
            check(LogicalIndex.ALERTS, Json.MAPPER.valueToTree(DocumentMapper.alert(SinkFixture.alert("a", state), now)));
            check(LogicalIndex.ALERTS, Json.MAPPER.valueToTree(DocumentMapper.alert(SinkFixture.reportOverdue("p", state), now)));
        }
    }

    @Test
    void anAlertDocumentIsTheAlertAsOfItsTransitionWithoutStoredDaysOverdue() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        for (AlertState state : AlertState.values()) {
            JsonNode d = Json.MAPPER.valueToTree(DocumentMapper.alert(SinkFixture.alert("a", state), now));
            assertThat(d.path("state").asText()).isEqualTo(state.name());
            assertThat(d.path("alert_kind").asText()).isEqualTo("commitment_overdue");
            assertThat(d.path("reason").asText()).isEqualTo(SinkFixture.alert("a", state).reason()).isNotBlank();
            assertThat(d.path("problem").asText()).isEqualTo("问题 a");
            assertThat(d.path("due_date").asText()).isEqualTo("2021-12-31");
            assertThat(d.path("feedback_date").asText()).isEqualTo("2021-02-05");
            assertThat(d.path("raised_at").asText()).isEqualTo("2023-02-04T00:00:00Z");
            assertThat(d.path("@timestamp").asText()).isEqualTo("2026-12-01T00:00:00Z");
            if (state == AlertState.raised) {
                assertThat(d.path("closed_at").isNull()).as("an open alert is not closed").isTrue();
                assertThat(d.path("updated_at").asText()).isEqualTo("2023-02-04T00:00:00Z");
            } else {
                assertThat(d.path("closed_at").asText()).as(state + " closes the alert").isEqualTo("2023-06-01T00:00:00Z");
                assertThat(d.path("updated_at").asText()).isEqualTo("2023-06-01T00:00:00Z");
            }
            assertThat(d.path("superseded_by").isNull()).isEqualTo(state != AlertState.superseded);
            assertThat(d.path("resolved_by_report_url").isNull()).isEqualTo(state != AlertState.resolved);
            assertThat(d.has("days_overdue")).as("days overdue change daily: never stored").isFalse();
            assertThat(d.has("resolved_at")).isFalse();
        }
        JsonNode superseded = Json.MAPPER.valueToTree(DocumentMapper.alert(SinkFixture.alert("a", AlertState.superseded), now));
        assertThat(superseded.path("superseded_by").asText()).isEqualTo("a-next");

        JsonNode p = Json.MAPPER.valueToTree(DocumentMapper.alert(SinkFixture.reportOverdue("p", AlertState.raised), now));
        assertThat(p.path("alert_kind").asText()).isEqualTo("report_overdue");
        assertThat(p.path("target").asText()).isEqualTo("中共松岭县委");
        assertThat(p.path("inspector").asText()).isEqualTo("省委第一巡视组");
        assertThat(p.path("feedback_date").asText()).isEqualTo("2025-01-16");
        assertThat(p.path("due_date").asText()).isEqualTo("2025-07-16");
        assertThat(p.path("report_url").asText()).isEqualTo("https://example.gov.cn/notice-songling.html");
        for (String absent : new String[] {"issue_id", "problem", "commitment_text", "topic", "pillar"}) {
            assertThat(p.path(absent).isNull()).as(absent + " of a report_overdue alert").isTrue();
        }
        JsonNode published = Json.MAPPER.valueToTree(DocumentMapper.alert(SinkFixture.reportOverdue("p", AlertState.resolved), now));
        assertThat(published.path("resolved_by_report_url").asText()).isEqualTo("https://example.gov.cn/songling-report.html");
        assertThat(published.path("closed_at").asText()).isEqualTo("2025-09-01T02:00:00Z");
    }

    @Test
    void theAlertsIndexIsAtMappingVersion2AndOnlyItsOlderVersionsAreMigrated() {
        IndexNames names = new IndexNames("t1");
        assertThat(names.concrete(LogicalIndex.ALERTS)).isEqualTo("t1-alerts-v2");
        assertThat(names.concrete(LogicalIndex.ISSUES)).isEqualTo("t1-issues-v1");
        assertThat(names.version(LogicalIndex.ALERTS, "t1-alerts-v1")).hasValue(1);
        assertThat(names.version(LogicalIndex.ALERTS, "t1-alerts-v12")).hasValue(12);
        assertThat(names.version(LogicalIndex.ALERTS, "t1-alerts-reindexed")).isEmpty();
        assertThat(names.version(LogicalIndex.ALERTS, "t1-issues-v1")).isEmpty();
        assertThat(names.version(LogicalIndex.ALERTS, "t1-alerts-v1-copy")).isEmpty();
        JsonNode props = IndexSetup.template(LogicalIndex.ALERTS).path("mappings").path("properties");
        assertThat(props.has("days_overdue")).isFalse();
        assertThat(props.has("resolved_at")).isFalse();
        assertThat(props.path("closed_at").path("type").asText()).isEqualTo("date");
        assertThat(props.path("feedback_date").path("format").asText()).contains("yyyy-MM");
    }

    @Test
    void aV1AlertDocumentBecomesAV2OneAndOtherIndicesAreCopiedAsTheyAre() {
        ObjectNode resolved = (ObjectNode) Json.read("""
                {"alert_id":"a","state":"resolved","days_overdue":300,"raised_at":"2022-01-01T00:00:00Z",
                 "resolved_at":"2022-10-01T00:00:00Z","due_date":"2021-08-05"}""", JsonNode.class);
        ObjectNode v2 = IndexMigrations.migrate(LogicalIndex.ALERTS, 1, resolved);
        assertThat(v2.has("days_overdue")).isFalse();
        assertThat(v2.has("resolved_at")).isFalse();
        assertThat(v2.path("closed_at").asText()).isEqualTo("2022-10-01T00:00:00Z");
        assertThat(v2.path("updated_at").asText()).isEqualTo("2022-10-01T00:00:00Z");
        assertThat(v2.path("due_date").asText()).isEqualTo("2021-08-05");
        assertThat(resolved.has("days_overdue")).as("the source is not modified").isTrue();
        ObjectNode raised = (ObjectNode) Json.read("""
                {"alert_id":"b","state":"raised","days_overdue":3,"raised_at":"2023-02-04T00:00:00Z","resolved_at":null}""",
                JsonNode.class);
        ObjectNode open = IndexMigrations.migrate(LogicalIndex.ALERTS, 1, raised);
        assertThat(open.path("closed_at").isMissingNode()).isTrue();
        assertThat(open.path("updated_at").asText()).isEqualTo("2023-02-04T00:00:00Z");
        Set<String> mapped = new HashSet<>();
        IndexSetup.template(LogicalIndex.ALERTS).path("mappings").path("properties").fieldNames().forEachRemaining(mapped::add);
        Set<String> fields = new HashSet<>();
        v2.fieldNames().forEachRemaining(fields::add);
        assertThat(mapped).as("every migrated field is mapped in v2 (strict)").containsAll(fields);
        ObjectNode issue = (ObjectNode) Json.read("{\"issue_id\":\"i\",\"days_overdue\":1}", JsonNode.class);
        assertThat(IndexMigrations.migrate(LogicalIndex.ISSUES, 1, issue)).isEqualTo(issue);
    }

    private static void check(LogicalIndex index, JsonNode doc) {
        JsonNode props = IndexSetup.template(index).path("mappings").path("properties");
        Set<String> docFields = new HashSet<>();
        doc.fieldNames().forEachRemaining(docFields::add);
        Set<String> mapped = new HashSet<>();
        props.fieldNames().forEachRemaining(mapped::add);
        assertThat(docFields).as(index + " document fields").isEqualTo(mapped);
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().path("type").asText().equals("date")) {
                assertThat(doc.path(e.getKey()).isTextual() || doc.path(e.getKey()).isNull()).isTrue();
            }
        }
    }

    @Test
    void configReadsSinkKeysAndRefusesNonsense() {
        SinkConfig c = SinkConfig.from(new ConfigSource(Map.of("sink.bulk.max.actions", "50", "sink.webhook.format", "WeCom",
                "sink.webhook.url", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET-KEY"), Map.of()));
        assertThat(c.bulkMaxActions()).isEqualTo(50);
        assertThat(c.notifications().channel("default").kind()).isEqualTo(ChannelKind.wecom);
        assertThat(c.toString()).doesNotContain("SECRET").contains("qyapi.weixin.qq.com/***");
        assertThatThrownBy(() -> SinkConfig.from(new ConfigSource(Map.of("sink.webhook.format", "slack"), Map.of())))
                .hasMessageContaining("RECTIFY_SINK_WEBHOOK_FORMAT");
        assertThatThrownBy(() -> SinkConfig.from(new ConfigSource(Map.of("sink.bulk.max.in.flight", "0"), Map.of())))
                .hasMessageContaining("between 1 and 64");
        assertThat(c.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(SinkConfig.from(new ConfigSource(Map.of("sink.time.zone", "UTC"), Map.of())).timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThatThrownBy(() -> SinkConfig.from(new ConfigSource(Map.of("sink.time.zone", "Mars/Olympus"), Map.of())))
                .hasMessageContaining("RECTIFY_SINK_TIME_ZONE");
        assertThat(MaskedUrl.of("https://oapi.dingtalk.com/robot/send?access_token=abc")).isEqualTo("https://oapi.dingtalk.com/***");
    }

    @Test
    void bulkActionLinesAreValidJsonForAnyId() {
        String id = "a\"b\\c\u0001d 整改";
        var a = org.rectifywatch.sink.write.SinkAction.delete("rectify-issues", id, 42, null);
        JsonNode meta = Json.read(new String(org.rectifywatch.sink.write.BulkWriter.meta(a), java.nio.charset.StandardCharsets.UTF_8), JsonNode.class);
        assertThat(meta.path("delete").path("_id").asText()).isEqualTo(id);
        assertThat(meta.path("delete").path("version").asLong()).isEqualTo(42);
        assertThat(meta.path("delete").path("version_type").asText()).isEqualTo("external");
    }

    @Test
    void backoffGrowsWithJitterUpToItsCap() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));
        for (int i = 0; i < 50; i++) {
            assertThat(b.delayMillis(0)).isBetween(50L, 100L);
            assertThat(b.delayMillis(3)).isBetween(400L, 800L);
            assertThat(b.delayMillis(40)).isBetween(1000L, 2000L);
        }
    }

    @Test
    void aReportWithoutItsOwnPublicationDateIsOnTheTimeAxisAtItsPageDate() throws Exception {
        Instant now = Instant.parse("2024-05-01T00:00:00Z");
        org.rectifywatch.model.wire.ReportRecord dated = SinkFixture.report("r", 1);
        assertThat(DocumentMapper.report(dated, now).get("published_date")).isEqualTo(dated.meta().publishedDate());
        ObjectNode tree = Json.MAPPER.valueToTree(dated);
        ObjectNode meta = (ObjectNode) tree.get("meta");
        meta.putNull(meta.has("published_date") ? "published_date" : "publishedDate");
        tree.put(tree.has("page_date") ? "page_date" : "pageDate", "2021-07-02");
        org.rectifywatch.model.wire.ReportRecord undated = Json.MAPPER.treeToValue(tree, org.rectifywatch.model.wire.ReportRecord.class);
        assertThat(undated.meta().publishedDate()).isNull();
        assertThat(undated.pageDate()).isEqualTo("2021-07-02");
        assertThat(DocumentMapper.report(undated, now).get("published_date")).isEqualTo("2021-07-02");
    }
}
