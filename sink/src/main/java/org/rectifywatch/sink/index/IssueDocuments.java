package org.rectifywatch.sink.index;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.rectifywatch.model.json.Json;

/**
 * Issue search documents straight from the record bytes. An {@code IssueRecord} as the processor writes it
 * already is its document except for {@code @timestamp}, so the common case is one streaming check (a single
 * JSON object, every field one the index template maps, no line break that would cut the NDJSON bulk body)
 * and a splice of the indexing time in front — no binding to objects and writing back out, which cost the
 * sink more CPU than the rest of its path together. A record that does not conform (a field a newer processor
 * added that this template does not map yet, pretty-printed JSON, an {@code @timestamp} of its own) is parsed
 * to a tree and trimmed to the mapped fields, as the object mapping always did: unknown fields are dropped,
 * not refused. Bytes that are not one JSON object are an {@link IllegalArgumentException} (→ dead-letter topic).
 */
public final class IssueDocuments {
    private static final byte[] TIMESTAMP_KEY = "{\"@timestamp\":\"".getBytes(StandardCharsets.US_ASCII);

    private final Set<String> fields;
    /** Object-typed fields (e.g. commitments) and the sub-fields their mapping knows. */
    private final Map<String, Set<String>> objectFields;

    public IssueDocuments(JsonNode template) {
        JsonNode props = template.path("mappings").path("properties");
        this.fields = new HashSet<>();
        this.objectFields = new HashMap<>();
        props.fields().forEachRemaining(e -> {
            fields.add(e.getKey());
            JsonNode sub = e.getValue().get("properties");
            if (sub != null) {
                Set<String> names = new HashSet<>();
                sub.fieldNames().forEachRemaining(names::add);
                objectFields.put(e.getKey(), names);
            }
        });
    }

    /** For the shipped issues template. */
    public static IssueDocuments fromTemplate() {
        return new IssueDocuments(IndexSetup.template(LogicalIndex.ISSUES));
    }

    /** The document to index for a record value, stamped with {@code indexedAt}. */
    public byte[] document(byte[] value, Instant indexedAt) {
        boolean conforms;
        try {
            conforms = check(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON issue record: " + firstLine(e.getMessage()));
        }
        return conforms ? splice(value, indexedAt) : trimmed(value, indexedAt);
    }

    /** Validates the whole value; true when it can be indexed as it is. */
    private boolean check(byte[] value) throws IOException {
        boolean conforms = true;
        for (byte b : value) {
            if (b == '\n' || b == '\r') {
                conforms = false;
                break;
            }
        }
        try (JsonParser p = Json.MAPPER.getFactory().createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object: an issue record must be one");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (!fields.contains(name) || name.equals("@timestamp")) {
                    conforms = false;
                }
                Set<String> sub = objectFields.get(name);
                if (sub != null && v.isStructStart()) {
                    conforms &= subFieldsKnown(p, sub);
                } else {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON object");
            }
        }
        return conforms;
    }

    /** Walks an object or an array of objects; false when one has a key the mapping does not know. */
    private static boolean subFieldsKnown(JsonParser p, Set<String> known) throws IOException {
        boolean ok = true;
        if (p.currentToken() == JsonToken.START_ARRAY) {
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == JsonToken.START_OBJECT) {
                    ok &= subFieldsKnown(p, known);
                } else {
                    p.skipChildren();
                }
            }
            return ok;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            ok &= known.contains(p.currentName());
            p.nextToken();
            p.skipChildren();
        }
        return ok;
    }

    private static byte[] splice(byte[] value, Instant indexedAt) {
        int open = 0;
        while (value[open] != '{') {
            open++;
        }
        int next = open + 1;
        while (next < value.length && Character.isWhitespace(value[next])) {
            next++;
        }
        boolean empty = value[next] == '}';
        byte[] ts = indexedAt.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[TIMESTAMP_KEY.length + ts.length + 2 + value.length - open - 1];
        int at = 0;
        System.arraycopy(TIMESTAMP_KEY, 0, out, at, TIMESTAMP_KEY.length);
        at += TIMESTAMP_KEY.length;
        System.arraycopy(ts, 0, out, at, ts.length);
        at += ts.length;
        out[at++] = '"';
        out[at++] = (byte) (empty ? ' ' : ',');
        System.arraycopy(value, open + 1, out, at, value.length - open - 1);
        return out;
    }

    private byte[] trimmed(byte[] value, Instant indexedAt) {
        ObjectNode record = Json.read(value, ObjectNode.class);
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("@timestamp", indexedAt.toString());
        record.fields().forEachRemaining(e -> {
            if (fields.contains(e.getKey()) && !e.getKey().equals("@timestamp")) {
                Set<String> sub = objectFields.get(e.getKey());
                doc.set(e.getKey(), sub == null ? e.getValue() : trim(e.getValue(), sub));
            }
        });
        return Json.bytes(doc);
    }

    private static JsonNode trim(JsonNode node, Set<String> known) {
        if (node instanceof ObjectNode o) {
            o.retain(known);
        } else if (node.isArray()) {
            node.forEach(n -> trim(n, known));
        }
        return node;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
