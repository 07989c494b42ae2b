package org.rectifywatch.processor.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rectifywatch.model.wire.AlertKind;

/**
 * The alert transitions of one issue, as a pure function of what is known about it and the day. Each evaluation
 * raises what has fallen due and closes what no longer holds:
 * <ul>
 * <li>raised → resolved: its own report marks it completed, or a later report of the unit completed the same
 *     problem after the due date;</li>
 * <li>raised → withdrawn: the issue was removed or its report retracted, or a later report shows it was completed
 *     before the due date (the alert only existed because that report was found late);</li>
 * <li>raised → superseded: its due date is no longer among the issue's due dates (revised); the alert of the
 *     new date follows;</li>
 * <li>raised, updated: the report was edited and the alert shows the new facts.</li>
 * </ul>
 * What a later report completed after a due date was overdue until then: that alert is raised and resolved at once
 * whichever report arrived first, so the outcome does not depend on arrival order.
 */
public final class IssueLifecycle {
    private final OverdueRules rules;

    public IssueLifecycle(OverdueRules rules) {
        this.rules = rules;
    }

    /** The issue after evaluation, and the alerts that changed (in the order they changed). */
    public record Step(TrackedIssue issue, List<TrackedAlert> changed) {
    }

    /**
     * @param editReason why the facts an alert shows changed (an edit of the report), or null
     */
    public Step evaluate(TrackedIssue issue, String editReason, LocalDate today, long nowMs) {
        TrackedIssue t = issue;
        List<TrackedAlert> changed = new ArrayList<>();
        List<DueAlert> owed = rules.owed(t.isCompleted() || t.isRemoved() ? openFacts(t) : t);
        for (DueAlert d : owed) {
            if (d.isDue(today) && mayRaise(t, d)) {
                String id = OverdueRules.alertId(t.issueId(), d.dueDate(), d.kind(), t.epoch());
                if (!t.hasAlert(id)) {
                    TrackedAlert a = TrackedAlert.raise(id, d.kind(), d.dueDate().toString(), d.commitmentText(), t.epoch(),
                            raiseReason(d), nowMs);
                    t = t.withAlert(a);
                    changed.add(a);
                }
            }
        }
        for (TrackedAlert a : List.copyOf(t.alerts())) {
            TrackedAlert after = a.isOpen() ? close(t, a, owed, editReason, nowMs) : correct(t, a, owed, nowMs);
            if (after != a) {
                t = t.withAlert(after);
                changed.add(after);
            }
        }
        if (t.isClosed()) {
            t = t.withClosedAt(t.closedAtMs() != null ? t.closedAtMs() : nowMs);
        } else if (t.closedAtMs() != null) {
            t = t.withClosedAt(null);
        }
        return new Step(t, changed);
    }

    /** The day the issue next needs attention: the day after the earliest due date not yet alerted. */
    public Optional<LocalDate> nextDue(TrackedIssue t) {
        if (t.isCompleted() || t.isRemoved()) {
            return Optional.empty();
        }
        return rules.owed(t).stream()
                .filter(d -> !t.hasAlert(OverdueRules.alertId(t.issueId(), d.dueDate(), d.kind(), t.epoch())))
                .map(d -> d.dueDate().plusDays(1)).min(LocalDate::compareTo);
    }

    /** Raise only what holds: an open issue's due alerts, or those a later completion came after. */
    private static boolean mayRaise(TrackedIssue t, DueAlert d) {
        if (t.isRemoved() || "completed".equals(t.status())) {
            return false;
        }
        if (t.completedByIssueId() != null) {
            return completedAfter(t, d.dueDate().toString());
        }
        return true;
    }

