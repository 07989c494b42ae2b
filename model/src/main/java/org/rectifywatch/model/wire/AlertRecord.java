package org.rectifywatch.model.wire;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One transition of an overdue alert on {@code alerts.overdue}, keyed by alert id; every transition carries the
 * whole current alert (problem text, unit, due date, state and why), so the latest record is the alert.
 * Days overdue are not stored: they depend on the day they are read ({@link #daysOverdue(LocalDate)}).
 *
 * @param reason        why the alert is in its state (raised: what fell due; resolved/withdrawn/superseded: what
 *                      closed it; raised again with the same id: what changed, e.g. the report was edited)
 * @param feedbackDate  when the inspection's feedback was given (ISO, possibly "YYYY-MM"); for
 *                      {@code report_overdue} the date the clock runs from
 * @param reportUrl     the issue's report; for {@code report_overdue} the feedback notice
 * @param closedAt      when it was resolved, withdrawn or superseded; null while raised
 * @param supersededBy  the alert that follows a revised due date
 */
public record AlertRecord(
        String alertId,
        AlertKind kind,
        AlertState state,
        String reason,
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
        String feedbackDate,
        String reportUrl,
        String reportTitle,
        Instant raisedAt,
        Instant updatedAt,
        Instant closedAt,
        String resolvedByIssueId,
        String resolvedByReportUrl,
        String supersededBy) {

    /** Days past the due date as of {@code today}; 0 when not yet due or the due date is not a full date. */
    public long daysOverdue(LocalDate today) {
        return daysOverdue(dueDate, today);
    }

    public static long daysOverdue(String dueDate, LocalDate today) {
        if (dueDate == null || dueDate.length() < 10) {
            return 0;
        }
        try {
            return Math.max(0, ChronoUnit.DAYS.between(LocalDate.parse(dueDate.substring(0, 10)), today));
        } catch (java.time.format.DateTimeParseException e) {
            return 0;
        }
    }
}
