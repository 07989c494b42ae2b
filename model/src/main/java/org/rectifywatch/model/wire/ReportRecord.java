package org.rectifywatch.model.wire;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.rectifywatch.model.report.ParseWarning;
import org.rectifywatch.model.report.ReportMeta;

/**
 * One parsed report on {@code reports.parsed}, keyed by report id. {@code version} grows each time the report's
 * analysis changes (its text was edited, or a new parser reads it differently); versions are increasing, not
 * necessarily consecutive. {@code statusCounts} and {@code topicCounts} summarise its issues.
 *
 * @param mirrors     other pages that publish the same report (the first URL seen owns it; {@code url})
 * @param retractedAt when the report was taken down; its issues are deleted and its alerts withdrawn
 */
public record ReportRecord(
        String reportId,
        int version,
        String url,
        String site,
        String title,
        String pageDate,
        String sha256,
        Instant fetchedAt,
        Instant processedAt,
        ReportMeta meta,
        Map<String, Number> figures,
        int issueCount,
        Map<String, Integer> statusCounts,
        Map<String, Integer> topicCounts,
        int commitmentCount,
        int textLength,
        List<ParseWarning> warnings,
        List<Attachment> attachments,
        String parserVersion,
        String classifierVersion,
        List<Mirror> mirrors,
        Instant retractedAt) {

    /** A page that publishes a copy of the report. */
    public record Mirror(String url, String site, Instant firstSeen) {
    }

    public ReportRecord {
        mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
    }

    public ReportRecord withMirrors(List<Mirror> m, String ownerUrl, String ownerSite) {
        return new ReportRecord(reportId, version, ownerUrl, ownerSite, title, pageDate, sha256, fetchedAt, processedAt, meta,
                figures, issueCount, statusCounts, topicCounts, commitmentCount, textLength, warnings, attachments, parserVersion,
                classifierVersion, m, retractedAt);
    }

    public ReportRecord retracted(Instant at, int newVersion) {
        return new ReportRecord(reportId, newVersion, url, site, title, pageDate, sha256, fetchedAt, at, meta, figures, 0, Map.of(),
                Map.of(), 0, textLength, warnings, attachments, parserVersion, classifierVersion, mirrors, at);
    }
}
