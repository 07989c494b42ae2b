package org.rectifywatch.processor.topology;

import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.ReportRecord;
import org.rectifywatch.processor.deadline.DeadlineEvent;

/** One output of the report stage, routed by kind to its topic. Never serialised: routing happens in-task. */
public record Envelope(Kind kind, ReportRecord report, IssueRecord issue, DeadlineEvent deadline, byte[] deadLetter) {
    public enum Kind { REPORT, ISSUE, ISSUE_DELETED, DEADLINE, DEAD_LETTER }

    static Envelope report(ReportRecord r) {
        return new Envelope(Kind.REPORT, r, null, null, null);
    }

    static Envelope issue(IssueRecord i) {
        return new Envelope(Kind.ISSUE, null, i, null, null);
    }

    static Envelope issueDeleted() {
        return new Envelope(Kind.ISSUE_DELETED, null, null, null, null);
    }

    static Envelope deadline(DeadlineEvent e) {
        return new Envelope(Kind.DEADLINE, null, null, e, null);
    }

    static Envelope deadLetter(byte[] original) {
        return new Envelope(Kind.DEAD_LETTER, null, null, null, original);
    }

    boolean is(Kind k) {
        return kind == k;
    }
}
