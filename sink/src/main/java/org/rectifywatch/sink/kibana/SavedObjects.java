package org.rectifywatch.sink.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectifywatch.model.json.Json;

/**
 * The Kibana saved objects shipped with the sink (data views, Lens panels, saved searches, dashboards) and
 * the fields they reference, with what each reference needs of the field.
 */
public final class SavedObjects {
    public static final String RESOURCE = "/org/rectifywatch/sink/kibana/saved-objects.ndjson";
    private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z_@][\\w.@]*)\\s*:");

    /** What a visualisation does with a field. */
    public enum Use {
        /** time field, date histogram: a date */
        DATE,
        /** terms buckets, KQL term queries: keyword (or a number) */
        BUCKET,
        /** sum/avg/max/min: a number */
        NUMERIC,
        /** table column / sort: exists (sort also needs doc values: not text) */
        DISPLAY,
        SORT,
        /** link format: keyword */
        URL
    }

    /** One field reference: the data view's index title, the field, how it is used and by which object. */
    public record FieldUse(String index, String field, Use use, String objectId) {
    }

    private SavedObjects() {
    }

    public static byte[] ndjson() {
        try (InputStream in = SavedObjects.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<JsonNode> objects() {
        List<JsonNode> out = new ArrayList<>();
        for (String line : new String(ndjson(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                out.add(read(line));
            }
        }
        return out;
    }

    public static List<FieldUse> fieldUses() {
        List<JsonNode> objects = objects();
        Map<String, String> dataViews = new java.util.HashMap<>();
        for (JsonNode o : objects) {
            if (o.path("type").asText().equals("index-pattern")) {
                dataViews.put(o.path("id").asText(), o.path("attributes").path("title").asText());
            }
        }
        List<FieldUse> uses = new ArrayList<>();
        for (JsonNode o : objects) {
            String id = o.path("id").asText();
            JsonNode a = o.path("attributes");
            switch (o.path("type").asText()) {
                case "index-pattern" -> {
                    String index = a.path("title").asText();
                    uses.add(new FieldUse(index, a.path("timeFieldName").asText(), Use.DATE, id));
                    read(a.path("fieldFormatMap").asText("{}")).fieldNames()
                            .forEachRemaining(f -> uses.add(new FieldUse(index, f, Use.URL, id)));
                }
                case "lens" -> {
                    String index = dataViews.get(referenced(o, "indexpattern-datasource-layer-l1"));
                    JsonNode layers = a.path("state").path("datasourceStates").path("formBased").path("layers");
                    for (JsonNode layer : layers) {
                        for (JsonNode col : layer.path("columns")) {
                            String field = col.path("sourceField").asText();
                            Use use = switch (col.path("operationType").asText()) {
                                case "date_histogram" -> Use.DATE;
                                case "terms" -> Use.BUCKET;
                                case "count" -> null;
                                default -> Use.NUMERIC;
                            };
                            if (use != null) {
                                uses.add(new FieldUse(index, field, use, id));
                            }
                        }
                    }
                    kqlFields(a.path("state").path("query").path("query").asText(), index, id, uses);
                }
                case "search" -> {
                    String index = dataViews.get(referenced(o, "kibanaSavedObjectMeta.searchSourceJSON.index"));
                    a.path("columns").forEach(c -> uses.add(new FieldUse(index, c.asText(), Use.DISPLAY, id)));
                    a.path("sort").forEach(s -> uses.add(new FieldUse(index, s.get(0).asText(), Use.SORT, id)));
                    JsonNode source = read(a.path("kibanaSavedObjectMeta").path("searchSourceJSON").asText("{}"));
                    kqlFields(source.path("query").path("query").asText(), index, id, uses);
                }
                default -> {
                }
            }
        }
        return uses;
    }

    private static void kqlFields(String kql, String index, String id, List<FieldUse> uses) {
        Matcher m = KQL_FIELD.matcher(kql);
        while (m.find()) {
            uses.add(new FieldUse(index, m.group(1), Use.BUCKET, id));
        }
    }

    private static String referenced(JsonNode o, String name) {
        for (Iterator<JsonNode> it = o.path("references").elements(); it.hasNext(); ) {
            JsonNode r = it.next();
            if (r.path("name").asText().equals(name)) {
                return r.path("id").asText();
            }
        }
        throw new IllegalStateException("saved object " + o.path("id").asText() + " has no reference " + name);
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
