package org.rectifywatch.ingest.sites;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rectifywatch.ingest.profile.Durations;

/**
 * Reads a site list file for {@code pipeline sites import}: one column per line, {@code URL[,PROFILE[,POLL]]} (commas or
 * tabs; a CSV file with those columns works as it is). Blank lines, {@code #} comments and a header line starting with
 * {@code url} are passed over. Every bad line is reported with its number; nothing is imported while one is bad.
 */
public final class SiteImport {
    private static final int SHOWN_ERRORS = 10;

    private SiteImport() {
    }

    /** The columns of the file, in file order. */
    public static List<SiteEntry.Column> read(Path file, Set<String> profileNames) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the site list " + file + ": " + e.getMessage(), e);
        }
        return parse(lines, file.toString(), profileNames);
    }

    static List<SiteEntry.Column> parse(List<String> lines, String origin, Set<String> profileNames) {
        List<SiteEntry.Column> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#") || i == 0 && line.toLowerCase().startsWith("url")) {
                continue;
            }
            try {
                out.add(column(line.split("[,\t]", -1), profileNames));
            } catch (IllegalArgumentException e) {
                errors.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("site list " + origin + " has " + errors.size() + " bad line(s), nothing was imported; "
                    + "each line is URL[,PROFILE[,POLL]]: " + String.join("; ", errors.subList(0, Math.min(SHOWN_ERRORS, errors.size())))
                    + (errors.size() > SHOWN_ERRORS ? "; …" : ""));
        }
        return out;
    }

    /** One column from its cells: a URL, optionally a profile name and a poll interval. */
    public static SiteEntry.Column column(String[] cells, Set<String> profileNames) {
        if (cells.length > 3) {
            throw new IllegalArgumentException("more than three cells (URL, profile, poll interval)");
        }
        String url = unquote(cells[0]);
        SiteEntry.hostOf(url);
        String profile = cells.length > 1 ? emptyToNull(unquote(cells[1])) : null;
        if (profile != null && !profileNames.contains(profile)) {
            throw new IllegalArgumentException("profile '" + profile + "' is not in the profiles file (known: "
                    + String.join(", ", profileNames.stream().sorted().toList()) + "); leave it empty for the generic rules");
        }
        String poll = cells.length > 2 ? emptyToNull(unquote(cells[2])) : null;
        if (poll != null) {
            try {
                Durations.parse(poll);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("poll interval '" + poll + "' is not a duration such as 30m, 6h or PT1H");
            }
        }
        return new SiteEntry.Column(url, profile, poll);
    }

    private static String unquote(String s) {
        String t = s.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1).strip() : t;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
