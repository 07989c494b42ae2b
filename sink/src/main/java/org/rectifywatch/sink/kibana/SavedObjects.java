package org.rectifywatch.sink.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.sink.index.IndexNames;
import org.rectifywatch.sink.index.LogicalIndex;

/**
 * The Kibana saved objects shipped with the sink (data views, Lens panels, a Vega panel, saved searches,
 * dashboards) and the fields they reference, with what each reference needs of the field.
 */
public final class SavedObjects {
    public static final String RESOURCE = "/org/rectifywatch/sink/kibana/saved-objects.ndjson";
    private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z_@][\\w.@]*)\\s*:");
    /** A hit's field read in a Vega expression: {@code datum._source.x} or {@code datum._source['x']}. */
    private static final Pattern SOURCE_READ = Pattern.compile("datum\\._source(?:\\.([A-Za-z_@][\\w@]*)|\\[['\"]([^'\"]+)['\"]\\])");

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

    /**
     * The saved objects for indices of another prefix: the data-view titles and the indices the Vega specs query
     * name the aliases of {@code names} instead of the default {@code rectify-…} ones. Pure.
     */
    public static byte[] ndjson(IndexNames names) {
        String text = new String(ndjson(), StandardCharsets.UTF_8);
        for (LogicalIndex i : LogicalIndex.values()) {
            // the aliases are quoted JSON strings (in a Vega spec, escaped inside one): match the whole name only
            text = text.replaceAll("(?<=\")" + Pattern.quote(IndexNames.DEFAULT.alias(i)) + "(?=\\\\*\")",
                    Matcher.quoteReplacement(names.alias(i)));
        }
        return text.getBytes(StandardCharsets.UTF_8);
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

    /**
     * The runtime fields the data views define (computed at read time by a Painless script, so they exist in no
     * mapping): data-view title → field → type.
     */
    public static Map<String, Map<String, String>> runtimeFields() {
        Map<String, Map<String, String>> out = new java.util.HashMap<>();
        for (JsonNode o : objects()) {
            if (o.path("type").asText().equals("index-pattern")) {
                Map<String, String> fields = new java.util.HashMap<>();
                read(o.path("attributes").path("runtimeFieldMap").asText("{}")).fields()
                        .forEachRemaining(e -> fields.put(e.getKey(), e.getValue().path("type").asText()));
                out.put(o.path("attributes").path("title").asText(), fields);
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
                case "visualization" -> {
                    JsonNode vis = read(a.path("visState").asText("{}"));
                    if (vis.path("type").asText().equals("vega")) {
                        vegaFieldUses(id, vegaSpec(o), uses);
                    }
                }
                default -> {
                }
            }
        }
        return uses;
    }

    /**
     * The Vega spec of a Vega visualization. Kept in strict JSON (Kibana also reads HJSON, but then the fields it
     * uses could not be checked): a spec that is not JSON fails here.
     */
    public static JsonNode vegaSpec(JsonNode savedObject) {
        JsonNode vis = read(savedObject.path("attributes").path("visState").asText("{}"));
        try {
            return Json.MAPPER.readTree(vis.path("params").path("spec").asText());
        } catch (IOException e) {
            throw new IllegalStateException("the Vega spec of " + savedObject.path("id").asText()
                    + " is not strict JSON, so its field references cannot be checked: " + e.getMessage(), e);
        }
    }

    /** The Vega visualizations among the saved objects. */
    public static List<JsonNode> vegaVisualizations() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode o : objects()) {
            if (o.path("type").asText().equals("visualization")
                    && read(o.path("attributes").path("visState").asText("{}")).path("type").asText().equals("vega")) {
                out.add(o);
            }
        }
        return out;
    }

    /**
     * Fields a Vega spec uses: in each Elasticsearch data source ({@code url} with an {@code index}) the time field,
     * {@code _source}, sort, query and aggregation fields; and the fields its expressions read from a hit
     * ({@code datum._source.x}), which belong to the spec's one index.
     */
    static void vegaFieldUses(String id, JsonNode spec, List<FieldUse> uses) {
        Set<String> indices = new LinkedHashSet<>();
        for (JsonNode data : spec.path("data")) {
            JsonNode url = data.path("url");
            if (!url.isObject() || !url.has("index")) {
                continue;
            }
            String index = url.path("index").asText();
            indices.add(index);
            if (url.has("%timefield%")) {
                uses.add(new FieldUse(index, url.path("%timefield%").asText(), Use.DATE, id));
            }
            JsonNode body = url.path("body");
            for (String f : sourceFields(body)) {
                uses.add(new FieldUse(index, f, Use.DISPLAY, id));
            }
            for (JsonNode sort : body.path("sort")) {
                if (sort.isTextual()) {
                    uses.add(new FieldUse(index, sort.asText(), Use.SORT, id));
                } else {
                    sort.fieldNames().forEachRemaining(f -> uses.add(new FieldUse(index, f, Use.SORT, id)));
                }
            }
            queryFields(body.path("query"), index, id, uses);
            aggFields(body.path("aggs"), null, index, id, uses);
        }
        Set<String> read = sourceFieldsRead(spec);
        if (!read.isEmpty() && indices.size() != 1) {
            throw new IllegalStateException("Vega spec " + id + " reads datum._source fields but queries " + indices
                    + ": cannot tell which index they belong to");
        }
        for (String f : read) {
            uses.add(new FieldUse(indices.iterator().next(), f, Use.DISPLAY, id));
        }
    }

    /**
     * Fields a Vega spec's expressions read from a hit that none of its queries fetch in {@code _source} (they
     * would be undefined when it renders).
     */
    public static Set<String> vegaFieldsReadButNotFetched(JsonNode spec) {
        Set<String> fetched = new HashSet<>();
        for (JsonNode data : spec.path("data")) {
            fetched.addAll(sourceFields(data.path("url").path("body")));
        }
        Set<String> missing = new TreeSet<>(sourceFieldsRead(spec));
        missing.removeAll(fetched);
        return missing;
    }

    private static List<String> sourceFields(JsonNode body) {
        List<String> out = new ArrayList<>();
        JsonNode source = body.path("_source");
        JsonNode list = source.isObject() ? source.path("includes") : source;
        if (list.isTextual()) {
            out.add(list.asText());
        }
        list.forEach(f -> out.add(f.asText()));
        return out;
    }

    private static Set<String> sourceFieldsRead(JsonNode spec) {
        Set<String> out = new TreeSet<>();
        List<String> strings = new ArrayList<>();
        collectStrings(spec, strings);
        for (String s : strings) {
            Matcher m = SOURCE_READ.matcher(s);
            while (m.find()) {
                out.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        return out;
    }

    private static void collectStrings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collectStrings(child, out));
    }

    private static void queryFields(JsonNode node, String index, String id, List<FieldUse> uses) {
        if (node.isArray()) {
            node.forEach(n -> queryFields(n, index, id, uses));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "term", "terms", "prefix", "wildcard" -> v.fieldNames().forEachRemaining(f -> {
                    if (!f.equals("boost")) {
                        uses.add(new FieldUse(index, f, Use.BUCKET, id));
                    }
                });
                case "match", "match_phrase" -> v.fieldNames().forEachRemaining(f -> uses.add(new FieldUse(index, f, Use.DISPLAY, id)));
                case "range" -> v.fieldNames().forEachRemaining(f -> uses.add(new FieldUse(index, f,
                        v.path(f).has("%timefilter%") ? Use.DATE : Use.SORT, id)));
                case "exists" -> uses.add(new FieldUse(index, v.path("field").asText(), Use.DISPLAY, id));
                default -> queryFields(v, index, id, uses);
            }
        }
    }

    private static void aggFields(JsonNode node, String kind, String index, String id, List<FieldUse> uses) {
        if (node.isObject() && kind != null && node.path("field").isTextual()) {
            Use use = switch (kind) {
                case "terms" -> Use.BUCKET;
                case "date_histogram", "date_range" -> Use.DATE;
                case "histogram", "min", "max", "sum", "avg", "stats", "percentiles" -> Use.NUMERIC;
                default -> Use.DISPLAY;
            };
            uses.add(new FieldUse(index, node.path("field").asText(), use, id));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            aggFields(e.getValue(), e.getKey(), index, id, uses);
        }
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
