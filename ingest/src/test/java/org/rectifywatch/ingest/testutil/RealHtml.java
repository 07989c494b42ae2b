package org.rectifywatch.ingest.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates {@code ../shared/real-html} (system property {@code rectify.shared.dir}, else a {@code shared} folder
 * next to the repository or one of its parents) and reads its {@code manifest.tsv}. Tests skip when it is absent.
 */
public final class RealHtml {
    private RealHtml() {
    }

    /** One row of manifest.tsv. */
    public record Entry(String file, String kind, String family, String url, String visibleTitle, String pubDate,
                        String dateSource) {
    }

    /** The folder, or an assumption failure (the test is skipped) when it is absent. */
    public static Path dir() {
        Path found = null;
        String prop = System.getProperty("rectify.shared.dir");
        if (prop != null && Files.isRegularFile(Path.of(prop, "real-html", "manifest.tsv"))) {
            found = Path.of(prop, "real-html");
        }
        for (Path p = Path.of("").toAbsolutePath(); found == null && p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("real-html");
            if (Files.isRegularFile(candidate.resolve("manifest.tsv"))) {
                found = candidate;
            }
        }
        Assumptions.assumeTrue(found != null, "../shared/real-html is absent; skipping the real-HTML suite");
        return found.toAbsolutePath().normalize();
    }

    public static List<Entry> manifest(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("manifest.tsv"));
            List<Entry> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                out.add(new Entry(f[0], f[1], f[2], f[3], f.length > 4 ? f[4] : "", f.length > 5 ? f[5] : "",
                        f.length > 6 ? f[6] : ""));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path dir, String file) {
        try {
            return Files.readAllBytes(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
