package org.rectifywatch.sink.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.sink.config.SinkConfig;

/** The settings every template carries for deletes and word search, and which of them set-up applies in place. */
class IndexTemplatesTest {

    @Test
    void deletesAreRememberedLongerThanTheSinkRetriesAThrottledBulkItem() {
        Duration backoffMax = SinkConfig.from(new ConfigSource(Map.of(), Map.of())).backoffMax();
        for (LogicalIndex i : LogicalIndex.values()) {
            String gc = IndexSetup.template(i).path("settings").path("gc_deletes").asText();
            assertThat(gc).as("gc_deletes of %s", i).matches("\\d+h");
            Duration remembered = Duration.ofHours(Long.parseLong(gc.substring(0, gc.length() - 1)));
            assertThat(remembered).as("%s: at least 100 retries at the longest backoff (%s)", i, backoffMax)
                    .isGreaterThanOrEqualTo(backoffMax.multipliedBy(100));
        }
    }

    @Test
    void everyIndexRefreshesOnItsOwnAtLeastEvery30SecondsWhateverTheSinkDoes() {
        // the sink's own refreshes are not durable: a sink killed before one relies on this safety net
        for (LogicalIndex i : LogicalIndex.values()) {
            String interval = IndexSetup.template(i).path("settings").path("refresh_interval").asText();
            assertThat(interval).as("refresh_interval of %s", i).matches("\\d+s");
            assertThat(Integer.parseInt(interval.substring(0, interval.length() - 1))).isBetween(1, 30);
        }
    }

    @Test
    void unqualifiedIssueQueriesGoToTheSegmentedTokenFields() {
        ObjectNode issues = IndexSetup.template(LogicalIndex.ISSUES);
        JsonNode fields = issues.path("settings").path("query").path("default_field");
        assertThat(fields).extracting(JsonNode::asText).containsExactlyInAnyOrder("problem_tokens", "rectification_tokens");
        for (JsonNode f : fields) {
            JsonNode mapping = issues.path("mappings").path("properties").path(f.asText());
            assertThat(mapping.path("type").asText()).isEqualTo("text");
            assertThat(mapping.path("analyzer").asText()).as("the tokens are segmented already").isEqualTo("whitespace");
        }
    }

    @Test
    void onlyTheDynamicSearchAndDeleteSettingsAreAppliedInPlace() {
        ObjectNode settings = IndexSetup.inPlaceSettings(IndexSetup.template(LogicalIndex.ISSUES));
        assertThat(settings.path("gc_deletes").asText()).isEqualTo("1h");
        assertThat(settings.path("query").path("default_field")).hasSize(2);
        assertThat(settings.has("number_of_shards")).as("static: only at creation").isFalse();
        assertThat(settings.has("refresh_interval")).as("an operator's own value stays").isFalse();
    }
}
