package org.rectifywatch.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.config.ElasticsearchSettings;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.processor.classify.ChineseTokenizer;
import org.rectifywatch.sink.config.RestClients;
import org.rectifywatch.sink.index.IndexNames;
import org.rectifywatch.sink.index.IndexSetup;
import org.rectifywatch.sink.index.LogicalIndex;

/**
 * Word search on the real local Elasticsearch with the processor's real segmentation: a plain query ({@code q=},
 * as Kibana's search bar sends unqualified terms) for 形式主义 finds the issue that contains the word and not the
 * one that has 形式 and 主义 apart — also on an issues index an earlier build created without the setting.
 */
@Tag("integration")
class WordSearchIT {
    private static final String WORD = "形式主义";
    private static final String HAS_WORD = "有的党员干部存在形式主义、官僚主义问题，调研走过场";
    private static final String HAS_PARTS = "学习形式单一，马克思主义理论学习不够深入";

    @Test
    void aPlainQueryForAWordFindsTheWordNotItsCharacters() throws Exception {
        ChineseTokenizer tokenizer = ChineseTokenizer.shared();
        assertThat(Arrays.asList(tokenizer.searchTokens(HAS_WORD).split(" "))).as("segmentation keeps the word").contains(WORD);
        List<String> partTokens = Arrays.asList(tokenizer.searchTokens(HAS_PARTS).split(" "));
        assertThat(partTokens).as("the other text has the parts, not the word").contains("形式").doesNotContain(WORD);
        assertThat(HAS_PARTS).contains("形式").contains("主义");

        IndexNames names = new IndexNames("w" + UUID.randomUUID().toString().substring(0, 8));
        String alias = names.alias(LogicalIndex.ISSUES);
        try (Rest5Client es = RestClients.build(ElasticsearchSettings.local(SharedStack.elasticsearch().url()))) {
            // the issues index as an earlier build created it: the template's mappings, none of the search settings
            ObjectNode old = IndexSetup.template(LogicalIndex.ISSUES);
            ObjectNode settings = (ObjectNode) old.get("settings");
            settings.remove("query");
            settings.remove("gc_deletes");
            old.putObject("aliases").putObject(alias).put("is_write_index", true);
            call(es, "PUT", "/" + names.concrete(LogicalIndex.ISSUES), Json.write(old));
            index(es, alias, "word", tokenizer, HAS_WORD);
            index(es, alias, "parts", tokenizer, HAS_PARTS);
            call(es, "POST", "/" + alias + "/_refresh", null);
            assertThat(plainQuery(es, alias)).as("without the setting a plain query also matches the characters")
                    .containsExactlyInAnyOrder("word", "parts");

            IndexSetup.ensure(es, names, Duration.ofSeconds(60));

            assertThat(plainQuery(es, alias)).containsExactly("word");
            assertThat(ids(call(es, "POST", "/" + alias + "/_search",
                    "{\"query\":{\"query_string\":{\"query\":\"" + WORD + "\"}}}"))).containsExactly("word");
            // Kibana's search bar sends an unqualified KQL term as a multi_match without fields
            assertThat(ids(call(es, "POST", "/" + alias + "/_search",
                    "{\"query\":{\"multi_match\":{\"type\":\"best_fields\",\"query\":\"" + WORD + "\",\"lenient\":true}}}")))
                    .containsExactly("word");
            assertThat(ids(call(es, "POST", "/" + alias + "/_search",
                    "{\"query\":{\"simple_query_string\":{\"query\":\"形式\"}}}")))
                    .as("a sub-word still finds both").containsExactlyInAnyOrder("word", "parts");
            JsonNode applied = call(es, "GET", "/" + names.concrete(LogicalIndex.ISSUES) + "/_settings", null)
                    .path(names.concrete(LogicalIndex.ISSUES)).path("settings").path("index");
            assertThat(applied.path("gc_deletes").asText()).as("applied in place too").isEqualTo("1h");
        }
    }

    private static void index(Rest5Client es, String alias, String id, ChineseTokenizer tokenizer, String problem) throws IOException {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("issue_id", id).put("problem", problem).put("problem_tokens", tokenizer.searchTokens(problem))
                .put("rectification", "已整改").put("rectification_tokens", tokenizer.searchTokens("已整改"));
        call(es, "PUT", "/" + alias + "/_doc/" + id, Json.write(doc));
    }

    private static List<String> plainQuery(Rest5Client es, String alias) throws IOException {
        Request r = new Request("GET", "/" + alias + "/_search");
        r.addParameter("q", WORD);
        return ids(Json.MAPPER.readTree(text(es, r)));
    }

    private static List<String> ids(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.path("hits").path("hits").forEach(h -> out.add(h.path("_id").asText()));
        return out;
    }

    private static JsonNode call(Rest5Client es, String method, String path, String body) throws IOException {
        Request r = new Request(method, path);
        if (body != null) {
            r.setJsonEntity(body);
        }
        return Json.MAPPER.readTree(text(es, r));
    }

    private static String text(Rest5Client es, Request r) throws IOException {
        try {
            return EntityUtils.toString(es.performRequest(r).getEntity());
        } catch (org.apache.hc.core5.http.ParseException e) {
            throw new IOException(e);
        }
    }
}
