package org.rectifywatch.processor.publication;

/**
 * What the publication tracker learns about one inspected unit, routed by the unit's key.
 * <ul>
 * <li>{@code FEEDBACK}: a feedback notice ({@code noticeId}, its URL and title) says the unit received an
 *     inspection's feedback;</li>
 * <li>{@code FEEDBACK_WITHDRAWN}: the notice no longer says so (edited or retracted; {@code reason});</li>
 * <li>{@code REPORT}: a rectification report of the unit was seen (a new version of it, too);</li>
 * <li>{@code REPORT_WITHDRAWN}: the report was retracted or now names another unit.</li>
 * </ul>
 */
public record InspectionEvent(Type type, String noticeId, String noticeUrl, String noticeTitle, InspectionFeedback feedback,
                              SeenReport report, String reason) {
    public enum Type { FEEDBACK, FEEDBACK_WITHDRAWN, REPORT, REPORT_WITHDRAWN }

    public static InspectionEvent feedback(String noticeId, String url, String title, InspectionFeedback f) {
        return new InspectionEvent(Type.FEEDBACK, noticeId, url, title, f, null, null);
    }

    public static InspectionEvent feedbackWithdrawn(String noticeId, InspectionFeedback f, String reason) {
        return new InspectionEvent(Type.FEEDBACK_WITHDRAWN, noticeId, null, null, f, null, reason);
    }

    public static InspectionEvent report(SeenReport r) {
        return new InspectionEvent(Type.REPORT, null, null, null, null, r, null);
    }

    public static InspectionEvent reportWithdrawn(String reportId, String reason) {
        return new InspectionEvent(Type.REPORT_WITHDRAWN, null, null, null, null,
                new SeenReport(reportId, null, null, null, null, null, null), reason);
    }
}
