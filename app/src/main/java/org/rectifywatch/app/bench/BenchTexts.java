package org.rectifywatch.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.rectifywatch.samples.SampleReports;

/** The report texts the benchmarks run over: the shipped samples, plus the shared corpus when it is there. */
public final class BenchTexts {
    private BenchTexts() {
    }

    public record Text(String name, String text) {
    }

    public static List<Text> load(Path corpusReports) {
        List<Text> texts = new ArrayList<>();
        SampleReports.all().forEach(s -> texts.add(new Text(s.name(), s.text())));
        if (corpusReports != null && Files.isDirectory(corpusReports)) {
            try (Stream<Path> files = Files.list(corpusReports)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    texts.add(new Text(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the corpus in " + corpusReports + ": " + e.getMessage(), e);
            }
        }
        return texts;
    }

    /** Where the shared corpus is, if anywhere: RECTIFY_CORPUS_DIR, else ../shared/corpus/reports. */
    public static Path defaultCorpus() {
        String env = System.getenv("RECTIFY_CORPUS_DIR");
        Path p = env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared", "corpus", "reports");
        return Files.isDirectory(p) ? p : null;
    }
}
