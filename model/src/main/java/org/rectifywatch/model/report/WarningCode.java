package org.rectifywatch.model.report;

/** Verdicts of the parser that the processor routes on. */
public enum WarningCode {
    /** The text does not read as a rectification report (news item, empty page, junk). */
    NOT_A_REPORT,
    /** A report, but no rectification issue could be segmented. */
    NO_ISSUES_FOUND,
    /** The text stops before the report's end (cut opening sentence, no closing part). */
    TRUNCATED,
    /** The text is larger than the parser accepts; only a prefix was looked at. */
    TOO_LARGE;

    /** Warnings that make a report unfit for indexing: it goes to the dead-letter topic instead. */
    public boolean rejects() {
        return this != TRUNCATED;
    }
}
