package org.rectifywatch.processor.deadline;

/**
 * What happened to one issue, routed by inspected unit so that one task sees every issue of a unit and can match
 * follow-up reports. It carries only what the tracker keeps ({@link TrackedIssue#of}), not the whole issue record.
 * <ul>
 * <li>{@code UPSERT}: the issue as its report's current version tells it. Sent to the unit the issue was tracked in;
 *     when {@code issue.unitKey()} names another unit, the tracker hands the entry over to it.</li>
 * <li>{@code REMOVE}: the issue left its report, or the report was retracted ({@code reason} says which).</li>
 * <li>{@code HANDOVER}: a whole tracked entry, alert history included, moving to the unit it now belongs to;
 *     {@code reason} says what changed, if the move came with an edit.</li>
 * </ul>
 */
public record DeadlineEvent(Type type, String issueId, TrackedIssue issue, String reason) {
    public enum Type { UPSERT, REMOVE, HANDOVER }

    public static DeadlineEvent upsert(TrackedIssue issue) {
        return new DeadlineEvent(Type.UPSERT, issue.issueId(), issue, null);
    }

    public static DeadlineEvent remove(String issueId, String reason) {
        return new DeadlineEvent(Type.REMOVE, issueId, null, reason);
    }

    public static DeadlineEvent handover(TrackedIssue entry, String reason) {
        return new DeadlineEvent(Type.HANDOVER, entry.issueId(), entry, reason);
    }
}
