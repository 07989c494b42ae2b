package org.rectifywatch.processor.deadline;

import org.rectifywatch.model.wire.AlertKind;
import org.rectifywatch.model.wire.AlertState;

/**
 * An alert as its tracker remembers it, through its life cycle: raised once, then closed once (resolved,
 * withdrawn or superseded). {@code generation} counts earlier alerts of the same subject, kind and due date, so a
 * condition that returns after its alert closed (an issue removed and re-added) raises a new alert with a new id.
 */
public record TrackedAlert(
        String alertId,
        AlertKind kind,
        String dueDate,
        String commitmentText,
        int generation,
        AlertState state,
        String reason,
        long raisedAtMs,
        long updatedAtMs,
        Long closedAtMs,
        String resolvedByIssueId,
        String resolvedByReportUrl,
        String supersededBy) {

    public static TrackedAlert raise(String alertId, AlertKind kind, String dueDate, String commitmentText, int generation,
                                     String reason, long nowMs) {
        return new TrackedAlert(alertId, kind, dueDate, commitmentText, generation, AlertState.raised, reason, nowMs, nowMs,
                null, null, null, null);
    }

    public boolean isOpen() {
        return state == AlertState.raised;
    }

    public boolean sameSubject(AlertKind k, String due) {
        return kind == k && dueDate.equals(due);
    }

    public TrackedAlert resolve(String why, long nowMs, String byIssueId, String byReportUrl) {
        return new TrackedAlert(alertId, kind, dueDate, commitmentText, generation, AlertState.resolved, why, raisedAtMs, nowMs,
                nowMs, byIssueId, byReportUrl, null);
    }

    public TrackedAlert withdraw(String why, long nowMs) {
        return new TrackedAlert(alertId, kind, dueDate, commitmentText, generation, AlertState.withdrawn, why, raisedAtMs, nowMs,
                nowMs, null, null, null);
    }

    public TrackedAlert supersede(String why, long nowMs, String byAlertId) {
        return new TrackedAlert(alertId, kind, dueDate, commitmentText, generation, AlertState.superseded, why, raisedAtMs, nowMs,
                nowMs, null, null, byAlertId);
    }

    /** Still raised, with what changed around it (the report was edited). */
    public TrackedAlert touch(String why, long nowMs, String newCommitmentText) {
        return new TrackedAlert(alertId, kind, dueDate, newCommitmentText, generation, state, why, raisedAtMs, nowMs, closedAtMs,
                resolvedByIssueId, resolvedByReportUrl, supersededBy);
    }
}
