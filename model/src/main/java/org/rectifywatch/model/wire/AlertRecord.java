package org.rectifywatch.model.wire;

import java.time.Instant;

/**
 * An overdue alert on {@code alerts.overdue}, keyed by alert id (one id per issue, due date and kind);
 * a {@code resolved} record reuses the id of the {@code raised} one. Carries what a person needs to act.
 */
public record AlertRecord(
        String alertId,
        AlertKind kind,
        AlertState state,
        String issueId,
        String reportId,
        String target,
        String provinceHint,
        String inspector,
        String problem,
        String topic,
        String pillar,
        String commitmentText,
        String dueDate,
        long daysOverdue,
        String reportUrl,
        String reportTitle,
        Instant raisedAt,
        Instant resolvedAt,
        String resolvedByIssueId,
        String resolvedByReportUrl) {
}
