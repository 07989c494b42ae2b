package org.rectifywatch.processor.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.rectifywatch.model.json.Json;

/** Loads gold annotations ({@code NAME.json}) and their report texts ({@code NAME.txt}) from two directories. */
public final class EvalCorpus {
    private EvalCorpus() {
    }

    /** Every gold file that has a report text of the same base name, sorted by name. */
    public static List<Evaluator.GoldReport> load(Path goldDir, Path reportsDir) {
        List<Evaluator.GoldReport> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(goldDir)) {
            for (Path g : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String base = g.getFileName().toString().replaceFirst("\\.json$", "");
                Path report = reportsDir.resolve(base + ".txt");
                if (!Files.isRegularFile(report)) {
                    continue;
                }
                JsonNode gold = Json.MAPPER.readTree(Files.readString(g, StandardCharsets.UTF_8));
                out.add(new Evaluator.GoldReport(base + ".txt", Files.readString(report, StandardCharsets.UTF_8), gold));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read gold annotations from " + goldDir + " / reports from "
                    + reportsDir + ": " + e.getMessage(), e);
        }
        return out;
    }
}
