package org.rectifywatch.model.report;

/**
 * Report metadata, exactly the {@code meta} object of the annotation schema, plus the page title and the
 * inspecting body (省委, 中央, 区委 …) that the opening sentence names. Dates are ISO strings,
 * "YYYY-MM" when only the month is known.
 */
public record ReportMeta(
        String target,
        String signedBy,
        String provinceHint,
        String inspector,
        String inspectingBody,
        String inspectionKind,
        String inspectionStart,
        String inspectionEnd,
        String feedbackDate,
        String publishedDate,
        String reportKind,
        String title,
        Contact contact) {
}
