package org.rectifywatch.sink.notify.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.rectifywatch.model.wire.AlertKind;

/**
 * Reads the watches file (YAML, or JSON, which YAML includes): a list of watches, or {@code watches:} holding one.
 * Everything is checked at start; an error names the file, the watch and the field and says what is allowed.
 */
public final class WatchFile {
    static final Set<String> FIELDS = new LinkedHashSet<>(Arrays.asList("name", "province", "unit", "topic", "pillar",
            "keyword", "report_kind", "alert_kinds", "channels"));
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private WatchFile() {
    }

    /** The watches in {@code file}; each channel a watch names must be in {@code channels}. */
    public static List<Watch> load(Path file, Set<String> channels) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("watches file " + file + " (sink.watches.file) cannot be read: " + e
                    + " — give the path of a readable YAML or JSON file");
        }
        return parse(file.toString(), text, channels);
    }

    public static List<Watch> parse(String file, String text, Set<String> channels) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("watches file " + file + " is not valid YAML/JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root != null && root.isObject() && root.has("watches")) {
            root = root.get("watches");
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return List.of();
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException("watches file " + file + " must hold a list of watches (or 'watches:' with one)");
        }
        List<Watch> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int n = 0;
        for (JsonNode w : root) {
            n++;
            out.add(watch(file, n, w, channels, names));
        }
        return List.copyOf(out);
    }

    private static Watch watch(String file, int n, JsonNode w, Set<String> channels, Set<String> names) {
        String where = "watches file " + file + ": watch #" + n;
        if (!w.isObject()) {
            throw new IllegalArgumentException(where + " must be a mapping of fields " + FIELDS);
        }
        JsonNode nameNode = w.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": field 'name' is missing; give every watch a unique name");
        }
        String name = nameNode.asText().trim();
        where = "watches file " + file + ": watch '" + name + "'";
        if (!names.add(name)) {
            throw new IllegalArgumentException(where + ": field 'name' repeats an earlier watch's name; names must be unique");
        }
        for (Iterator<String> it = w.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException(where + ": field '" + f + "' is unknown; the fields are " + FIELDS);
            }
        }
        Pattern unit = null;
        List<String> units = strings(where, w, "unit");
        if (units.size() > 1) {
            throw new IllegalArgumentException(where + ": field 'unit' must be one pattern (use | for alternatives)");
        }
        if (!units.isEmpty()) {
            try {
                unit = Pattern.compile(units.get(0));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + ": field 'unit' is not a valid regular expression: " + e.getDescription()
                        + " in '" + units.get(0) + "'");
            }
        }
        Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
        for (String k : strings(where, w, "alert_kinds")) {
            try {
                kinds.add(AlertKind.valueOf(k));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": field 'alert_kinds' has '" + k + "' but must list kinds among "
                        + EnumSet.allOf(AlertKind.class));
            }
        }
        List<String> chans = strings(where, w, "channels");
        if (chans.isEmpty()) {
            throw new IllegalArgumentException(where + ": field 'channels' is missing; name at least one of the configured channels "
                    + channels);
        }
        for (String c : chans) {
            if (!channels.contains(c)) {
                throw new IllegalArgumentException(where + ": field 'channels' names '" + c + "', which is not a configured channel; "
                        + "configured: " + channels + " (sink.channels, or 'default' for sink.webhook.url)");
            }
        }
        return new Watch(name, strings(where, w, "province"), unit, strings(where, w, "topic"), strings(where, w, "pillar"),
                strings(where, w, "keyword"), strings(where, w, "report_kind"), Set.copyOf(kinds), chans);
    }

    /** A field given as one string or a list of strings. */
    private static List<String> strings(String where, JsonNode w, String field) {
        JsonNode v = w.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v.isValueNode()) {
            out.add(v.asText().trim());
        } else if (v.isArray()) {
            for (JsonNode e : v) {
                if (!e.isValueNode() || e.isNull()) {
                    throw new IllegalArgumentException(where + ": field '" + field + "' must be a string or a list of strings");
                }
                out.add(e.asText().trim());
            }
        } else {
            throw new IllegalArgumentException(where + ": field '" + field + "' must be a string or a list of strings");
        }
        if (out.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException(where + ": field '" + field + "' has an empty value");
        }
        return List.copyOf(out);
    }
}
