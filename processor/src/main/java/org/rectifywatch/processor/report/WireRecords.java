package org.rectifywatch.processor.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rectifywatch.model.report.Issue;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.report.ReportMeta;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.ReportRecord;
import org.rectifywatch.processor.classify.ChineseTokenizer;

/** Turns an analysed report into the records of {@code reports.parsed} and {@code issues.classified}. */
public final class WireRecords {
    private final ChineseTokenizer tokenizer;

    public WireRecords(ChineseTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    public ReportRecord report(String reportId, int version, RawReport raw, ParsedReport parsed, Instant now, String classifierVersion) {
        return report(reportId, version, raw, parsed, now, classifierVersion, raw.text() == null ? 0 : raw.text().length());
    }

    public ReportRecord report(String reportId, int version, RawReport raw, ParsedReport parsed, Instant now, String classifierVersion,
                               int textLength) {
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> topics = new TreeMap<>();
        int commitments = 0;
        for (Issue i : parsed.issues()) {
            statuses.merge(i.status() == null ? "unknown" : i.status(), 1, Integer::sum);
            if (i.topic() != null) {
                topics.merge(i.topic(), 1, Integer::sum);
            }
            commitments += i.commitments().size();
        }
        return new ReportRecord(reportId, version, raw.url(), raw.site(), raw.title(), raw.pageDate(), raw.sha256(),
                raw.fetchedAt(), now, parsed.meta(), parsed.figures(), parsed.issueCount(), statuses, topics, commitments,
                textLength, parsed.warnings(),
                raw.attachments() == null ? List.of() : raw.attachments(), parsed.parserVersion(), classifierVersion, List.of(), null);
    }

    /** The search tokens of every issue of the report, in order: cheap right after the analysis, which segmented the same texts. */
    public List<IssueTokens> tokens(ParsedReport parsed) {
        List<IssueTokens> out = new ArrayList<>(parsed.issues().size());
        for (Issue i : parsed.issues()) {
            out.add(tokens(i));
        }
        return out;
    }

    public IssueTokens tokens(Issue i) {
        return new IssueTokens(tokenizer.searchTokens(i.problem()), tokenizer.searchTokens(i.rectification()));
    }

    public IssueRecord issue(String issueId, String reportId, int version, RawReport raw, ParsedReport parsed, Issue i, Instant now) {
        return issue(issueId, reportId, version, raw, parsed, i, tokens(i), now);
    }

    public IssueRecord issue(String issueId, String reportId, int version, RawReport raw, ParsedReport parsed, Issue i,
                             IssueTokens tokens, Instant now) {
        ReportMeta m = parsed.meta();
        return new IssueRecord(issueId, reportId, version, i.seq(), i.label(), i.path(), i.problem(), i.rectification(), i.line(),
                i.topic(), i.topic2(), i.pillar(), i.topicConfidence() == null ? 0 : i.topicConfidence(),
                i.topicTerms(), i.keywords(), tokens.problem(), tokens.rectification(),
                i.status(), i.statusEvidence(), i.commitments(), i.classifierVersion(),
                m.target(), m.provinceHint(), m.inspector(), m.inspectionKind(), m.reportKind(), m.inspectionStart(),
                m.inspectionEnd(), m.feedbackDate(), m.publishedDate() != null ? m.publishedDate() : raw.pageDate(),
                raw.url(), raw.title() != null ? raw.title() : m.title(), raw.site(), now);
    }
}
