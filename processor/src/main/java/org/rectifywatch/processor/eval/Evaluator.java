package org.rectifywatch.processor.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.report.Commitment;
import org.rectifywatch.model.report.Issue;
import org.rectifywatch.model.report.ParseWarning;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.processor.parse.ReportInput;

/**
 * Compares parser output with gold annotations (the schema of the corpus README). Pure: the caller loads files.
 * Issues are matched to gold one-to-one by problem-text similarity; commitments by due date and text overlap.
 */
public final class Evaluator {
    /** Minimum problem-text similarity for a predicted issue to count as the gold issue. */
    public static final double MATCH_THRESHOLD = 0.5;

    private Evaluator() {
    }

    /** One report to evaluate: its text and its gold annotation. */
    public record GoldReport(String file, String text, JsonNode gold) {
    }

    /** Parses every gold report with {@code parser} and scores it. */
    public static EvalSummary evaluate(List<GoldReport> corpus, Function<ReportInput, ParsedReport> parser) {
        List<FileScore> scores = new ArrayList<>();
        for (GoldReport g : corpus) {
            ParsedReport p = parser.apply(new ReportInput(g.text(), null, null, null, g.file()));
            scores.add(compare(p, g.gold()));
        }
        return new EvalSummary(scores);
    }

    public static FileScore compare(ParsedReport predicted, JsonNode gold) {
        String file = gold.path("file").asText(predicted.file());
        // meta
        JsonNode predMeta = Json.MAPPER.valueToTree(predicted.meta());
        int metaCorrect = 0;
        int metaTotal = 0;
        List<String> metaMismatches = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = gold.path("meta").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("contact")) {
                for (String k : List.of("phone", "email", "mail")) {
                    metaTotal++;
                    String g = text(e.getValue().path(k));
                    String p = text(predMeta.path("contact").path(k));
                    if (Objects.equals(g, p)) {
                        metaCorrect++;
                    } else {
                        metaMismatches.add("contact." + k + ": gold=" + g + " predicted=" + p);
                    }
                }
                continue;
            }
            metaTotal++;
            String g = text(e.getValue());
            String p = text(predMeta.path(e.getKey()));
            if (Objects.equals(g, p)) {
                metaCorrect++;
            } else {
                metaMismatches.add(e.getKey() + ": gold=" + g + " predicted=" + p);
            }
        }
        // issues
        List<JsonNode> goldIssues = new ArrayList<>();
        gold.path("issues").forEach(goldIssues::add);
        List<Issue> predIssues = predicted.issues();
        int[] match = matchIssues(goldIssues, predIssues);
        int matched = 0;
        int statusCorrect = 0;
        int topicScored = 0;
        int topicStrict = 0;
        int topicLenient = 0;
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        List<String> unmatchedGold = new ArrayList<>();
        int lostWithWarning = 0;
        boolean[] predUsed = new boolean[predIssues.size()];
        for (int gi = 0; gi < goldIssues.size(); gi++) {
            JsonNode g = goldIssues.get(gi);
            if (match[gi] < 0) {
                boolean warned = warnedAbout(predicted, goldIssues, gi);
                lostWithWarning += warned ? 1 : 0;
                unmatchedGold.add(g.path("line").asInt() + ": " + g.path("problem").asText()
                        + (warned ? "  (warned)" : "  (SILENT)"));
                continue;
            }
            matched++;
            Issue p = predIssues.get(match[gi]);
            predUsed[match[gi]] = true;
            if (Objects.equals(text(g.path("status")), p.status())) {
                statusCorrect++;
            }
            String gt = text(g.path("topic"));
            if (gt != null) {
                topicScored++;
                String gt2 = text(g.path("topic2"));
                if (gt.equals(p.topic())) {
                    topicStrict++;
                }
                if (gt.equals(p.topic()) || (gt2 != null && gt2.equals(p.topic()))) {
                    topicLenient++;
                }
                confusion.computeIfAbsent(gt, k -> new TreeMap<>())
                        .merge(p.topic() == null ? "-" : p.topic(), 1, Integer::sum);
            }
        }
        List<String> unmatchedPredicted = new ArrayList<>();
        for (int pi = 0; pi < predIssues.size(); pi++) {
            if (!predUsed[pi]) {
                unmatchedPredicted.add(predIssues.get(pi).line() + ": " + predIssues.get(pi).problem());
            }
        }
        // commitments (per file, one-to-one)
        List<Commitment> goldCommitments = new ArrayList<>();
        for (JsonNode g : goldIssues) {
            for (JsonNode c : g.path("commitments")) {
                goldCommitments.add(new Commitment(text(c.path("text")), text(c.path("due"))));
            }
        }
        List<Commitment> predCommitments = new ArrayList<>();
        predIssues.forEach(i -> predCommitments.addAll(i.commitments()));
        boolean[] cUsed = new boolean[predCommitments.size()];
        int found = 0;
        List<String> commitmentMisses = new ArrayList<>();
        for (Commitment g : goldCommitments) {
            int best = -1;
            double bestSim = 0;
            for (int i = 0; i < predCommitments.size(); i++) {
                Commitment p = predCommitments.get(i);
                if (cUsed[i] || !Objects.equals(g.due(), p.due())) {
                    continue;
                }
                double s = TextSimilarity.similarity(g.text(), p.text());
                if (s > bestSim) {
                    bestSim = s;
                    best = i;
                }
            }
            if (best >= 0 && bestSim >= MATCH_THRESHOLD) {
                cUsed[best] = true;
                found++;
            } else {
                commitmentMisses.add(g.due() + " " + g.text());
            }
        }
        // figures
        int goldFigures = 0;
        int figuresFound = 0;
        List<String> figureMismatches = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = gold.path("figures").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            goldFigures++;
            Number p = predicted.figures().get(e.getKey());
            if (p != null && Math.abs(p.doubleValue() - e.getValue().asDouble()) < 0.5) {
                figuresFound++;
            } else {
                figureMismatches.add(e.getKey() + ": gold=" + e.getValue().asText() + " predicted=" + p);
            }
        }
        return new FileScore(file, goldIssues.size(), predIssues.size(), matched, metaCorrect, metaTotal,
                List.copyOf(metaMismatches), statusCorrect, topicScored, topicStrict, topicLenient, confusion,
                goldCommitments.size(), found, predCommitments.size(), found, List.copyOf(commitmentMisses),
                goldFigures, figuresFound, List.copyOf(figureMismatches), List.copyOf(unmatchedGold),
                List.copyOf(unmatchedPredicted), lostWithWarning, unmatchedGold.size() - lostWithWarning);
    }

    /**
     * True when the parser named the place of gold issue {@code gi} in a line-level warning: a line from the issue's
     * first line up to (not including) the next gold issue's.
     */
    static boolean warnedAbout(ParsedReport predicted, List<JsonNode> goldIssues, int gi) {
        int from = goldIssues.get(gi).path("line").asInt();
        int to = Integer.MAX_VALUE;
        for (JsonNode other : goldIssues) {
            int l = other.path("line").asInt();
            if (l > from && l < to) {
                to = l;
            }
        }
        for (ParseWarning w : predicted.warnings()) {
            if (w.line() != null && w.line() >= from && w.line() < to) {
                return true;
            }
        }
        return false;
    }

    /** For each gold issue the index of its predicted issue, or -1; greedy on descending similarity. */
    static int[] matchIssues(List<JsonNode> gold, List<Issue> predicted) {
        return matchProblems(gold.stream().map(g -> g.path("problem").asText()).toList(), predicted);
    }

    /** The same for gold problem statements given as text. */
    public static int[] matchProblems(List<String> gold, List<Issue> predicted) {
        int[] match = new int[gold.size()];
        java.util.Arrays.fill(match, -1);
        List<double[]> pairs = new ArrayList<>();
        for (int g = 0; g < gold.size(); g++) {
            String gp = gold.get(g);
            for (int p = 0; p < predicted.size(); p++) {
                double s = TextSimilarity.similarity(gp, predicted.get(p).problem());
                if (s >= MATCH_THRESHOLD) {
                    pairs.add(new double[] {s, g, p});
                }
            }
        }
        pairs.sort((a, b) -> Double.compare(b[0], a[0]));
        boolean[] used = new boolean[predicted.size()];
        for (double[] pair : pairs) {
            int g = (int) pair[1];
            int p = (int) pair[2];
            if (match[g] < 0 && !used[p]) {
                match[g] = p;
                used[p] = true;
            }
        }
        return match;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
    }
}
