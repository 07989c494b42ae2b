package org.rectifywatch.model.report;

/** A typed parser warning with a human-readable detail. */
public record ParseWarning(WarningCode code, String detail) {
}
