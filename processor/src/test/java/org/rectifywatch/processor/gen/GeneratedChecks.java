package org.rectifywatch.processor.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rectifywatch.model.report.Commitment;
import org.rectifywatch.model.report.Issue;
import org.rectifywatch.model.report.ParseWarning;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.processor.eval.Evaluator;
import org.rectifywatch.processor.eval.FileScore;
import org.rectifywatch.processor.eval.TextSimilarity;
import org.rectifywatch.processor.gen.GeneratedReport.GoldCommitment;
import org.rectifywatch.processor.gen.GeneratedReport.GoldIssue;
import org.rectifywatch.processor.parse.ReportInput;
import org.rectifywatch.processor.parse.ReportParser;

/** Parses a generated report and checks it against its gold: the measurements the properties and the table use. */
final class GeneratedChecks {
    static final ReportParser PARSER = new ReportParser();

    private GeneratedChecks() {
    }

    /** Everything measured on one generated report. */
    record Outcome(GeneratedReport report, ParsedReport parsed, FileScore score, int[] match,
                   List<String> silentLosses, List<String> warnedLosses, List<String> swallowed,
                   List<String> leakedFigures, List<String> missingFigures, int datedCommitments,
                   List<String> commitmentMisses) {

        /** A failure message: the report, the offending detail, the text around the lines involved. */
        String explain(String what, List<String> details, List<Integer> lines) {
            StringBuilder b = new StringBuilder();
            b.append(what).append("\n").append(report.describe()).append("\n");
            details.forEach(d -> b.append("  - ").append(d).append("\n"));
            for (Integer l : lines) {
                b.append("text around line ").append(l).append(":\n").append(report.excerpt(l, 2, 3));
            }
            b.append("predicted issues:\n");
            for (Issue i : parsed.issues()) {
                b.append(String.format("  %3d %-5s %s | status=%s%n", i.line(), i.label(), i.problem(), i.status()));
            }
            b.append("line warnings: ").append(parsed.warnings().stream().filter(w -> w.line() != null)
                    .map(w -> w.code() + "@" + w.line()).toList()).append("\n");
            b.append("figures: ").append(parsed.figures()).append(" gold ").append(report.reportFigures()).append("\n");
            return b.toString();
        }
    }

    static Outcome check(GeneratedReport g) {
        String file = g.gold().path("file").asText();
        ParsedReport p = PARSER.parse(ReportInput.ofText(g.text()).withFile(file));
        FileScore score = Evaluator.compare(p, g.gold());
        List<GoldIssue> gold = g.issues();
        List<Issue> pred = p.issues();
        int[] match = match(gold, pred);

        List<String> silent = new ArrayList<>();
        List<String> warned = new ArrayList<>();
        for (int gi = 0; gi < gold.size(); gi++) {
            if (match[gi] >= 0) {
                continue;
            }
            GoldIssue gl = gold.get(gi);
            boolean warnedAbout = p.warnings().stream().anyMatch(w -> isLineWarning(w) && w.line() == gl.line());
            (warnedAbout ? warned : silent).add("line " + gl.line() + " [" + gl.label() + "] " + gl.problem());
        }

        List<String> swallowed = new ArrayList<>();
        for (int pi = 0; pi < pred.size(); pi++) {
            String rect = TextSimilarity.normalise(pred.get(pi).rectification());
            for (int gi = 0; gi < gold.size(); gi++) {
                if (match[gi] == pi) {
                    continue;
                }
                String prob = TextSimilarity.normalise(gold.get(gi).problem());
                if (prob.length() >= 4 && rect.contains(prob)) {
                    swallowed.add("predicted issue at line " + pred.get(pi).line() + " (" + pred.get(pi).problem()
                            + ") holds gold issue of line " + gold.get(gi).line() + " (" + gold.get(gi).problem() + ")");
                }
            }
        }

        List<String> leaked = new ArrayList<>();
        for (Map.Entry<String, Number> e : p.figures().entrySet()) {
            double v = e.getValue().doubleValue();
            Number goldV = g.reportFigures().get(e.getKey());
            if (goldV != null && Math.abs(goldV.doubleValue() - v) < 0.5) {
                continue;
            }
            if (g.issueOnlyFigureValues().stream().anyMatch(x -> Math.abs(x - v) < 0.5)) {
                leaked.add(e.getKey() + "=" + e.getValue() + " comes from an issue's rectification text");
            }
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Number> e : g.reportFigures().entrySet()) {
            Number v = p.figures().get(e.getKey());
            if (v == null || Math.abs(v.doubleValue() - e.getValue().doubleValue()) >= 0.5) {
                missing.add(e.getKey() + ": gold=" + e.getValue() + " parsed=" + v);
            }
        }

        List<Commitment> predC = new ArrayList<>();
        pred.forEach(i -> predC.addAll(i.commitments()));
        boolean[] used = new boolean[predC.size()];
        int dated = 0;
        List<String> cMiss = new ArrayList<>();
        for (GoldIssue gi : gold) {
            for (GoldCommitment c : gi.commitments()) {
                if (c.due() == null) {
                    continue;
                }
                dated++;
                int best = -1;
                double bestSim = 0;
                for (int i = 0; i < predC.size(); i++) {
                    if (used[i] || !Objects.equals(c.due(), predC.get(i).due())) {
                        continue;
                    }
                    double s = TextSimilarity.similarity(c.text(), predC.get(i).text());
                    if (s > bestSim) {
                        bestSim = s;
                        best = i;
                    }
                }
                if (best >= 0 && bestSim >= Evaluator.MATCH_THRESHOLD) {
                    used[best] = true;
                } else {
                    cMiss.add("line " + gi.line() + ": due " + c.due() + " «" + c.text() + "»; parsed for that issue: "
                            + commitmentsNear(pred, match, gold.indexOf(gi)));
                }
            }
        }
        return new Outcome(g, p, score, match, silent, warned, swallowed, leaked, missing, dated, cMiss);
    }

    private static String commitmentsNear(List<Issue> pred, int[] match, int gi) {
        return match[gi] < 0 ? "(issue not matched)" : pred.get(match[gi]).commitments().toString();
    }

    static boolean isLineWarning(ParseWarning w) {
        return w.line() != null && w.code().isAboutALine();
    }

    /** Gold-to-predicted matching: the Evaluator's own. */
    static int[] match(List<GoldIssue> gold, List<Issue> pred) {
        return Evaluator.matchProblems(gold.stream().map(GoldIssue::problem).toList(), pred);
    }
}
