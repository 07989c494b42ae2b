package org.rectifywatch.model.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A typed parser warning with a human-readable detail and, for warnings about one place of the text, the 1-based
 * input line it is about ({@code null} for report-wide verdicts).
 */
public record ParseWarning(WarningCode code, String detail,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer line) {

    /** A report-wide warning, about no particular line. */
    public ParseWarning(WarningCode code, String detail) {
        this(code, detail, null);
    }

    /** A warning about line {@code line} (1-based) of the input. */
    public static ParseWarning at(WarningCode code, int line, String detail) {
        return new ParseWarning(code, detail, line);
    }
}
