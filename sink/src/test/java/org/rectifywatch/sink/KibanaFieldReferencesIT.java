package org.rectifywatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.sink.index.IndexNames;
import org.rectifywatch.sink.index.IndexSetup;
import org.rectifywatch.sink.index.LogicalIndex;
import org.rectifywatch.sink.kibana.SavedObjects;
import org.rectifywatch.sink.kibana.SavedObjects.FieldUse;

/**
 * Every field the Kibana saved objects reference exists in the live index mappings (as installed by
 * {@link IndexSetup}) with a type that suits its use, and every saved-object reference resolves.
 */
@Tag("integration")
class KibanaFieldReferencesIT {
    private static final String VEGA = "rw-vega-days-overdue";
    private static final Set<String> NUMERIC = Set.of("long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float");

    @Test
    void everyReferencedFieldExistsWithASuitableType() throws Exception {
        try (SinkFixture fx = new SinkFixture(SharedStack.kafka().bootstrap(), SharedStack.elasticsearch().url())) {
            IndexSetup.ensure(fx.es);
            IndexSetup.ensure(fx.es); // idempotent
            Map<String, Map<String, String>> mappings = new HashMap<>();
            for (LogicalIndex i : LogicalIndex.values()) {
                String alias = IndexNames.DEFAULT.alias(i);
                JsonNode m = fx.request("GET", "/" + alias + "/_mapping", null);
                JsonNode props = m.elements().next().path("mappings").path("properties");
                Map<String, String> fields = new HashMap<>();
                flatten("", props, fields);
                // the data view's runtime fields (Painless at read time; the local distribution has no Painless,
                // so only their declared type is checked here)
                fields.putAll(SavedObjects.runtimeFields().getOrDefault(alias, Map.of()));
                mappings.put(alias, fields);
            }
            List<FieldUse> uses = SavedObjects.fieldUses();
            assertThat(uses).hasSizeGreaterThan(30);
            // the check sees inside the Vega spec of the days-overdue panel, not just the Lens and search objects
            assertThat(uses).contains(new FieldUse("rectify-alerts", "due_date", SavedObjects.Use.SORT, VEGA),
                    new FieldUse("rectify-alerts", "state", SavedObjects.Use.BUCKET, VEGA),
                    new FieldUse("rectify-alerts", "feedback_date", SavedObjects.Use.DATE, VEGA),
                    new FieldUse("rectify-alerts", "alert_kind", SavedObjects.Use.BUCKET, VEGA),
                    new FieldUse("rectify-alerts", "feedback_date", SavedObjects.Use.DISPLAY, VEGA));
            assertThat(uses).noneMatch(u -> u.field().equals("days_overdue") || u.field().equals("resolved_at"));
            // time on report dates, never on crawl or processing times
            assertThat(uses).filteredOn(u -> u.use() == SavedObjects.Use.DATE).extracting(FieldUse::field)
                    .doesNotContain("fetched_at", "processed_at", "raised_at", "@timestamp");
            assertThat(uses).contains(new FieldUse("rectify-alerts", "days_overdue_now", SavedObjects.Use.DISPLAY, "rw-search-open-alerts"),
                    new FieldUse("rectify-issues", "published_date", SavedObjects.Use.DATE, "rw-lens-issues-monthly-by-topic"),
                    new FieldUse("rectify-reports", "province", SavedObjects.Use.BUCKET, "rw-lens-reports-monthly-by-province"),
                    new FieldUse("rectify-reports", "retracted", SavedObjects.Use.BUCKET, "rw-search-mirrored-retracted"));
            List<String> problems = problems(uses, mappings);
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void theCheckCatchesAMissingOrMistypedField() {
        Map<String, Map<String, String>> broken = new HashMap<>();
        Map<String, String> alerts = new HashMap<>();
        alerts.put("raised_at", "date");
        alerts.put("target", "text");
        broken.put("rectify-alerts", alerts);
        List<FieldUse> uses = List.of(new FieldUse("rectify-alerts", "raised_at", SavedObjects.Use.DATE, "x"),
                new FieldUse("rectify-alerts", "target", SavedObjects.Use.BUCKET, "x"),
                new FieldUse("rectify-alerts", "days_overdue", SavedObjects.Use.NUMERIC, "x"));
        assertThat(problems(uses, broken)).hasSize(2).anyMatch(p -> p.contains("target")).anyMatch(p -> p.contains("days_overdue"));
    }

    static List<String> problems(List<FieldUse> uses, Map<String, Map<String, String>> mappings) {
        List<String> problems = new ArrayList<>();
        for (FieldUse u : uses) {
            Map<String, String> fields = mappings.get(u.index());
            if (fields == null) {
                problems.add(u + ": no such index alias");
                continue;
            }
            String type = fields.get(u.field());
            boolean ok = type != null && switch (u.use()) {
                case DATE -> type.equals("date");
                case BUCKET -> type.equals("keyword") || NUMERIC.contains(type) || type.equals("boolean");
                case NUMERIC -> NUMERIC.contains(type);
                case URL -> type.equals("keyword");
                case SORT -> !type.equals("text") && !type.equals("object");
                case DISPLAY -> !type.equals("object");
            };
            if (!ok) {
                problems.add(u + ": mapped as " + type);
            }
        }
        return problems;
    }

    @Test
    void everySavedObjectReferenceResolvesAndTheDashboardsExist() {
        List<JsonNode> objects = SavedObjects.objects();
        Set<String> ids = new HashSet<>();
        objects.forEach(o -> ids.add(o.path("type").asText() + ":" + o.path("id").asText()));
        for (JsonNode o : objects) {
            for (JsonNode r : o.path("references")) {
                assertThat(ids).as("reference %s of %s", r, o.path("id").asText())
                        .contains(r.path("type").asText() + ":" + r.path("id").asText());
            }
        }
        assertThat(ids).contains("dashboard:rw-dashboard-overview", "dashboard:rw-dashboard-overdue", "dashboard:rw-dashboard-reports",
                "index-pattern:rw-reports", "index-pattern:rw-issues", "index-pattern:rw-alerts", "visualization:" + VEGA);
    }

    private static void flatten(String prefix, JsonNode props, Map<String, String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix + e.getKey();
            JsonNode def = e.getValue();
            out.put(name, def.path("type").asText("object"));
            if (def.has("properties")) {
                flatten(name + ".", def.path("properties"), out);
            }
            if (def.has("fields")) {
                flatten(name + ".", def.path("fields"), out);
            }
        }
    }
}
