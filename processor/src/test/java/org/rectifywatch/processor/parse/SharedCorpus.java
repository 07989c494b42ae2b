package org.rectifywatch.processor.parse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locates {@code ../shared/corpus} (system property {@code rectify.shared.dir}, else relative to the repo root). */
final class SharedCorpus {
    private SharedCorpus() {
    }

    static Path dir() {
        String prop = System.getProperty("rectify.shared.dir");
        Path shared = prop != null ? Path.of(prop) : null;
        if (shared == null || !Files.isDirectory(shared.resolve("corpus"))) {
            Path here = Path.of("").toAbsolutePath();
            for (Path p = here; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolveSibling("shared").resolve("corpus"))) {
                    shared = p.resolveSibling("shared");
                    break;
                }
            }
        }
        Assumptions.assumeTrue(shared != null && Files.isDirectory(shared.resolve("corpus/gold")),
                "shared corpus not available; skipping");
        return shared.resolve("corpus");
    }
}
