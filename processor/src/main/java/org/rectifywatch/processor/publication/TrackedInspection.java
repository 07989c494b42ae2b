package org.rectifywatch.processor.publication;

import java.util.ArrayList;
import java.util.List;
import org.rectifywatch.processor.deadline.TrackedAlert;

/**
 * One inspection of one unit as the publication tracker keeps it: who inspected, when feedback was given, the
 * notices that announced it, the report that answered it (if any) and its {@code report_overdue} alerts.
 *
 * @param noticeIds     the notices announcing it; a report that names its own feedback date registers the
 *                      inspection without any
 * @param answeredBy    the unit's rectification report for this inspection, once seen
 * @param epoch         bumped when a withdrawn inspection is announced again (its alerts are new alerts)
 */
public record TrackedInspection(
        String inspectionId,
        String unitKey,
        String unit,
        String team,
        String round,
        String feedbackDate,
        InspectionLevel level,
        List<String> noticeIds,
        String noticeUrl,
        String noticeTitle,
        SeenReport answeredBy,
        int epoch,
        List<TrackedAlert> alerts,
        Long closedAtMs,
        String agendaDate) {

    public TrackedInspection {
        noticeIds = noticeIds == null ? List.of() : noticeIds;
        alerts = alerts == null ? List.of() : alerts;
    }

    /** Announced by no notice and answered by no report: nothing left to track. */
    public boolean isWithdrawn() {
        return noticeIds.isEmpty() && answeredBy == null;
    }

    public boolean isClosed() {
        return (answeredBy != null || isWithdrawn()) && alerts.stream().noneMatch(TrackedAlert::isOpen);
    }

    public boolean hasAlert(String id) {
        return alerts.stream().anyMatch(a -> a.alertId().equals(id));
    }

    public TrackedInspection withNotice(String noticeId, String url, String title, InspectionFeedback f) {
        List<String> ids = new ArrayList<>(noticeIds);
        if (!ids.contains(noticeId)) {
            ids.add(noticeId);
        }
        int e = isWithdrawn() && !alerts.isEmpty() ? epoch + 1 : epoch; // announced again after it was withdrawn
        // the more precise facts win: a named team over 省委巡视组, a day over a month
        String t = team == null || (f.team() != null && f.team().length() > team.length()) ? f.team() : team;
        String d = feedbackDate == null || (f.feedbackDate() != null && f.feedbackDate().length() > feedbackDate.length())
                ? f.feedbackDate() : feedbackDate;
        return new TrackedInspection(inspectionId, unitKey, f.unit() != null ? f.unit() : unit, t,
                f.round() != null ? f.round() : round, d, f.level() != null ? f.level() : level, List.copyOf(ids),
                noticeUrl == null ? url : noticeUrl, noticeTitle == null ? title : noticeTitle, answeredBy, e, alerts, closedAtMs,
                agendaDate);
    }

    public TrackedInspection withoutNotice(String noticeId) {
        List<String> ids = new ArrayList<>(noticeIds);
        ids.remove(noticeId);
        return new TrackedInspection(inspectionId, unitKey, unit, team, round, feedbackDate, level, List.copyOf(ids), noticeUrl,
                noticeTitle, answeredBy, epoch, alerts, closedAtMs, agendaDate);
    }

    public TrackedInspection answered(SeenReport r) {
        return new TrackedInspection(inspectionId, unitKey, unit, team, round, feedbackDate, level, noticeIds, noticeUrl,
                noticeTitle, r, epoch, alerts, closedAtMs, agendaDate);
    }

    public TrackedInspection withAlert(TrackedAlert a) {
        List<TrackedAlert> r = new ArrayList<>(alerts);
        r.removeIf(x -> x.alertId().equals(a.alertId()));
        r.add(a);
        return new TrackedInspection(inspectionId, unitKey, unit, team, round, feedbackDate, level, noticeIds, noticeUrl,
                noticeTitle, answeredBy, epoch, List.copyOf(r), closedAtMs, agendaDate);
    }

    public TrackedInspection withClosedAt(Long ms) {
        return new TrackedInspection(inspectionId, unitKey, unit, team, round, feedbackDate, level, noticeIds, noticeUrl,
                noticeTitle, answeredBy, epoch, alerts, ms, agendaDate);
    }

    public TrackedInspection withAgendaDate(String day) {
        return new TrackedInspection(inspectionId, unitKey, unit, team, round, feedbackDate, level, noticeIds, noticeUrl,
                noticeTitle, answeredBy, epoch, alerts, closedAtMs, day);
    }

    /** The feedback as a notice would state it, for matching. */
    public InspectionFeedback asFeedback() {
        return new InspectionFeedback(unit, team, round, feedbackDate, level);
    }
}
