package org.rectifywatch.processor.topology;

import java.util.List;
import org.rectifywatch.processor.publication.InspectionFeedback;

/**
 * What the processor remembers per page: the content hash and version it last emitted; for a report its unit and
 * issue ids, for a feedback notice the feedback it announced (so an edit or retraction can take back what it said).
 */
public record ReportState(String sha256, int version, String unitKey, List<String> issueIds, String kind,
                          List<UnitFeedback> feedbacks) {
    public ReportState {
        issueIds = issueIds == null ? List.of() : issueIds;
        feedbacks = feedbacks == null ? List.of() : feedbacks;
    }

    /** A feedback of a notice under the key of the unit it was given to. */
    public record UnitFeedback(String unitKey, InspectionFeedback feedback) {
    }

    boolean isNotice() {
        return org.rectifywatch.model.wire.RawReport.FEEDBACK_NOTICE.equals(kind);
    }
}
