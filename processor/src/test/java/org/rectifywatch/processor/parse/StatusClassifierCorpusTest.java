package org.rectifywatch.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.report.Issue;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.processor.eval.EvalCorpus;
import org.rectifywatch.processor.eval.Evaluator;
import org.rectifywatch.processor.eval.FileScore;
import org.rectifywatch.samples.SampleReports;

/**
 * Status accuracy on every annotated report at hand — the shared corpus, the unseen-layout fixtures and the shipped
 * samples — printed with a confusion matrix and each miss (gold, predicted, the deciding clause), so that a change to
 * {@link StatusClassifier} is judged on real texts and not only on the generated family.
 */
class StatusClassifierCorpusTest {
    private static final ReportParser PARSER = new ReportParser();

    private record Tally(String name, int[] counts, Map<String, Map<String, Integer>> confusion, List<String> misses) {
        Tally(String name) {
            this(name, new int[2], new TreeMap<>(), new ArrayList<>());
        }

        void add(String file, JsonNode gold, Issue p) {
            String g = gold.path("status").asText();
            counts[1]++;
            confusion.computeIfAbsent(g, k -> new TreeMap<>()).merge(p.status(), 1, Integer::sum);
            if (g.equals(p.status())) {
                counts[0]++;
            } else {
                misses.add(file + ":" + p.line() + " gold=" + g + " pred=" + p.status() + " evidence=[" + p.statusEvidence()
                        + "]\n    " + String.valueOf(p.rectification()).replace('\n', '⏎'));
            }
        }

        void print() {
            System.out.printf("status accuracy %-8s %d/%d = %.3f%n", name, counts[0], counts[1],
                    counts[1] == 0 ? 1.0 : (double) counts[0] / counts[1]);
            confusion.forEach((g, row) -> System.out.println("    gold " + g + " -> " + row));
            misses.forEach(m -> System.out.println("  MISS " + m));
        }
    }

    /** Gold issues matched to predicted ones by their starting line. */
    private static void score(Tally t, String file, ParsedReport parsed, JsonNode gold) {
        for (JsonNode g : gold.path("issues")) {
            int line = g.path("line").asInt();
            parsed.issues().stream().filter(i -> i.line() == line).findFirst().ifPresent(p -> t.add(file, g, p));
        }
    }

    @Test
    void statusAccuracyOnTheSharedCorpus() {
        List<Evaluator.GoldReport> corpus = EvalCorpus.load(SharedCorpus.dir().resolve("gold"),
                SharedCorpus.dir().resolve("reports"));
        Tally t = new Tally("corpus");
        int correct = 0;
        int matched = 0;
        for (Evaluator.GoldReport g : corpus) {
            ParsedReport parsed = PARSER.parse(ReportInput.ofText(g.text()).withFile(g.file()));
            FileScore s = Evaluator.compare(parsed, g.gold());
            correct += s.statusCorrect();
            matched += s.matchedIssues();
            score(t, g.file(), parsed, g.gold());
        }
        t.print();
        System.out.printf("status accuracy corpus (evaluator) %d/%d%n", correct, matched);
        assertThat(correct).as("corpus status correct of %d", matched).isGreaterThanOrEqualTo(46);
    }

    @Test
    void statusAccuracyOnTheUnseenFixturesAndSamples() throws Exception {
        URL dir = StatusClassifierCorpusTest.class.getResource("/org/rectifywatch/processor/unseen/");
        Tally t = new Tally("unseen");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            for (Path p : files.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
                String name = p.getFileName().toString();
                JsonNode gold = Json.MAPPER.readTree(Files.readString(
                        p.resolveSibling(name.replace(".txt", ".json")), StandardCharsets.UTF_8));
                score(t, name, PARSER.parse(ReportInput.ofText(Files.readString(p)).withFile(name)), gold);
            }
        }
        t.print();
        Tally s = new Tally("samples");
        for (SampleReports.Sample sample : SampleReports.all()) {
            JsonNode gold = Json.MAPPER.readTree(sample.expectedJson());
            score(s, sample.name(), PARSER.parse(ReportInput.ofText(sample.text()).withFile(sample.file())), gold);
        }
        s.print();
    }
}
