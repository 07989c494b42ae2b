package org.rectifywatch.processor.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rectifywatch.model.wire.AlertKind;
import org.rectifywatch.processor.deadline.OverdueRules;
import org.rectifywatch.processor.deadline.ReportDates;
import org.rectifywatch.processor.deadline.TrackedAlert;

/**
 * The {@code report_overdue} alert of one inspection, as a pure function of what is known and the day. The report
 * is due a period after feedback (longer for central inspections). With no report by then the alert is raised; a
 * report published after the due date resolves it (the alert is raised and resolved at once if the report was seen
 * first, so arrival order does not change the outcome); a report published on time withdraws an alert that only
 * existed because the report was found late; an inspection no notice announces any more withdraws it.
 */
public final class PublicationLifecycle {
    private final int monthsCentral;
    private final int monthsOther;

    public PublicationLifecycle(int monthsCentral, int monthsOther) {
        this.monthsCentral = monthsCentral;
        this.monthsOther = monthsOther;
    }

    public record Step(TrackedInspection inspection, List<TrackedAlert> changed) {
    }

    /** When the unit's report is due: the feedback date's last possible day plus the period of its level. */
    public Optional<LocalDate> dueDate(TrackedInspection i) {
        int months = i.level() == InspectionLevel.CENTRAL ? monthsCentral : monthsOther;
        return ReportDates.latestDay(i.feedbackDate()).map(d -> d.plusMonths(months));
    }

    public Step evaluate(TrackedInspection inspection, String withdrawReason, LocalDate today, long nowMs) {
        TrackedInspection t = inspection;
        List<TrackedAlert> changed = new ArrayList<>();
        Optional<LocalDate> due = dueDate(t);
        SeenReport r = t.answeredBy();
        boolean lateReport = r != null && due.isPresent() && ReportDates.isAfter(r.publishedDate(), due.get().toString());
        if (due.isPresent() && due.get().isBefore(today) && !t.isWithdrawn() && (r == null || lateReport)) {
            String id = OverdueRules.alertId(t.inspectionId(), due.get(), AlertKind.report_overdue, t.epoch());
            if (!t.hasAlert(id)) {
                TrackedAlert a = TrackedAlert.raise(id, AlertKind.report_overdue, due.get().toString(), null, t.epoch(),
                        "no rectification report seen by " + due.get() + " for the feedback given on " + t.feedbackDate(), nowMs);
                t = t.withAlert(a);
                changed.add(a);
            }
        }
        for (TrackedAlert a : List.copyOf(t.alerts())) {
            if (!a.isOpen()) {
                if (a.state() == org.rectifywatch.model.wire.AlertState.resolved && r != null && !lateReport) {
                    // an earlier report than the one that resolved it was found since: it was never overdue
                    TrackedAlert after = a.withdraw("the rectification report had been published on " + r.publishedDate()
                            + ", not after the due date; it was found late: " + r.url(), nowMs);
                    t = t.withAlert(after);
                    changed.add(after);
                }
                continue;
            }
            TrackedAlert after;
            if (t.isWithdrawn()) {
                after = a.withdraw(withdrawReason != null ? withdrawReason : "no notice announces this feedback any more", nowMs);
            } else if (r != null && lateReport) {
                after = a.resolve("rectification report published " + r.publishedDate() + ": " + r.url(), nowMs, null, r.url());
            } else if (r != null) {
                after = a.withdraw("the rectification report had been published "
                        + (r.publishedDate() == null ? "(date unknown)" : "on " + r.publishedDate())
                        + ", not after the due date; it was found late: " + r.url(), nowMs);
            } else {
                continue;
            }
            t = t.withAlert(after);
            changed.add(after);
        }
        t = t.isClosed() ? t.withClosedAt(t.closedAtMs() != null ? t.closedAtMs() : nowMs) : t.withClosedAt(null);
        return new Step(t, changed);
    }

    /** The day after the due date, while the inspection waits for its report and has not alerted yet. */
    public Optional<LocalDate> nextDue(TrackedInspection t) {
        if (t.answeredBy() != null || t.isWithdrawn()) {
            return Optional.empty();
        }
        return dueDate(t).filter(d -> !t.hasAlert(OverdueRules.alertId(t.inspectionId(), d, AlertKind.report_overdue, t.epoch())))
                .map(d -> d.plusDays(1));
    }
}