    private TrackedAlert close(TrackedIssue t, TrackedAlert a, List<DueAlert> owed, String editReason, long nowMs) {
        if (t.isRemoved()) {
            return a.withdraw(t.removedReason(), nowMs);
        }
        if ("completed".equals(t.status())) {
            return a.resolve("completed according to report version " + t.reportVersion(), nowMs, t.issueId(), t.reportUrl());
        }
        if (t.completedByIssueId() != null) {
            String by = t.completedByReportUrl() + (t.completedByPublished() == null ? "" : " (published " + t.completedByPublished() + ")");
            return completedAfter(t, a.dueDate())
                    ? a.resolve("completed according to a later report: " + by, nowMs, t.completedByIssueId(), t.completedByReportUrl())
                    : a.withdraw("completed before the due date according to a later report found late: " + by, nowMs);
        }
        boolean stillOwed = owed.stream().anyMatch(d -> a.sameSubject(d.kind(), d.dueDate().toString()));
        if (!stillOwed) {
            DueAlert next = owed.stream().filter(d -> d.kind() == a.kind()).findFirst().orElse(owed.isEmpty() ? null : owed.get(0));
            if (next == null) {
                return a.withdraw("the report no longer gives a due date or the issue is no longer in progress (version "
                        + t.reportVersion() + ")", nowMs);
            }
            return a.supersede("due date revised to " + next.dueDate() + " (report version " + t.reportVersion() + ")", nowMs,
                    OverdueRules.alertId(t.issueId(), next.dueDate(), next.kind(), t.epoch()));
        }
        if (editReason != null) {
            String text = owed.stream().filter(d -> a.sameSubject(d.kind(), d.dueDate().toString())).findFirst()
                    .map(DueAlert::commitmentText).orElse(a.commitmentText());
            return a.touch(editReason, nowMs, text);
        }
        return a;
    }

    /**
     * A closed alert that later facts show in another light, so the outcome does not depend on the order in which
     * they arrived: a resolved alert whose due date was revised since is superseded by the new date's alert; one
     * resolved by a later report that turns out to have completed the issue before the due date is withdrawn.
     */
    private TrackedAlert correct(TrackedIssue t, TrackedAlert a, List<DueAlert> owed, long nowMs) {
        if (a.state() != org.rectifywatch.model.wire.AlertState.resolved || t.isRemoved() || "completed".equals(t.status())) {
            return a;
        }
        boolean stillOwed = owed.stream().anyMatch(d -> a.sameSubject(d.kind(), d.dueDate().toString()));
        if (!stillOwed) {
            DueAlert next = owed.stream().filter(d -> d.kind() == a.kind()).findFirst().orElse(owed.isEmpty() ? null : owed.get(0));
            return next == null ? a : a.supersede("due date revised to " + next.dueDate() + " (report version " + t.reportVersion() + ")",
                    nowMs, OverdueRules.alertId(t.issueId(), next.dueDate(), next.kind(), t.epoch()));
        }
        if (t.completedByIssueId() != null && !completedAfter(t, a.dueDate())) {
            return a.withdraw("completed before the due date according to a later report found late: " + t.completedByReportUrl(), nowMs);
        }
        return a;
    }

    /** Whether the completing report came after the due date (an unknown publication date counts as on time). */
    private static boolean completedAfter(TrackedIssue t, String due) {
        return ReportDates.isAfter(t.completedByPublished(), due);
    }

    /** A completed issue's due dates as if it were open: what it owed before the completion. */
    private static TrackedIssue openFacts(TrackedIssue t) {
        if (t.isRemoved()) {
            return t;
        }
        return new TrackedIssue(t.issueId(), t.reportId(), t.reportVersion(), t.unitKey(), t.target(), t.provinceHint(),
                t.inspector(), t.problem(), t.topic(), t.pillar(), "completed".equals(t.status()) ? "completed" : t.status(),
                t.commitments(), t.feedbackDate(), t.publishedDate(), t.reportUrl(), t.reportTitle(), t.epoch(), null,
                t.alerts(), null, null, null, t.closedAtMs(), t.agendaDate());
    }

    private static String raiseReason(DueAlert d) {
        return d.kind() == AlertKind.commitment_overdue
                ? "the committed due date " + d.dueDate() + " has passed and the issue is not reported completed"
                : "the rectification window ended on " + d.dueDate() + " and the issue is still in progress";
    }
}
