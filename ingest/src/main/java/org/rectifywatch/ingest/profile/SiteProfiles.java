package org.rectifywatch.ingest.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rectifywatch.model.json.Json;

/**
 * Loads site profiles: the shipped {@code profiles.json} or a user's file ({@code --profiles FILE}).
 * Unknown keys are refused so a typo in a hand-edited file is reported instead of silently ignored.
 */
public final class SiteProfiles {
    public static final String SHIPPED = "/org/rectifywatch/ingest/profiles.json";

    private static final ObjectMapper STRICT = Json.MAPPER.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static {
        STRICT.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
    }

    /** The file's shape: {@code {"profiles": [ … ]}}. */
    public record ProfilesFile(String comment, List<SiteProfile> profiles) {
    }

    private SiteProfiles() {
    }

    public static List<SiteProfile> shipped() {
        try (InputStream in = SiteProfiles.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the shipped profiles " + SHIPPED + " are missing from the classpath");
            }
            return parse(in.readAllBytes(), "shipped " + SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<SiteProfile> load(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the profiles file " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<SiteProfile> parse(byte[] json, String origin) {
        ProfilesFile f;
        try {
            f = STRICT.readValue(json, ProfilesFile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("profiles file " + origin + " is not valid: "
                    + e.getMessage().lines().findFirst().orElse("") + " (see the shipped profiles.json for the format)", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("profiles file " + origin + ": " + e.getMessage(), e);
        }
        List<SiteProfile> list = f.profiles() == null ? List.of() : f.profiles();
        Set<String> names = new HashSet<>();
        for (SiteProfile p : list) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("profiles file " + origin + ": profile name " + p.name() + " appears twice");
            }
            if (p.startUrls().isEmpty()) {
                throw new IllegalArgumentException("profiles file " + origin + ": profile " + p.name() + " has no start_urls");
            }
            if (p.allowedHosts().isEmpty()) {
                throw new IllegalArgumentException("profiles file " + origin + ": profile " + p.name()
                        + " has no allowed_hosts; list the hosts its pages live on");
            }
        }
        return List.copyOf(list);
    }

    public static String toJson(List<SiteProfile> profiles) {
        return Json.writePretty(new ProfilesFile(null, profiles));
    }
}
