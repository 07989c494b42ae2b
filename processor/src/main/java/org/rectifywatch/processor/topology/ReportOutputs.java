package org.rectifywatch.processor.topology;

import java.util.List;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.ReportRecord;

/**
 * Everything one new report version produces, travelling as one record to the mirror check (keyed by the
 * report's content key) so that a mirror's outputs are dropped or passed as a whole.
 *
 * @param previousIssueIds every issue id of the report's previous version (empty for a first version)
 * @param removedIssueIds  the previous ids the new version no longer has (their tombstones)
 */
public record ReportOutputs(
        String reportId,
        String contentKey,
        ReportRecord report,
        List<IssueRecord> issues,
        String unitKey,
        String previousUnitKey,
        List<String> previousIssueIds,
        List<String> removedIssueIds) {
}
