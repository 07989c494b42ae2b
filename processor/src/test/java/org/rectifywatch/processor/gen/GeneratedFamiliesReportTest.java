package org.rectifywatch.processor.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.rectifywatch.processor.eval.TextSimilarity;
import org.rectifywatch.processor.gen.GeneratedChecks.Outcome;
import org.rectifywatch.processor.gen.GeneratedReport.GoldCommitment;
import org.rectifywatch.processor.gen.GeneratedReport.GoldIssue;
import org.rectifywatch.processor.gen.ReportGenerator.Layout;

/**
 * Diagnostic: 200 generated reports per family, parsed and scored; prints one table per family and one per trait.
 * It never fails on parser quality; it does fail when the generator itself is unsound (labels not on their line,
 * lines out of range, short problems, non-deterministic output).
 */
class GeneratedFamiliesReportTest {
    private static final int PER_FAMILY = 200;
    private static final ReportGenerator GEN = new ReportGenerator();

    /** Sums over a set of reports. */
    static final class Row {
        int reports;
        int gold;
        int predicted;
        int matched;
        int perfect;
        int silent;
        int warned;
        int swallowed;
        int leakReports;
        int missingFigures;
        int goldFigures;
        int statusCorrect;
        int dated;
        int datedFound;

        void add(Outcome o) {
            reports++;
            gold += o.score().goldIssues();
            predicted += o.score().predictedIssues();
            matched += o.score().matchedIssues();
            perfect += o.score().f1() >= 0.95 ? 1 : 0;
            silent += o.silentLosses().size();
            warned += o.warnedLosses().size();
            swallowed += o.swallowed().size();
            leakReports += o.leakedFigures().isEmpty() ? 0 : 1;
            missingFigures += o.missingFigures().size();
            goldFigures += o.report().reportFigures().size();
            statusCorrect += o.score().statusCorrect();
            dated += o.datedCommitments();
            datedFound += o.datedCommitments() - o.commitmentMisses().size();
        }

        String format(String name) {
            double p = predicted == 0 ? 0 : (double) matched / predicted;
            double r = gold == 0 ? 0 : (double) matched / gold;
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            return String.format("%-24s %5d %6d %5.3f %6.2f %6d %6d %6d %6d %5d/%-5d %6.3f %6.3f", name, reports, gold,
                    f1, (double) perfect / reports, silent, warned, swallowed, leakReports, goldFigures - missingFigures,
                    goldFigures, matched == 0 ? 0 : (double) statusCorrect / matched,
                    dated == 0 ? 1.0 : (double) datedFound / dated);
        }
    }

    static final String HEADER = String.format("%-24s %5s %6s %5s %6s %6s %6s %6s %6s %11s %6s %6s", "family", "rep",
            "issues", "F1", "F1≥.95", "silent", "warned", "swallw", "leakRp", "figures", "status", "commit");

    @Test
    void familyTable() {
        Map<String, Row> byFamily = new TreeMap<>();
        Map<String, Row> byTrait = new TreeMap<>();
        Row all = new Row();
        List<String> unsound = new ArrayList<>();
        for (Layout layout : Layout.values()) {
            for (int i = 0; i < PER_FAMILY; i++) {
                long seed = layout.ordinal() * 100_000L + i;
                GeneratedReport g = GEN.generate(seed, layout);
                unsound.addAll(soundness(g));
                Outcome o = GeneratedChecks.check(g);
                byFamily.computeIfAbsent(g.family(), k -> new Row()).add(o);
                for (String t : g.traits()) {
                    if (t.startsWith("placement=") || t.startsWith("wording=") || t.startsWith("cells=")
                            || t.equals("numbering-gap") || t.equals("fullwidth-digits") || t.equals("mixed-punct")
                            || t.startsWith("para=") || t.equals("clue-section") || t.equals("clue-at-issue-level")
                            || t.equals("intro-items") || t.equals("plan-items") || t.startsWith("numbering=")) {
                        byTrait.computeIfAbsent(t, k -> new Row()).add(o);
                    }
                }
                all.add(o);
            }
        }
        StringBuilder b = new StringBuilder("\n=== generated reports per family (parser on today's code) ===\n");
        b.append(HEADER).append("\n");
        byFamily.forEach((k, v) -> b.append(v.format(k)).append("\n"));
        b.append(all.format("ALL")).append("\n");
        b.append("\n=== per trait (reports carrying it) ===\n").append(HEADER.replace("family", "trait ")).append("\n");
        byTrait.forEach((k, v) -> b.append(v.format(k.length() > 24 ? k.substring(0, 24) : k)).append("\n"));
        b.append("""
                columns: rep reports; issues gold issues; F1 micro segmentation F1; F1≥.95 share of reports meeting \
                the bar; silent gold issues lost without a line warning; warned lost but warned; swallw problem \
                statements inside another issue's rectification; leakRp reports with a figure taken from issue text; \
                figures report-level figures found/gold; status accuracy on matched issues; commit dated commitment \
                recall
                """);
        System.out.println(b);
        assertThat(unsound).as("generator soundness").isEmpty();
    }

