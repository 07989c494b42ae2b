package org.rectifywatch.processor.classify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.rectifywatch.model.json.Json;

/**
 * Measures topic accuracy on data the classifier was not trained on. Leave-one-report-out: for each gold
 * report, train on {@code training.tsv} minus that report's rows and classify its gold problems (with their
 * gold paths). k-fold: the same over the training file itself, for the synthetic rows.
 * <p>strict = predicted topic equals the gold topic; lenient = the predicted topic is the gold topic or the gold
 * topic2 (the same definitions as {@code pipeline eval}).
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** One classified gold problem. */
    public record Item(String file, String problem, List<String> path, String goldTopic, String goldTopic2,
                       Classification predicted) {
        public boolean strict() {
            return Objects.equals(goldTopic, predicted.topic());
        }

        public boolean lenient() {
            return strict() || (goldTopic2 != null && goldTopic2.equals(predicted.topic()));
        }
    }

    /** Accuracy per group (a report, or a fold) and overall. */
    public record Result(String method, List<Item> items) {
        public double strictAccuracy() {
            return items.isEmpty() ? 0 : items.stream().filter(Item::strict).count() / (double) items.size();
        }

        public double lenientAccuracy() {
            return items.isEmpty() ? 0 : items.stream().filter(Item::lenient).count() / (double) items.size();
        }

        /** gold topic → predicted topic → count. */
        public Map<String, Map<String, Integer>> confusion() {
            Map<String, Map<String, Integer>> table = new TreeMap<>();
            for (Item i : items) {
                table.computeIfAbsent(i.goldTopic(), k -> new TreeMap<>())
                        .merge(String.valueOf(i.predicted().topic()), 1, Integer::sum);
            }
            return table;
        }

        public String format() {
            StringBuilder out = new StringBuilder();
            out.append(method).append('\n');
            Map<String, List<Item>> byFile = new TreeMap<>();
            for (Item i : items) {
                byFile.computeIfAbsent(i.file(), k -> new ArrayList<>()).add(i);
            }
            out.append(String.format("%-28s %6s %8s %8s%n", "report", "issues", "strict", "lenient"));
            for (Map.Entry<String, List<Item>> e : byFile.entrySet()) {
                Result r = new Result(method, e.getValue());
                out.append(String.format("%-28s %6d %8.3f %8.3f%n", e.getKey(), e.getValue().size(),
                        r.strictAccuracy(), r.lenientAccuracy()));
            }
            out.append(String.format("%-28s %6d %8.3f %8.3f%n", "overall", items.size(), strictAccuracy(),
                    lenientAccuracy()));
            out.append("\nconfusion (gold topic: predicted=count)\n");
            for (Map.Entry<String, Map<String, Integer>> e : confusion().entrySet()) {
                out.append(String.format("  %-21s %s%n", e.getKey(), e.getValue()));
            }
            List<Item> wrong = items.stream().filter(i -> !i.strict()).toList();
            if (!wrong.isEmpty()) {
                out.append("\nmisclassified\n");
                for (Item i : wrong) {
                    out.append(String.format("  [%s] gold=%s/%s got=%s/%s %.2f %s  %s%n", i.file(), i.goldTopic(),
                            i.goldTopic2(), i.predicted().topic(), i.predicted().topic2(), i.predicted().confidence(),
                            i.predicted().terms(), i.problem()));
                }
            }
            return out.toString();
        }
    }

    /** A gold annotation file reduced to what topic evaluation needs. */
    public record GoldReport(String file, List<GoldIssue> issues) {
    }

    public record GoldIssue(String problem, List<String> path, String topic, String topic2) {
    }

    public static Result leaveOneReportOut(Path goldDir) {
        return leaveOneReportOut(goldDir, TrainingData.bundled(), IssueClassifier.Settings.DEFAULT);
    }

    public static Result leaveOneReportOut(Path goldDir, TrainingData data, IssueClassifier.Settings settings) {
        List<Item> items = new ArrayList<>();
        for (GoldReport report : readGold(goldDir)) {
            IssueClassifier classifier = IssueClassifier.train(data.without(e -> e.fromReport(report.file())),
                    settings);
            for (GoldIssue g : report.issues()) {
                items.add(new Item(report.file(), g.problem(), g.path(), g.topic(), g.topic2(),
                        classifier.classify(g.problem(), g.path(), null)));
            }
        }
        return new Result("leave-one-report-out over " + goldDir, items);
    }

    /** k-fold over the synthetic rows of the training file (row i goes to fold i mod k); gold rows always train. */
    public static Result kFold(TrainingData data, IssueClassifier.Settings settings, int k) {
        List<Item> items = new ArrayList<>();
        List<TrainingExample> all = data.examples();
        for (int fold = 0; fold < k; fold++) {
            List<TrainingExample> train = new ArrayList<>();
            List<TrainingExample> test = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                TrainingExample e = all.get(i);
                (e.source().equals("synthetic") && i % k == fold ? test : train).add(e);
            }
            IssueClassifier classifier = IssueClassifier.train(new TrainingData(train, data.sha256()), settings);
            for (TrainingExample e : test) {
                List<String> path = e.path().isEmpty() ? List.of() : List.of(e.path().split(" > "));
                items.add(new Item("fold-" + fold, e.problem(), path, e.topic().code(),
                        e.topic2() == null ? null : e.topic2().code(), classifier.classify(e.problem(), path, null)));
            }
        }
        return new Result(k + "-fold over the synthetic rows", items);
    }

    /** Accuracy of a trained classifier on labelled rows it was not trained on (e.g. a held-out file). */
    public static Result evaluate(IssueClassifier classifier, List<TrainingExample> rows, String name) {
        List<Item> items = new ArrayList<>();
        for (TrainingExample e : rows) {
            List<String> path = e.path().isEmpty() ? List.of() : List.of(e.path().split(" > "));
            items.add(new Item(name, e.problem(), path, e.topic().code(),
                    e.topic2() == null ? null : e.topic2().code(), classifier.classify(e.problem(), path, null)));
        }
        return new Result(name, items);
    }

    /** Reads every {@code *.json} gold file of a directory, in file-name order. */
    public static List<GoldReport> readGold(Path goldDir) {
        List<GoldReport> reports = new ArrayList<>();
        try (Stream<Path> files = Files.list(goldDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode root = Json.MAPPER.readTree(f.toFile());
                String file = root.path("file").asText(f.getFileName().toString());
                List<GoldIssue> issues = new ArrayList<>();
                for (JsonNode issue : root.path("issues")) {
                    List<String> path = new ArrayList<>();
                    issue.path("path").forEach(p -> path.add(p.asText()));
                    issues.add(new GoldIssue(issue.path("problem").asText(""), path, text(issue.get("topic")),
                            text(issue.get("topic2"))));
                }
                reports.add(new GoldReport(file, issues));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gold annotations in " + goldDir
                    + ": pass the directory that holds the corpus gold/*.json files", e);
        }
        return reports;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
