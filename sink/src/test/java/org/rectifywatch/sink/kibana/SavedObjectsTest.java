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
        assertThat(uses).contains(new FieldUse("rectify-alerts", "feedback_date", Use.DATE, "v"),
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

    @Test
    void theDataViewsAreOnReportDatesAndTheAlertsViewCountsDaysOverdueWhenRead() {
        java.util.Map<String, String> timeFields = new java.util.HashMap<>();
        JsonNode alerts = null;
        for (JsonNode o : SavedObjects.objects()) {
            if (o.path("type").asText().equals("index-pattern")) {
                timeFields.put(o.path("attributes").path("title").asText(), o.path("attributes").path("timeFieldName").asText());
                if (o.path("id").asText().equals("rw-alerts")) {
                    alerts = o;
                }
            }
        }
        assertThat(timeFields).containsEntry("rectify-reports", "published_date").containsEntry("rectify-issues", "published_date")
                .containsEntry("rectify-alerts", "feedback_date");
        JsonNode runtime = Json.read(alerts.path("attributes").path("runtimeFieldMap").asText(), JsonNode.class);
        String script = runtime.path("days_overdue_now").path("script").path("source").asText();
        assertThat(runtime.path("days_overdue_now").path("type").asText()).isEqualTo("long");
        assertThat(script).contains("doc['due_date']").contains("doc['closed_at']").contains("new Date().getTime()").contains("emit(");
        assertThat(SavedObjects.runtimeFields().get("rectify-alerts")).containsEntry("days_overdue_now", "long");
    }

    @Test
    void theOverviewOpensOnMonthlyTrendsByTopicPillarAndProvinceAndTheUnitsWithTheMostOpenIssues() {
        JsonNode overview = SavedObjects.objects().stream()
                .filter(o -> o.path("id").asText().equals("rw-dashboard-overview")).findFirst().orElseThrow();
        List<String> top = new ArrayList<>();
        JsonNode panels = Json.read(overview.path("attributes").path("panelsJSON").asText(), JsonNode.class);
        for (JsonNode p : panels) {
            if (p.path("gridData").path("y").asInt() < 28) {
                String ref = p.path("panelIndex").asText() + ":" + p.path("panelRefName").asText();
                overview.path("references").forEach(r -> {
                    if (r.path("name").asText().equals(ref)) {
                        top.add(r.path("id").asText());
                    }
                });
            }
        }
        assertThat(top).containsExactlyInAnyOrder("rw-lens-issues-monthly-by-topic", "rw-lens-issues-monthly-by-pillar",
                "rw-lens-reports-monthly-by-province", "rw-lens-open-issues-by-unit");
        for (JsonNode o : SavedObjects.objects()) {
            if (o.path("id").asText().endsWith("-monthly-by-topic")) {
                JsonNode c1 = o.path("attributes").path("state").path("datasourceStates").path("formBased").path("layers")
                        .path("l1").path("columns").path("c1");
                assertThat(c1.path("sourceField").asText()).isEqualTo("published_date");
                assertThat(c1.path("params").path("interval").asText()).isEqualTo("M");
            }
        }
    }

    @Test
    void anotherIndexPrefixIsAppliedToEveryDataViewAndVegaQueryAndNothingElse() {
        String original = new String(SavedObjects.ndjson(), java.nio.charset.StandardCharsets.UTF_8);
        String prefixed = new String(SavedObjects.ndjson(new org.rectifywatch.sink.index.IndexNames("prod")),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(prefixed).doesNotContain("rectify-reports", "rectify-issues", "rectify-alerts");
        assertThat(prefixed).contains("\"title\": \"prod-reports\"").contains("\"title\": \"prod-issues\"")
                .contains("\"title\": \"prod-alerts\"");
        assertThat(prefixed.replace("prod-", "rectify-")).as("only the alias names changed").isEqualTo(original);
        List<JsonNode> objects = new ArrayList<>();
        for (String line : prefixed.split("\n")) {
            objects.add(Json.read(line, JsonNode.class));
        }
        JsonNode vega = objects.stream().filter(o -> o.path("id").asText().equals("rw-vega-days-overdue")).findFirst().orElseThrow();
        assertThat(SavedObjects.vegaSpec(vega).path("data").get(0).path("url").path("index").asText()).isEqualTo("prod-alerts");
        assertThat(new String(SavedObjects.ndjson(org.rectifywatch.sink.index.IndexNames.DEFAULT),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(original);
    }
}
