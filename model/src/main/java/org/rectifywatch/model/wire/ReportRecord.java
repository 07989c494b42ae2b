package org.rectifywatch.model.wire;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.rectifywatch.model.report.ParseWarning;
import org.rectifywatch.model.report.ReportMeta;

/**
 * One parsed report on {@code reports.parsed}, keyed by report id. {@code version} grows by one each
 * time the site changes the report's text; {@code statusCounts} and {@code topicCounts} summarise its issues.
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
        String classifierVersion) {
}
