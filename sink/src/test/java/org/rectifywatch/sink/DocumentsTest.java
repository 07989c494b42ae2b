package org.rectifywatch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
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
import org.rectifywatch.sink.index.IndexSetup;
import org.rectifywatch.sink.index.LogicalIndex;
import org.rectifywatch.sink.notify.AlertMessage;
import org.rectifywatch.sink.notify.WebhookFormat;
import org.rectifywatch.sink.write.Backoff;

/** Documents match the strict mappings field for field; config, masking, payloads and backoff behave. */
class DocumentsTest {

    @Test
    void everyDocumentFieldIsMappedAndEveryMappedFieldIsFilled() {
        Instant now = Instant.parse("2024-05-01T00:00:00Z");
        check(LogicalIndex.REPORTS, Json.MAPPER.valueToTree(DocumentMapper.report(SinkFixture.report("r", 1), now)));
        check(LogicalIndex.ISSUES, Json.MAPPER.valueToTree(DocumentMapper.issue(SinkFixture.issue("i", 1, "2021-02-05"), now)));
        check(LogicalIndex.ALERTS, Json.MAPPER.valueToTree(DocumentMapper.alert(SinkFixture.alert("a", AlertState.raised), now)));
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
        assertThat(c.webhookFormat()).isEqualTo(WebhookFormat.wecom);
        assertThat(c.toString()).doesNotContain("SECRET").contains("qyapi.weixin.qq.com/***");
        assertThatThrownBy(() -> SinkConfig.from(new ConfigSource(Map.of("sink.webhook.format", "slack"), Map.of())))
                .hasMessageContaining("RECTIFY_SINK_WEBHOOK_FORMAT");
        assertThatThrownBy(() -> SinkConfig.from(new ConfigSource(Map.of("sink.bulk.max.in.flight", "0"), Map.of())))
                .hasMessageContaining("positive");
        assertThat(MaskedUrl.of("https://oapi.dingtalk.com/robot/send?access_token=abc")).isEqualTo("https://oapi.dingtalk.com/***");
    }

    @Test
    void payloadsFollowEachDialect() {
        var a = SinkFixture.alert("x1", AlertState.resolved);
        JsonNode generic = Json.read(AlertMessage.payload(a, WebhookFormat.generic), JsonNode.class);
        assertThat(generic.path("event").asText()).isEqualTo("alert.resolved");
        assertThat(generic.path("alert").path("alert_id").asText()).isEqualTo("x1");
        JsonNode ding = Json.read(AlertMessage.payload(a, WebhookFormat.dingtalk), JsonNode.class);
        assertThat(ding.path("markdown").path("title").asText()).contains("已销号");
        assertThat(ding.path("markdown").path("text").asText()).contains("问题 x1").contains("https://example.gov.cn/r1.html");
        JsonNode wecom = Json.read(AlertMessage.payload(a, WebhookFormat.wecom), JsonNode.class);
        assertThat(wecom.path("markdown").path("content").asText()).contains("逾期 400 天");
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
}
