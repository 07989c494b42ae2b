package org.rectifywatch.app.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rectifywatch.model.json.Json;

/**
 * One line of {@code docs/RELIABILITY.md}: a fault or bad input, what the pipeline did, and the counts that prove
 * it. The reliability tests write one JSON file per row; {@code pipeline reliability-report} assembles them.
 *
 * @param id      sort key and file name, e.g. {@code f1-processor-crash}
 * @param group   Faults, Bad input or Security
 * @param fault   the fault or input, as a user would name it
 * @param outcome what happened
 * @param counts  expected and actual figures
 * @param seconds wall time of the scenario
 * @param test    the test that produced the row (class#method)
 */
public record ReliabilityRow(String id, String group, String fault, String outcome, List<Count> counts, double seconds, String test) {

    /** One figure: {@code actual} is what the test measured, {@code expected} what the promise requires. */
    public record Count(String what, long expected, long actual) {
        public boolean ok() {
            return expected == actual;
        }
    }

    public boolean ok() {
        return counts.stream().allMatch(Count::ok);
    }

    /** Rows are written here (relative to the app module) by the tests. */
    public static final Path DEFAULT_DIR = Path.of("target", "reliability");

    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(id + ".json"), Json.write(this));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reliability row " + id + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    public static List<ReliabilityRow> readAll(Path dir) {
        List<ReliabilityRow> rows = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                rows.add(Json.read(Files.readString(f), ReliabilityRow.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reliability rows from " + dir + " (" + e.getMessage()
                    + "): run the reliability tests first (see docs/RELIABILITY.md)", e);
        }
        return rows;
    }

    /** Collects a row's counts as a scenario goes. */
    public static final class Builder {
        private final String id;
        private final String group;
        private final String fault;
        private final List<Count> counts = new ArrayList<>();
        private final long started = System.nanoTime();
        private String outcome = "";

        public Builder(String id, String group, String fault) {
            this.id = id;
            this.group = group;
            this.fault = fault;
        }

        public Builder count(String what, long expected, long actual) {
            counts.add(new Count(what, expected, actual));
            return this;
        }

        public Builder outcome(String text) {
            outcome = text;
            return this;
        }

        public ReliabilityRow build(String test) {
            return new ReliabilityRow(id, group, fault, outcome, List.copyOf(counts), Math.round((System.nanoTime() - started) / 1e8) / 10.0, test);
        }
    }
}
