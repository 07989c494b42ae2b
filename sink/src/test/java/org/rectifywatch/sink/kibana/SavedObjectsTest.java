package org.rectifywatch.sink.kibana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.sink.kibana.SavedObjects.FieldUse;
import org.rectifywatch.sink.kibana.SavedObjects.Use;

/** The Overdue dashboard's Vega panel: what it queries, what it reads, and that the field check sees into it. */
class SavedObjectsTest {

    private static JsonNode panel() {
        return SavedObjects.vegaVisualizations().stream()
                .filter(o -> o.path("id").asText().equals("rw-vega-days-overdue")).findFirst().orElseThrow();
    }

    @Test
    void theOverdueDashboardShowsTheDaysOverduePanelFirst() {
        JsonNode dashboard = SavedObjects.objects().stream()
                .filter(o -> o.path("id").asText().equals("rw-dashboard-overdue")).findFirst().orElseThrow();
        JsonNode panels = Json.read(dashboard.path("attributes").path("panelsJSON").asText(), JsonNode.class);
        JsonNode first = StreamSupport.stream(panels.spliterator(), false)
                .filter(p -> p.path("gridData").path("y").asInt() == 0).findFirst().orElseThrow();
        assertThat(first.path("type").asText()).isEqualTo("visualization");
        String ref = first.path("panelIndex").asText() + ":" + first.path("panelRefName").asText();
        assertThat(dashboard.path("references")).anyMatch(r -> r.path("name").asText().equals(ref)
                && r.path("id").asText().equals("rw-vega-days-overdue"));
    }

    @Test
    void thePanelListsOpenAlertsOfEveryKindMostOverdueFirstAndComputesDaysAtRenderTime() {
        JsonNode spec = SavedObjects.vegaSpec(panel());
        JsonNode alerts = spec.path("data").get(0);
        JsonNode body = alerts.path("url").path("body");
        assertThat(alerts.path("url").path("index").asText()).isEqualTo("rectify-alerts");
        assertThat(body.toString()).contains("{\"term\":{\"state\":\"raised\"}}").contains("%dashboard_context-filter_clause%");
        assertThat(body.toString()).as("no kind filter: report_overdue alerts are listed too").doesNotContain("alert_kind\":");
        assertThat(body.path("sort").get(0).path("due_date").path("order").asText()).isEqualTo("asc");
        String days = StreamSupport.stream(alerts.path("transform").spliterator(), false)
                .filter(t -> t.path("as").asText().equals("days")).findFirst().orElseThrow().path("expr").asText();
        assertThat(days).contains("now()").contains("dayMs").contains("floor(");
        assertThat(spec.toString()).doesNotContain("days_overdue");
        assertThat(SavedObjects.vegaFieldsReadButNotFetched(spec)).as("every field read is fetched").isEmpty();
    }

    @Test
    void theFieldCheckSeesEveryFieldTheSpecQueriesAndReads() {
        List<FieldUse> uses = new ArrayList<>();
        SavedObjects.vegaFieldUses("v", SavedObjects.vegaSpec(panel()), uses);
        assertThat(uses).contains(new FieldUse("rectify-alerts", "raised_at", Use.DATE, "v"),
                new FieldUse("rectify-alerts", "state", Use.BUCKET, "v"),
                new FieldUse("rectify-alerts", "due_date", Use.SORT, "v"),
                new FieldUse("rectify-alerts", "alert_kind", Use.BUCKET, "v"),
                new FieldUse("rectify-alerts", "target", Use.DISPLAY, "v"),
                new FieldUse("rectify-alerts", "inspector", Use.DISPLAY, "v"));
    }

    @Test
    void aFieldReadButNotFetchedOrAnUnparseableSpecIsCaught() {
        JsonNode spec = Json.read("""
                {"data":[{"name":"a","url":{"index":"rectify-alerts","%timefield%":"raised_at",
                  "body":{"_source":["target"],"query":{"range":{"due_date":{"lt":"now"}}},
                          "aggs":{"n":{"max":{"field":"seq"}}}}}}],
                 "marks":[{"encode":{"update":{"text":{"signal":"datum._source.target + datum._source['days_overdue']"}}}}]}""",
                JsonNode.class);
        assertThat(SavedObjects.vegaFieldsReadButNotFetched(spec)).containsExactly("days_overdue");
        List<FieldUse> uses = new ArrayList<>();
        SavedObjects.vegaFieldUses("x", spec, uses);
        assertThat(uses).contains(new FieldUse("rectify-alerts", "raised_at", Use.DATE, "x"),
                new FieldUse("rectify-alerts", "due_date", Use.SORT, "x"),
                new FieldUse("rectify-alerts", "seq", Use.NUMERIC, "x"),
                new FieldUse("rectify-alerts", "days_overdue", Use.DISPLAY, "x"));
        JsonNode hjson = Json.read("{\"id\":\"h\",\"attributes\":{\"visState\":\"{\\\"type\\\":\\\"vega\\\",\\\"params\\\":{\\\"spec\\\":\\\"{data: []}\\\"}}\"}}",
                JsonNode.class);
        assertThatThrownBy(() -> SavedObjects.vegaSpec(hjson)).hasMessageContaining("not strict JSON");
    }
}
