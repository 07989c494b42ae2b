package org.rectifywatch.processor.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates {@code ../shared/corpus/gold}: system property {@code rectify.shared.dir}, else {@code ../shared}. */
final class SharedCorpus {
    private SharedCorpus() {
    }

    static Optional<Path> goldDir() {
        String configured = System.getProperty("rectify.shared.dir");
        for (Path shared : new Path[] {configured == null ? null : Path.of(configured), Path.of("..", "shared"),
                Path.of("..", "..", "shared")}) {
            if (shared != null && Files.isDirectory(shared.resolve("corpus").resolve("gold"))) {
                return Optional.of(shared.resolve("corpus").resolve("gold"));
            }
        }
        return Optional.empty();
    }
}
