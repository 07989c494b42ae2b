package org.rectifywatch.ingest.testutil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates {@code ../shared/corpus/reports} (system property rectify.shared.dir, else ../shared from the repo root). */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    public static Optional<Path> reports() {
        String prop = System.getProperty("rectify.shared.dir");
        Path shared = prop != null ? Path.of(prop) : Path.of("..", "..", "shared");
        Path reports = shared.resolve("corpus").resolve("reports");
        if (!Files.isDirectory(reports)) {
            reports = Path.of("..", "..", "shared", "corpus", "reports");
        }
        return Files.isDirectory(reports) ? Optional.of(reports.toAbsolutePath().normalize()) : Optional.empty();
    }
}
