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
    TOO_LARGE,
    /**
     * An item of a run of problem headings that did not become an issue (it reads as an action, or as a heading
     * of its own kind): the issue may be lost. Names the item's line.
     */
    ITEM_NOT_AN_ISSUE,
    /** The source's own numbering skips or repeats an ordinal in a run of siblings (5. after 3.). Names the line. */
    NUMBERING_GAP,
    /** A content line inside the problem section that belongs to no issue and to no known section. Names the line. */
    UNASSIGNED_LINE;

    /** Warnings that make a report unfit for indexing: it goes to the dead-letter topic instead. */
    public boolean rejects() {
        return this == NOT_A_REPORT || this == NO_ISSUES_FOUND || this == TOO_LARGE;
    }

    /** Warnings about one place of an otherwise usable report (they carry the line). */
    public boolean isAboutALine() {
        return this == ITEM_NOT_AN_ISSUE || this == NUMBERING_GAP || this == UNASSIGNED_LINE;
    }
}
