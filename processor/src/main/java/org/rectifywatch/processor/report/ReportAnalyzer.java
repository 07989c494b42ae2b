package org.rectifywatch.processor.report;

import java.util.List;
import org.rectifywatch.model.report.Issue;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.processor.classify.IssueClassifier;
import org.rectifywatch.processor.parse.ReportInput;
import org.rectifywatch.processor.parse.ReportParser;

/**
 * Parse, then classify every issue: the pure heart of the processor, shared by the topology and the CLI. Open for
 * extension so that tests can stand in for a new parser version.
 */
public class ReportAnalyzer {
    private final ReportParser parser;
    private final IssueClassifier classifier;

    public ReportAnalyzer(ReportParser parser, IssueClassifier classifier) {
        this.parser = parser;
        this.classifier = classifier;
    }

    public static ReportAnalyzer standard() {
        return new ReportAnalyzer(new ReportParser(), IssueClassifier.shared());
    }

    /** What produced an analysis: a stored report is analysed again when this changes (a parser or model upgrade). */
    public String version() {
        return ReportParser.VERSION + "/" + IssueClassifier.VERSION;
    }

    public ParsedReport analyze(ReportInput input) {
        classifier.tokenizer().startReport();
        ParsedReport parsed = parser.parse(input);
        List<Issue> classified = parsed.issues().stream().map(classifier::classify).toList();
        return parsed.withIssues(classified);
    }

    public ParsedReport analyze(RawReport raw) {
        return analyze(new ReportInput(raw.text() == null ? "" : raw.text(), raw.title(), raw.url(), raw.pageDate(), null));
    }
}
