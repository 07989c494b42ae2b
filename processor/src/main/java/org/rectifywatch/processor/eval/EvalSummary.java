package org.rectifywatch.processor.eval;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per-file scores and their micro-averaged totals, printable as a plain-text table. */
public record EvalSummary(List<FileScore> files) {

    public FileScore total() {
        int gi = 0, pi = 0, mi = 0, mc = 0, mt = 0, sc = 0, ts = 0, tst = 0, tl = 0, gc = 0, gcf = 0, pc = 0, pcm = 0,
                gf = 0, gff = 0, lw = 0, ls = 0;
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        for (FileScore f : files) {
            gi += f.goldIssues();
            pi += f.predictedIssues();
            mi += f.matchedIssues();
            mc += f.metaCorrect();
            mt += f.metaTotal();
            sc += f.statusCorrect();
            ts += f.topicScored();
            tst += f.topicStrict();
            tl += f.topicLenient();
            gc += f.goldCommitments();
            gcf += f.goldCommitmentsFound();
            pc += f.predictedCommitments();
            pcm += f.predictedCommitmentsMatched();
            gf += f.goldFigures();
            gff += f.goldFiguresFound();
            lw += f.lostWithWarning();
            ls += f.lostSilently();
            f.topicConfusion().forEach((g, row) -> row.forEach((p, n) ->
                    confusion.computeIfAbsent(g, k -> new TreeMap<>()).merge(p, n, Integer::sum)));
        }
        return new FileScore("TOTAL", gi, pi, mi, mc, mt, List.of(), sc, ts, tst, tl, confusion, gc, gcf, pc, pcm,
                List.of(), gf, gff, List.of(), List.of(), List.of(), lw, ls);
    }

    public void print(PrintStream out, boolean details) {
        out.printf("%-40s %5s %5s %5s %6s %6s %6s %6s %6s %6s %6s %6s %5s %5s%n", "file", "gold", "pred", "P", "R", "F1",
                "meta", "status", "topic", "topicL", "commR", "figR", "lostW", "lostS");
        for (FileScore f : files) {
            row(out, f);
            if (details) {
                f.metaMismatches().forEach(m -> out.println("    meta     " + m));
                f.unmatchedGold().forEach(m -> out.println("    missed   " + m));
                f.unmatchedPredicted().forEach(m -> out.println("    extra    " + m));
                f.commitmentMisses().forEach(m -> out.println("    commit   " + m));
                f.figureMismatches().forEach(m -> out.println("    figure   " + m));
            }
        }
        FileScore t = total();
        row(out, t);
        out.printf("issues lost: %d with a warning naming their line, %d silently%n", t.lostWithWarning(),
                t.lostSilently());
        out.printf("commitment precision %.3f (%d/%d)%n", t.commitmentPrecision(), t.predictedCommitmentsMatched(),
                t.predictedCommitments());
        if (!t.topicConfusion().isEmpty()) {
            out.println("topic confusion (gold -> predicted: count)");
            t.topicConfusion().forEach((g, row) -> out.println("  " + g + " -> " + row));
        }
    }

    private static void row(PrintStream out, FileScore f) {
        out.printf("%-40s %5d %5d %5.3f %6.3f %6.3f %6.3f %6.3f %6s %6s %6.3f %6.3f %5d %5d%n", f.file(), f.goldIssues(),
                f.predictedIssues(), f.precision(), f.recall(), f.f1(), f.metaAccuracy(), f.statusAccuracy(),
                f.topicScored() == 0 ? "-" : String.format("%.3f", (double) f.topicStrict() / f.topicScored()),
                f.topicScored() == 0 ? "-" : String.format("%.3f", (double) f.topicLenient() / f.topicScored()),
                f.commitmentRecall(), f.figureRecall(), f.lostWithWarning(), f.lostSilently());
    }
}
