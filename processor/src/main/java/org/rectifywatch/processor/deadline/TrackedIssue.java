package org.rectifywatch.processor.deadline;

import java.util.ArrayList;
import java.util.List;
import org.rectifywatch.model.report.Commitment;
import org.rectifywatch.model.wire.AlertKind;
import org.rectifywatch.model.wire.IssueRecord;

/**
 * What the deadline tracker keeps per issue: enough of the issue to decide and describe alerts, the alerts
 * already raised (so none is raised twice, across restarts), and whether a later report completed it.
 */
public record TrackedIssue(
        String issueId,
        String reportId,
        String unitKey,
        String target,
        String provinceHint,
        String inspector,
        String problem,
        String topic,
        String pillar,
        String status,
        List<Commitment> commitments,
        String feedbackDate,
        String publishedDate,
        String reportUrl,
        String reportTitle,
        List<RaisedAlert> raised,
        String completedByIssueId,
        String completedByReportUrl) {

    /** An alert this issue has raised; {@code resolved} once it was closed. */
    public record RaisedAlert(String alertId, AlertKind kind, String dueDate, String commitmentText, long raisedAtMs,
                              long daysOverdueAtRaise, boolean resolved) {
        RaisedAlert resolve() {
            return new RaisedAlert(alertId, kind, dueDate, commitmentText, raisedAtMs, daysOverdueAtRaise, true);
        }
    }

    public static TrackedIssue of(IssueRecord i, String unitKey) {
        return new TrackedIssue(i.issueId(), i.reportId(), unitKey, i.target(), i.provinceHint(), i.inspector(), i.problem(),
                i.topic(), i.pillar(), i.status(), i.commitments() == null ? List.of() : i.commitments(), i.feedbackDate(),
                i.publishedDate(), i.reportUrl(), i.reportTitle(), List.of(), null, null);
    }

    /** The same issue in a newer version of its report: new facts, same alert history. */
    public TrackedIssue updatedWith(TrackedIssue newer) {
        return new TrackedIssue(issueId, newer.reportId, newer.unitKey, newer.target, newer.provinceHint, newer.inspector,
                newer.problem, newer.topic, newer.pillar, newer.status, newer.commitments, newer.feedbackDate,
                newer.publishedDate, newer.reportUrl, newer.reportTitle, raised, completedByIssueId, completedByReportUrl);
    }

    public boolean isCompleted() {
        return "completed".equals(status) || completedByIssueId != null;
    }

    public boolean hasRaised(String alertId) {
        return raised.stream().anyMatch(a -> a.alertId().equals(alertId));
    }

    public TrackedIssue withRaised(RaisedAlert alert) {
        List<RaisedAlert> r = new ArrayList<>(raised);
        r.add(alert);
        return new TrackedIssue(issueId, reportId, unitKey, target, provinceHint, inspector, problem, topic, pillar, status,
                commitments, feedbackDate, publishedDate, reportUrl, reportTitle, List.copyOf(r), completedByIssueId, completedByReportUrl);
    }

    public TrackedIssue withAllResolved() {
        return new TrackedIssue(issueId, reportId, unitKey, target, provinceHint, inspector, problem, topic, pillar, status,
                commitments, feedbackDate, publishedDate, reportUrl, reportTitle,
                raised.stream().map(a -> a.resolved() ? a : a.resolve()).toList(), completedByIssueId, completedByReportUrl);
    }

    public TrackedIssue completedBy(String byIssueId, String byReportUrl) {
        return new TrackedIssue(issueId, reportId, unitKey, target, provinceHint, inspector, problem, topic, pillar, status,
                commitments, feedbackDate, publishedDate, reportUrl, reportTitle, raised, byIssueId, byReportUrl);
    }

    public List<RaisedAlert> openAlerts() {
        return raised.stream().filter(a -> !a.resolved()).toList();
    }
}
