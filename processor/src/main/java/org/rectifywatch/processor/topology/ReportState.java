package org.rectifywatch.processor.topology;

import java.util.List;

/** What the processor remembers per report: the content hash and version it last emitted, and its issue ids. */
public record ReportState(String sha256, int version, String unitKey, List<String> issueIds) {
}
