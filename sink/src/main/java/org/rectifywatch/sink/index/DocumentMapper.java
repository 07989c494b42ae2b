package org.rectifywatch.sink.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rectifywatch.model.report.Commitment;
import org.rectifywatch.model.report.Contact;
import org.rectifywatch.model.report.ParseWarning;
import org.rectifywatch.model.report.ReportMeta;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.ReportRecord;

/**
 * Wire records to search documents, field for field with the templates in {@code index/*.json}. Pure: the
 * indexing time is passed in. Values are copied as they are; a value Elasticsearch refuses (a malformed
 * date, say) is a per-document rejection that goes to the dead-letter topic, not silently dropped here.
 */
public final class DocumentMapper {
    /** The report-wide figures that have numeric fields; any other figure is kept as "name=value" keywords. */
    public static final Set<String> KNOWN_FIGURES = Set.of("disciplined_persons", "org_handled_persons",
            "admonished_persons", "reminded_persons", "held_accountable_persons", "cases_filed", "rules_established",
            "funds_returned_yuan", "funds_confiscated_yuan", "funds_recovered_yuan", "losses_recovered_yuan",
            "problems_total", "problems_rectified");
    public static final List<String> STATUSES = List.of("completed", "in_progress", "long_term", "unknown");

    private DocumentMapper() {
    }