    @Test
    void generationIsDeterministicPerSeed() {
        for (long seed = 0; seed < 300; seed++) {
            GeneratedReport a = GEN.generate(seed);
            GeneratedReport b = GEN.generate(seed);
            assertThat(a.text()).isEqualTo(b.text());
            assertThat(a.gold()).isEqualTo(b.gold());
            assertThat(a.issueOnlyFigureValues()).isEqualTo(b.issueOnlyFigureValues());
        }
        assertThat(GEN.generate(1).text()).isNotEqualTo(GEN.generate(2).text());
    }

    /** What must hold of any generated report, independent of the parser. */
    static List<String> soundness(GeneratedReport g) {
        List<String> out = new ArrayList<>();
        List<String> lines = g.lines();
        Function<String, String> where = s -> g.family() + " seed=" + g.seed() + ": " + s;
        int prev = 0;
        if (g.issues().isEmpty()) {
            out.add(where.apply("no issues"));
        }
        if (g.gold().path("issues").size() != g.issues().size()
                || g.gold().path("issue_count").asInt() != g.issues().size()) {
            out.add(where.apply("gold json and issue list disagree"));
        }
        for (GoldIssue i : g.issues()) {
            if (i.line() < 1 || i.line() > lines.size()) {
                out.add(where.apply("line " + i.line() + " outside 1.." + lines.size()));
                continue;
            }
            if (i.line() <= prev) {
                out.add(where.apply("issue lines not increasing at " + i.line()));
            }
            prev = i.line();
            String line = ReportGenerator.nfkc(lines.get(i.line() - 1));
            if (i.label() == null || !line.contains(ReportGenerator.nfkc(i.label()))) {
                out.add(where.apply("label " + i.label() + " not on line " + i.line() + ": " + line));
            }
            if (TextSimilarity.normalise(i.problem()).length() < 4) {
                out.add(where.apply("problem too short: " + i.problem()));
            }
            if (!TextSimilarity.normalise(line).contains(TextSimilarity.normalise(i.problem()))) {
                out.add(where.apply("problem not on its line " + i.line() + ": " + i.problem()));
            }
            if (i.seq() != g.issues().indexOf(i) + 1) {
                out.add(where.apply("seq out of order at line " + i.line()));
            }
            for (GoldCommitment c : i.commitments()) {
                String quoted = c.text().replaceFirst("^(整改时限|完成时限)：", "");
                if (!TextSimilarity.normalise(g.text()).contains(TextSimilarity.normalise(quoted))) {
                    out.add(where.apply("commitment text not in the report: " + c.text()));
                }
                if (c.due() != null && !c.due().matches("\\d{4}-\\d{2}-\\d{2}")) {
                    out.add(where.apply("bad due " + c.due()));
                }
            }
        }
        for (Double v : g.issueOnlyFigureValues()) {
            for (Number n : g.reportFigures().values()) {
                if (Math.abs(n.doubleValue() - v) < 0.5) {
                    out.add(where.apply("issue-only value equals a report figure: " + v));
                }
            }
        }
        return out;
    }
}
