package org.rectifywatch.processor.segment;

import java.util.List;
import org.rectifywatch.model.report.ParseWarning;

/**
 * What the segmenter made of a report body: the issues, a line-level warning for every place where an issue may
 * have been lost, and which lines are report-level text (opening, group leads, summaries, closing) — the only text
 * report-wide figures may come from.
 */
public record Segmentation(List<SegmentedIssue> issues, List<ParseWarning> warnings, boolean[] reportLevel) {
}
