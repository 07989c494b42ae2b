package org.rectifywatch.processor.topology;

import java.util.List;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.processor.publication.InspectionFeedback;

/**
 * What the page stage remembers per page: the content hash, version and analysis version it last handled; for a
 * report the unit it was sent to, for a feedback notice the feedback it announced (so an edit or retraction can
 * take back what it said). A retracted page keeps its version counter, so a page published again goes on from it.
 */
public record ReportState(String sha256, int version, String unitKey, String kind, List<UnitFeedback> feedbacks,
                          String analysisVersion, boolean retracted) {
    public ReportState {
        feedbacks = feedbacks == null ? List.of() : feedbacks;
    }

    /** A feedback of a notice under the key of the unit it was given to. */
    public record UnitFeedback(String unitKey, InspectionFeedback feedback) {
    }

    boolean isNotice() {
        return RawReport.FEEDBACK_NOTICE.equals(kind);
    }

    ReportState retract() {
        return new ReportState(null, version, unitKey, kind, List.of(), analysisVersion, true);
    }
}
