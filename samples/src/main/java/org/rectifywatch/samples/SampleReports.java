package org.rectifywatch.samples;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.rectifywatch.model.json.Json;

/**
 * The sample reports written for the product (genre-varied structures, invented units) with their expected
 * parser output, loaded from the classpath catalog {@code org/rectifywatch/samples/catalog.json}.
 */
public final class SampleReports {
    private static final String BASE = "/org/rectifywatch/samples/";

    /** The column of the sample site that serves a sample unless its catalog entry names another. */
    public static final String MAIN_COLUMN = "xsxc";

    /**
     * One sample: {@code name} is the file name without {@code .txt}; {@code expectedJson} the annotation;
     * {@code column} the sample site's column that publishes it ({@link #MAIN_COLUMN}, or {@code tzgg}: the
     * 通知公告 column no profile describes); {@code servedAs} how the sample site publishes it: {@code html} (an
     * article), {@code pdf} or {@code docx} (a file under a one-line article, as many sites publish their reports).
     */
    public record Sample(String name, String file, String title, String pageDate, String text, String expectedJson,
                         String column, String servedAs) {
        public static final String HTML = "html";

        /** True when the sample site publishes it as a file behind a one-line article. */
        public boolean servedAsFile() {
            return !HTML.equals(servedAs);
        }
    }

    private static volatile List<Sample> cache;

    private SampleReports() {
    }

    public static List<Sample> all() {
        List<Sample> samples = cache;
        if (samples == null) {
            samples = load();
            cache = samples;
        }
        return samples;
    }

    public static Sample byName(String name) {
        String key = name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
        return all().stream()
                .filter(s -> s.name().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No sample report named '" + name
                        + "'; known: " + all().stream().map(Sample::name).toList()));
    }

    private static List<Sample> load() {
        JsonNode catalog;
        try {
            catalog = Json.MAPPER.readTree(resource(BASE + "catalog.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample catalog " + BASE + "catalog.json", e);
        }
        List<Sample> samples = new ArrayList<>();
        for (JsonNode entry : catalog) {
            String file = entry.path("file").asText();
            String name = file.endsWith(".txt") ? file.substring(0, file.length() - 4) : file;
            samples.add(new Sample(name, file, entry.path("title").asText(null), entry.path("page_date").asText(null),
                    resource(BASE + "reports/" + file), resource(BASE + "expected/" + name + ".json"),
                    entry.path("column").asText(MAIN_COLUMN), entry.path("served_as").asText(Sample.HTML)));
        }
        return List.copyOf(samples);
    }

    private static String resource(String path) {
        try (InputStream in = SampleReports.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Sample resource missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sample resource " + path, e);
        }
    }
}
