package org.rectifywatch.model.report;

import java.util.List;
import java.util.Map;

/**
 * The parser's output for one report: the annotation schema of {@code corpus/README.md}
 * (file, meta, figures, issue_count, issues) plus typed warnings and the parser version.
 * Figures hold counts as {@link Long} and money (yuan) as {@link Double}.
 */
public record ParsedReport(
        String file,
        ReportMeta meta,
        Map<String, Number> figures,
        int issueCount,
        List<Issue> issues,
        List<ParseWarning> warnings,
        String parserVersion) {

    public boolean hasWarning(WarningCode code) {
        return warnings.stream().anyMatch(w -> w.code() == code);
    }

    public ParsedReport withIssues(List<Issue> newIssues) {
        return new ParsedReport(file, meta, figures, newIssues.size(), List.copyOf(newIssues), warnings, parserVersion);
    }

    public ParsedReport withFile(String newFile) {
        return new ParsedReport(newFile, meta, figures, issueCount, issues, warnings, parserVersion);
    }
}
