package org.rectifywatch.processor.publication;

import java.util.List;

/**
 * What a feedback notice says: every (unit, team) that received feedback, once each, in the order the notice
 * names them, and warnings about what was missing or doubtful (each names the sentence concerned). No feedbacks
 * means nothing could be read; the warnings then say what was missing.
 */
public record NoticeReading(List<InspectionFeedback> feedbacks, List<String> warnings) {
    public NoticeReading {
        feedbacks = feedbacks == null ? List.of() : List.copyOf(feedbacks);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
