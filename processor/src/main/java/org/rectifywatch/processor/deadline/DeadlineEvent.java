package org.rectifywatch.processor.deadline;


/**
 * An issue appeared, changed ({@code issue} set) or disappeared ({@code issue} null) — routed by the
 * inspected unit so that one task sees every issue of a unit and can match follow-up reports. It carries only
 * what the tracker keeps ({@link TrackedIssue#of}), not the whole issue record with its search tokens.
 */
public record DeadlineEvent(String issueId, String unitKey, TrackedIssue issue) {
}
