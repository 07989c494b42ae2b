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
 * The sample inspection <em>feedback announcements</em> (省委第X巡视组向X反馈巡视情况, written for the product, invented
 * units), loaded from the classpath catalog {@code org/rectifywatch/samples/notices.json}. They are not reports:
 * {@link SampleReports} holds the reports. Each tells which unit got feedback on which day, and which sample report
 * (if any) is that unit's rectification report; a unit without one owes its report.
 */
public final class SampleNotices {
    private static final String BASE = "/org/rectifywatch/samples/";

    /**
     * One feedback given.
     *
     * @param team   the inspection team, as the announcement names it
     * @param unit   the unit that received the feedback, as the announcement names it
     * @param date   the feedback date (ISO)
     * @param report the name of the sample report of that feedback, or null when the site has none
     */
    public record Feedback(String team, String unit, String date, String report) {
    }

    /** One announcement: {@code name} is the file name without {@code .txt}. */
    public record Notice(String name, String file, String title, String pageDate, String text, List<Feedback> feedback) {
    }

    private static volatile List<Notice> cache;

    private SampleNotices() {
    }

    public static List<Notice> all() {
        List<Notice> notices = cache;
        if (notices == null) {
            notices = load();
            cache = notices;
        }
        return notices;
    }

    public static Notice byName(String name) {
        String key = name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
        return all().stream()
                .filter(n -> n.name().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No sample notice named '" + name
                        + "'; known: " + all().stream().map(Notice::name).toList()));
    }

    private static List<Notice> load() {
        JsonNode catalog;
        try {
            catalog = Json.MAPPER.readTree(resource(BASE + "notices.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the notice catalog " + BASE + "notices.json", e);
        }
        List<Notice> notices = new ArrayList<>();
        for (JsonNode entry : catalog) {
            String file = entry.path("file").asText();
            String name = file.endsWith(".txt") ? file.substring(0, file.length() - 4) : file;
            List<Feedback> feedback = new ArrayList<>();
            for (JsonNode f : entry.path("feedback")) {
                feedback.add(new Feedback(f.path("team").asText(null), f.path("unit").asText(null), f.path("date").asText(null),
                        f.path("report").isNull() ? null : f.path("report").asText(null)));
            }
            notices.add(new Notice(name, file, entry.path("title").asText(null), entry.path("page_date").asText(null),
                    resource(BASE + "notices/" + file), List.copyOf(feedback)));
        }
        return List.copyOf(notices);
    }

    private static String resource(String path) {
        try (InputStream in = SampleNotices.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Sample resource missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sample resource " + path, e);
        }
    }
}