    public static Map<String, Object> report(ReportRecord r, Instant indexedAt) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("@timestamp", indexedAt.toString());
        d.put("report_id", r.reportId());
        d.put("version", r.version());
        d.put("url", r.url());
        d.put("site", r.site());
        d.put("title", r.title());
        d.put("page_date", r.pageDate());
        d.put("sha256", r.sha256());
        d.put("fetched_at", instant(r.fetchedAt()));
        d.put("processed_at", instant(r.processedAt()));
        ReportMeta m = r.meta();
        if (m == null) {
            d.put("published_date", r.pageDate());
        } else {
            d.put("target", m.target());
            d.put("signed_by", m.signedBy());
            d.put("province", m.provinceHint());
            d.put("inspector", m.inspector());
            d.put("inspecting_body", m.inspectingBody());
            d.put("inspection_kind", m.inspectionKind());
            d.put("inspection_start", m.inspectionStart());
            d.put("inspection_end", m.inspectionEnd());
            d.put("feedback_date", m.feedbackDate());
            // the page's own date where the report names none, as the issues have it: the dashboards' time axis
            d.put("published_date", m.publishedDate() != null ? m.publishedDate() : r.pageDate());
            d.put("report_kind", m.reportKind());
            Contact c = m.contact() == null ? Contact.NONE : m.contact();
            d.put("contact_phone", c.phone());
            d.put("contact_email", c.email());
            d.put("contact_mail", c.mail());
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> otherFigures = new ArrayList<>();
        if (r.figures() != null) {
            r.figures().forEach((k, v) -> {
                if (KNOWN_FIGURES.contains(k)) {
                    figures.put(k, v);
                } else {
                    otherFigures.add(k + "=" + v);
                }
            });
        }
        d.put("figures", figures);
        d.put("figures_other", otherFigures);
        d.put("issue_count", r.issueCount());
        Map<String, Object> statusCounts = new LinkedHashMap<>();
        for (String s : STATUSES) {
            statusCounts.put(s, r.statusCounts() == null ? 0 : r.statusCounts().getOrDefault(s, 0));
        }
        d.put("status_counts", statusCounts);
        List<String> topics = new ArrayList<>();
        if (r.topicCounts() != null) {
            r.topicCounts().forEach((t, n) -> {
                if (n != null && n > 0) {
                    topics.add(t);
                }
            });
        }
        d.put("topics", topics);
        d.put("topic_counts", r.topicCounts() == null ? Map.of() : r.topicCounts());
        d.put("commitment_count", r.commitmentCount());
        d.put("text_length", r.textLength());
        List<ParseWarning> warnings = r.warnings() == null ? List.of() : r.warnings();
        d.put("warning_codes", warnings.stream().map(w -> String.valueOf(w.code())).distinct().toList());
        d.put("warnings", warnings);
        d.put("attachment_count", r.attachments() == null ? 0 : r.attachments().size());
        d.put("attachments", r.attachments() == null ? List.of() : r.attachments());
        d.put("parser_version", r.parserVersion());
        d.put("classifier_version", r.classifierVersion());
        d.put("mirror_count", r.mirrors().size());
        d.put("mirrors", r.mirrors().stream().map(mirror -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("url", mirror.url());
            x.put("site", mirror.site());
            x.put("first_seen", instant(mirror.firstSeen()));
            return x;
        }).toList());
        d.put("retracted", r.retractedAt() != null);
        d.put("retracted_at", instant(r.retractedAt()));
        return d;
    }

    /**
     * The issue document as an object, for clients that hold issues in memory; the sink itself indexes the
     * record bytes ({@link IssueDocuments}), and a test holds the two to the same document.
     */
    public static Map<String, Object> issue(IssueRecord r, Instant indexedAt) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("@timestamp", indexedAt.toString());
        d.put("issue_id", r.issueId());
        d.put("report_id", r.reportId());
        d.put("report_version", r.reportVersion());
        d.put("seq", r.seq());
        d.put("label", r.label());
        d.put("path", r.path());
        d.put("problem", r.problem());
        d.put("problem_tokens", r.problemTokens());
        d.put("rectification", r.rectification());
        d.put("rectification_tokens", r.rectificationTokens());
        d.put("line", r.line());
        d.put("topic", r.topic());
        d.put("topic2", r.topic2());
        d.put("pillar", r.pillar());
        d.put("topic_confidence", r.topicConfidence());
        d.put("topic_terms", r.topicTerms());
        d.put("keywords", r.keywords());
        d.put("status", r.status());
        d.put("status_evidence", r.statusEvidence());
        List<Map<String, Object>> commitments = null;
        if (r.commitments() != null) {
            commitments = new ArrayList<>();
            for (Commitment c : r.commitments()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("text", c.text());
                cm.put("due", c.due());
                commitments.add(cm);
            }
        }
        d.put("commitments", commitments);
        d.put("commitment_count", r.commitmentCount());
        d.put("classifier_version", r.classifierVersion());
        d.put("target", r.target());
        d.put("province", r.provinceHint());
        d.put("inspector", r.inspector());
        d.put("inspection_kind", r.inspectionKind());
        d.put("report_kind", r.reportKind());
        d.put("inspection_start", r.inspectionStart());
        d.put("inspection_end", r.inspectionEnd());
        d.put("feedback_date", r.feedbackDate());
        d.put("published_date", r.publishedDate());
        d.put("report_url", r.reportUrl());
        d.put("report_title", r.reportTitle());
        d.put("site", r.site());
        d.put("processed_at", instant(r.processedAt()));
        return d;
    }

    /**
     * The alert document: the alert as of its latest transition (the record with the highest offset wins through
     * the external version). No days overdue: they change every day, so readers compute them from
     * {@code due_date} ({@link AlertRecord#daysOverdue(String, java.time.LocalDate)}, the Kibana Vega panel).
     */
    public static Map<String, Object> alert(AlertRecord r, Instant indexedAt) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("@timestamp", indexedAt.toString());
        d.put("alert_id", r.alertId());
        d.put("alert_kind", r.kind() == null ? null : r.kind().name());
        d.put("state", r.state() == null ? null : r.state().name());
        d.put("reason", r.reason());
        d.put("issue_id", r.issueId());
        d.put("report_id", r.reportId());
        d.put("target", r.target());
        d.put("province", r.provinceHint());
        d.put("inspector", r.inspector());
        d.put("problem", r.problem());
        d.put("topic", r.topic());
        d.put("pillar", r.pillar());
        d.put("commitment_text", r.commitmentText());
        d.put("due_date", r.dueDate());
        d.put("feedback_date", r.feedbackDate());
        d.put("report_url", r.reportUrl());
        d.put("report_title", r.reportTitle());
        d.put("raised_at", instant(r.raisedAt()));
        d.put("updated_at", instant(r.updatedAt()));
        d.put("closed_at", instant(r.closedAt()));
        d.put("resolved_by_issue_id", r.resolvedByIssueId());
        d.put("resolved_by_report_url", r.resolvedByReportUrl());
        d.put("superseded_by", r.supersededBy());
        return d;
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }
}
