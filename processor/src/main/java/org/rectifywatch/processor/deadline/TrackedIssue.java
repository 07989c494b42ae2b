package org.rectifywatch.processor.deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rectifywatch.model.report.Commitment;
import org.rectifywatch.model.wire.AlertKind;
import org.rectifywatch.model.wire.IssueRecord;

/**
 * What the deadline tracker keeps per issue: enough of the issue to decide and describe alerts, every alert it
 * raised with its life cycle (so none is raised twice, across restarts), whether a later report completed it,
 * and whether it is still in its report. A removed or completed issue is kept until its retention has passed, so
 * that an issue that comes back raises new alerts instead of repeating closed ones.
 *
 * @param epoch        bumped when the issue comes back (re-added after removal, or no longer completed): alerts of
 *                     a new epoch are new alerts with new ids
 * @param removedReason why the issue is no longer tracked as open (removed from its report, report retracted);
 *                     null while it is in its report
 * @param closedAtMs   when it stopped needing attention (completed or removed, no alert open); the retention runs from here
 * @param agendaDate   the day it is next due for attention (an alert falls due, or its retention ends); its slot in
 *                     the agenda
 */
public record TrackedIssue(
        String issueId,
        String reportId,
        int reportVersion,
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
        int epoch,
        String removedReason,
        List<TrackedAlert> alerts,
        String completedByIssueId,
        String completedByReportUrl,
        String completedByPublished,
        Long closedAtMs,
        String agendaDate) {

    public TrackedIssue {
        commitments = commitments == null ? List.of() : commitments;
        alerts = alerts == null ? List.of() : alerts;
    }

    public static TrackedIssue of(IssueRecord i, String unitKey) {
        return new TrackedIssue(i.issueId(), i.reportId(), i.reportVersion(), unitKey, i.target(), i.provinceHint(), i.inspector(),
                i.problem(), i.topic(), i.pillar(), i.status(), i.commitments(), i.feedbackDate(), i.publishedDate(), i.reportUrl(),
                i.reportTitle(), 0, null, List.of(), null, null, null, null, null);
    }

    /**
     * The same issue as a newer version of its report tells it: new facts, same alert history. An issue that comes
     * back (it had been removed, or its own report had marked it completed and no longer does) starts a new epoch.
     */
    public TrackedIssue updatedWith(TrackedIssue newer) {
        boolean back = isRemoved() || ("completed".equals(status) && !"completed".equals(newer.status));
        return new TrackedIssue(issueId, newer.reportId, newer.reportVersion, newer.unitKey, newer.target, newer.provinceHint,
                newer.inspector, newer.problem, newer.topic, newer.pillar, newer.status, newer.commitments, newer.feedbackDate,
                newer.publishedDate, newer.reportUrl, newer.reportTitle, back ? epoch + 1 : epoch, null, alerts,
                completedByIssueId, completedByReportUrl, completedByPublished, closedAtMs, agendaDate);
    }

    /** Whether the facts an alert shows (problem, unit, report, commitments) differ from {@code other}'s. */
    public boolean describesDifferently(TrackedIssue other) {
        return !Objects.equals(problem, other.problem) || !Objects.equals(target, other.target)
                || !Objects.equals(reportUrl, other.reportUrl) || !Objects.equals(reportTitle, other.reportTitle)
                || !Objects.equals(topic, other.topic) || !Objects.equals(inspector, other.inspector)
                || !Objects.equals(commitments, other.commitments);
    }

    public boolean isCompleted() {
        return "completed".equals(status) || completedByIssueId != null;
    }

    public boolean isRemoved() {
        return removedReason != null;
    }

    /** Completed, or removed, with no alert open: kept only for its retention. */
    public boolean isClosed() {
        return (isCompleted() || isRemoved()) && openAlerts().isEmpty();
    }

    /** The report date used to order the unit's reports: published, else feedback. */
    public String reportDate() {
        return publishedDate != null ? publishedDate : feedbackDate;
    }

    public List<TrackedAlert> openAlerts() {
        return alerts.stream().filter(TrackedAlert::isOpen).toList();
    }

    public boolean hasAlert(String alertId) {
        return alerts.stream().anyMatch(a -> a.alertId().equals(alertId));
    }

    public TrackedAlert openAlert(AlertKind kind, String due) {
        return alerts.stream().filter(a -> a.isOpen() && a.sameSubject(kind, due)).findFirst().orElse(null);
    }

    public TrackedIssue withAlert(TrackedAlert a) {
        List<TrackedAlert> r = new ArrayList<>(alerts.size() + 1);
        boolean replaced = false;
        for (TrackedAlert x : alerts) {
            if (x.alertId().equals(a.alertId())) {
                r.add(a);
                replaced = true;
            } else {
                r.add(x);
            }
        }
        if (!replaced) {
            r.add(a);
        }
        return withAlerts(List.copyOf(r));
    }

    public TrackedIssue withAlerts(List<TrackedAlert> a) {
        return new TrackedIssue(issueId, reportId, reportVersion, unitKey, target, provinceHint, inspector, problem, topic, pillar,
                status, commitments, feedbackDate, publishedDate, reportUrl, reportTitle, epoch, removedReason, a,
                completedByIssueId, completedByReportUrl, completedByPublished, closedAtMs, agendaDate);
    }

    public TrackedIssue removed(String reason) {
        return new TrackedIssue(issueId, reportId, reportVersion, unitKey, target, provinceHint, inspector, problem, topic, pillar,
                status, commitments, feedbackDate, publishedDate, reportUrl, reportTitle, epoch, reason, alerts,
                completedByIssueId, completedByReportUrl, completedByPublished, closedAtMs, agendaDate);
    }

    public TrackedIssue completedBy(String byIssueId, String byReportUrl, String byPublished) {
        return new TrackedIssue(issueId, reportId, reportVersion, unitKey, target, provinceHint, inspector, problem, topic, pillar,
                status, commitments, feedbackDate, publishedDate, reportUrl, reportTitle, epoch, removedReason, alerts,
                byIssueId, byReportUrl, byPublished, closedAtMs, agendaDate);
    }

    public TrackedIssue withClosedAt(Long ms) {
        return new TrackedIssue(issueId, reportId, reportVersion, unitKey, target, provinceHint, inspector, problem, topic, pillar,
                status, commitments, feedbackDate, publishedDate, reportUrl, reportTitle, epoch, removedReason, alerts,
                completedByIssueId, completedByReportUrl, completedByPublished, ms, agendaDate);
    }

    public TrackedIssue withAgendaDate(String day) {
        return new TrackedIssue(issueId, reportId, reportVersion, unitKey, target, provinceHint, inspector, problem, topic, pillar,
                status, commitments, feedbackDate, publishedDate, reportUrl, reportTitle, epoch, removedReason, alerts,
                completedByIssueId, completedByReportUrl, completedByPublished, closedAtMs, day);
    }

    public TrackedIssue inUnit(String key) {
        return new TrackedIssue(issueId, reportId, reportVersion, key, target, provinceHint, inspector, problem, topic, pillar,
                status, commitments, feedbackDate, publishedDate, reportUrl, reportTitle, epoch, removedReason, alerts,
                completedByIssueId, completedByReportUrl, completedByPublished, closedAtMs, agendaDate);
    }

    /**
     * Two copies of one issue that reached the unit by different paths (its entry handed over from the unit it
     * left, and a newer version sent straight here): the facts of the newer report version, every alert of both
     * (for one alert id, the copy changed last), the higher epoch.
     */
    public TrackedIssue mergedWith(TrackedIssue other) {
        TrackedIssue newer = other.reportVersion >= reportVersion ? other : this;
        List<TrackedAlert> merged = new ArrayList<>(alerts);
        for (TrackedAlert a : other.alerts) {
            int i = indexOf(merged, a.alertId());
            if (i < 0) {
                merged.add(a);
            } else if (a.updatedAtMs() > merged.get(i).updatedAtMs() || (!a.isOpen() && merged.get(i).isOpen())) {
                merged.set(i, a);
            }
        }
        TrackedIssue completedSource = completedByIssueId != null ? this : other;
        return new TrackedIssue(issueId, newer.reportId, newer.reportVersion, newer.unitKey, newer.target, newer.provinceHint,
                newer.inspector, newer.problem, newer.topic, newer.pillar, newer.status, newer.commitments, newer.feedbackDate,
                newer.publishedDate, newer.reportUrl, newer.reportTitle, Math.max(epoch, other.epoch), newer.removedReason,
                List.copyOf(merged), completedSource.completedByIssueId, completedSource.completedByReportUrl,
                completedSource.completedByPublished, newer.closedAtMs, agendaDate);
    }

    private static int indexOf(List<TrackedAlert> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).alertId().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
