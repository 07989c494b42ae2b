package org.rectifywatch.model.wire;

/** Why something is overdue. */
public enum AlertKind {
    /** A dated commitment's due date has passed and the issue is not completed. */
    commitment_overdue,
    /** The issue is in progress with no dated commitment and the rectification window since feedback has passed. */
    rectification_overdue,
    /** A unit received an inspection's feedback and no rectification report of it has been seen within the period. */
    report_overdue
}
