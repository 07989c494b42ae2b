package org.rectifywatch.processor.topology;

import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.ReportRecord;
import org.rectifywatch.processor.deadline.DeadlineEvent;
import org.rectifywatch.processor.publication.InspectionEvent;

/**
 * One output of the page or report stage, routed by kind in-task. Its value is serialised once, for its topic, when
 * its size is checked ({@link #serialised()}), and written as those bytes.
 */
public record Envelope(Kind kind, ReportRecord report, IssueRecord issue, DeadlineEvent deadline, InspectionEvent inspection,
                       PageEvent page, byte[] deadLetter, byte[] wire) {
    public enum Kind { PAGE, PAGE_HANDOVER, REPORT, ISSUE, ISSUE_DELETED, DEADLINE, INSPECTION, DEAD_LETTER }

    static Envelope page(PageEvent e) {
        return new Envelope(Kind.PAGE, null, null, null, null, e, null, null);
    }

    static Envelope pageHandover(PageEvent e) {
        return new Envelope(Kind.PAGE_HANDOVER, null, null, null, null, e, null, null);
    }

    static Envelope report(ReportRecord r) {
        return new Envelope(Kind.REPORT, r, null, null, null, null, null, null);
    }

    static Envelope issue(IssueRecord i) {
        return new Envelope(Kind.ISSUE, null, i, null, null, null, null, null);
    }

    static Envelope issueDeleted() {
        return new Envelope(Kind.ISSUE_DELETED, null, null, null, null, null, null, null);
    }

    static Envelope deadline(DeadlineEvent e) {
        return new Envelope(Kind.DEADLINE, null, null, e, null, null, null, null);
    }

    static Envelope inspection(InspectionEvent e) {
        return new Envelope(Kind.INSPECTION, null, null, null, e, null, null, null);
    }

    static Envelope deadLetter(byte[] original) {
        return new Envelope(Kind.DEAD_LETTER, null, null, null, null, null, original, null);
    }

    /** This output with its value serialised for its topic (once: an envelope already serialised is returned as it is). */
    Envelope serialised() {
        return wire != null || kind == Kind.ISSUE_DELETED ? this
                : new Envelope(kind, report, issue, deadline, inspection, page, deadLetter, OutputSizes.value(OutputSizes.topic(kind), this));
    }

    /** The value as written to its topic; null for a tombstone. */
    byte[] bytes() {
        return serialised().wire;
    }

    boolean is(Kind k) {
        return kind == k;
    }
}
