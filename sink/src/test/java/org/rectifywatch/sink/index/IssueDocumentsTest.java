package org.rectifywatch.sink.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.report.Commitment;
import org.rectifywatch.model.wire.IssueRecord;

/** The sink's byte path gives the same documents as the object mapping, for any record it can read. */
class IssueDocumentsTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private final IssueDocuments documents = IssueDocuments.fromTemplate();

    static IssueRecord issue(List<String> path, List<Commitment> commitments, String province) {
        return new IssueRecord("i1", "r1", 2, 3, "3", path, "“三重一大”决策制度执行不严\t\"引号\"", "已修订议事规则", 14,
                "economy", null, "S", 0.75, List.of("三重一大"), null, "三重一大 决策", "已 修订", "in_progress", null,
                commitments, "clf-1", "某某县", province, "省委第三巡视组", "常规巡视", "整改进展", "2020-09", null,
                "2021-02-05", "2021-06-30", "https://example.gov.cn/r1.html", "整改通报", "sample", Instant.parse("2024-01-02T03:05:00Z"));
    }

    private JsonNode viaBytes(IssueRecord r) {
        return Json.read(documents.document(Json.bytes(r), NOW), JsonNode.class);
    }

    private static JsonNode viaObjects(IssueRecord r) {
        return Json.MAPPER.valueToTree(DocumentMapper.issue(r, NOW));
    }

    @Test
    void theRecordBytesWithTheIndexingTimeAreTheMappedDocument() {
        for (IssueRecord r : List.of(
                issue(List.of("一、问题", "（二）经济方面"), List.of(new Commitment("2021年底前完成", "2021-12-31"), new Commitment("长期坚持", null)), "河南"),
                issue(null, null, null),
                issue(List.of(), List.of(), "北京"))) {
            JsonNode doc = viaBytes(r);
            assertThat(doc).isEqualTo(viaObjects(r));
            assertThat(doc.path("@timestamp").asText()).isEqualTo("2026-01-02T03:04:05Z");
            assertThat(doc.path("commitment_count").asInt()).isEqualTo(r.commitments() == null ? 0 : r.commitments().size());
            Set<String> mapped = new HashSet<>();
            IndexSetup.template(LogicalIndex.ISSUES).path("mappings").path("properties").fieldNames().forEachRemaining(mapped::add);
            Set<String> fields = new HashSet<>();
            doc.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).isEqualTo(mapped);
        }
    }

    @Test
    void theWireRecordReadsBackWithTheDocumentOnlyFields() {
        IssueRecord r = issue(List.of("一"), List.of(new Commitment("年底前", "2021-12-31")), "河南");
        assertThat(Json.read(Json.bytes(r), IssueRecord.class)).isEqualTo(r);
    }

    @Test
    void fieldsTheTemplateDoesNotMapAreDroppedAndTheOutputIsOneLine() {
        ObjectNode record = Json.MAPPER.valueToTree(issue(List.of("一"), List.of(new Commitment("年底前", "2021-12-31")), "河南"));
        record.put("added_by_a_newer_processor", "x");
        ((ObjectNode) record.path("commitments").get(0)).put("confidence", 0.5);
        record.put("@timestamp", "1999-01-01T00:00:00Z");
        byte[] pretty = Json.writePretty(record).getBytes(StandardCharsets.UTF_8);
        byte[] out = documents.document(pretty, NOW);
        assertThat(new String(out, StandardCharsets.UTF_8)).doesNotContain("\n");
        JsonNode doc = Json.read(out, JsonNode.class);
        assertThat(doc.has("added_by_a_newer_processor")).isFalse();
        assertThat(doc.path("commitments").get(0).has("confidence")).isFalse();
        assertThat(doc.path("@timestamp").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(doc).isEqualTo(viaObjects(issue(List.of("一"), List.of(new Commitment("年底前", "2021-12-31")), "河南")));
    }

    @Test
    void anEmptyObjectGetsOnlyItsTimestamp() {
        JsonNode doc = Json.read(documents.document(" { } ".getBytes(StandardCharsets.UTF_8), NOW), JsonNode.class);
        assertThat(doc.size()).isEqualTo(1);
        assertThat(doc.path("@timestamp").asText()).isEqualTo("2026-01-02T03:04:05Z");
    }

    @Test
    void bytesThatAreNotOneJsonObjectAreRefused() {
        for (String bad : List.of("{this is not json", "[1,2]", "\"text\"", "{\"issue_id\":\"a\"} {\"issue_id\":\"b\"}",
                "{\"issue_id\":\"a\"", "")) {
            assertThatThrownBy(() -> documents.document(bad.getBytes(StandardCharsets.UTF_8), NOW))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
