package org.rectifywatch.processor.topology;

import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.ReportRecord;
import org.rectifywatch.processor.deadline.DeadlineEvent;

/** One output of a processor stage, routed by kind to its topic. Never serialised: routing happens in-task. */
public record Envelope(Kind kind, ReportRecord report, IssueRecord issue, DeadlineEvent deadline, byte[] deadLetter,
                       ReportOutputs outputs) {
    public enum Kind { OUTPUTS, REPORT, ISSUE, ISSUE_DELETED, DEADLINE, DEAD_LETTER }

    /** A report record; null withdraws the report (a tombstone). */
    static Envelope report(ReportRecord r) {
        return new Envelope(Kind.REPORT, r, null, null, null, null);
    }

    static Envelope issue(IssueRecord i) {
        return new Envelope(Kind.ISSUE, null, i, null, null, null);
    }

    static Envelope issueDeleted() {
        return new Envelope(Kind.ISSUE_DELETED, null, null, null, null, null);
    }

    static Envelope deadline(DeadlineEvent e) {
        return new Envelope(Kind.DEADLINE, null, null, e, null, null);
    }

    static Envelope deadLetter(byte[] original) {
        return new Envelope(Kind.DEAD_LETTER, null, null, null, original, null);
    }

    static Envelope outputs(ReportOutputs o) {
        return new Envelope(Kind.OUTPUTS, null, null, null, null, o);
    }

    boolean is(Kind k) {
        return kind == k;
    }
}
