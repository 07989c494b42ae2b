package org.rectifywatch.processor.segment;

import java.util.List;

/**
 * One issue found by the segmenter: where it starts (0-based line index), its ordinal, the enclosing headings,
 * the problem statement and the rectification text; {@code firstLine..lastLine} (0-based, inclusive) is its span.
 */
public record SegmentedIssue(String label, List<String> path, String problem, int firstLine, int lastLine,
                             String rectification) {
}
