package org.rectifywatch.processor.gen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One report made by {@link ReportGenerator}: its text (one paragraph per line, like the corpus), its gold annotation
 * in the corpus schema, and what the properties need beyond the gold.
 *
 * @param family              the layout (structure combination) the report was built with
 * @param seed                the seed that reproduces it: {@code new ReportGenerator().generate(seed)}
 * @param traits              the other dimensions drawn for it (wording, placement, numbering, boilerplate …)
 * @param text                the report text
 * @param gold                the annotation (file, meta.target, figures, issue_count, issues, notes)
 * @param issues              the gold issues, same as {@code gold.issues}
 * @param reportFigures       the report-level figures, same as {@code gold.figures}
 * @param issueOnlyFigureValues values (counts, money in yuan) written with a figure keyword only inside issues'
 *                            rectification text and nowhere in report-level text: they must never be in figures
 */
public record GeneratedReport(String family, long seed, List<String> traits, String text, JsonNode gold,
                              List<GoldIssue> issues, Map<String, Number> reportFigures,
                              Set<Double> issueOnlyFigureValues) {

    /** A gold issue; {@code line} is 1-based. */
    public record GoldIssue(int seq, String label, List<String> path, String problem, int line, String status,
                            List<GoldCommitment> commitments) {
    }

    /** A dated promise; {@code due} is ISO or null for an unanchored window. */
    public record GoldCommitment(String text, String due) {
    }

    public List<String> lines() {
        return List.of(text.split("\n", -1));
    }

    public List<Integer> issueLines() {
        return issues.stream().map(GoldIssue::line).toList();
    }

    /** Lines {@code from-before .. from+after} (1-based), numbered, for failure messages. */
    public String excerpt(int line, int before, int after) {
        List<String> ls = lines();
        StringBuilder b = new StringBuilder();
        for (int i = Math.max(1, line - before); i <= Math.min(ls.size(), line + after); i++) {
            b.append(String.format("%4d| %s%n", i, ls.get(i - 1)));
        }
        return b.toString();
    }

    /** Short, for jqwik's sample reports: the failure message prints the rest. */
    @Override
    public String toString() {
        return "GeneratedReport[family=" + family + ", seed=" + seed + "L]";
    }

    /** A header for failure messages: family, seed, traits. */
    public String describe() {
        return "family=" + family + " seed=" + seed + "L traits=" + traits
                + "\n(reproduce: new ReportGenerator().generate(" + seed + "L))";
    }
}
