package org.rectifywatch.processor.deadline;

import org.rectifywatch.model.wire.IssueRecord;

/**
 * An issue appeared, changed ({@code issue} set) or disappeared ({@code issue} null) — routed by the
 * inspected unit so that one task sees every issue of a unit and can match follow-up reports.
 */
public record DeadlineEvent(String issueId, String unitKey, IssueRecord issue) {
}
