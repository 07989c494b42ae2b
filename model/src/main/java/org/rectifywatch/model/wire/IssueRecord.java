package org.rectifywatch.model.wire;

import java.time.Instant;
import java.util.List;
import org.rectifywatch.model.report.Commitment;

/**
 * One classified issue on {@code issues.classified}, keyed by issue id, with its report's metadata
 * denormalised onto it so that one search document answers a dashboard query. The {@code *Tokens}
 * fields are HanLP-segmented, space-joined text for a whitespace-analysed search field.
 */
public record IssueRecord(
        String issueId,
        String reportId,
        int reportVersion,
        int seq,
        String label,
        List<String> path,
        String problem,
        String rectification,
        int line,
        String topic,
        String topic2,
        String pillar,
        double topicConfidence,
        List<String> topicTerms,
        List<String> keywords,
        String problemTokens,
        String rectificationTokens,
        String status,
        String statusEvidence,
        List<Commitment> commitments,
        String classifierVersion,
        // report metadata, denormalised
        String target,
        String provinceHint,
        String inspector,
        String inspectionKind,
        String reportKind,
        String inspectionStart,
        String inspectionEnd,
        String feedbackDate,
        String publishedDate,
        String reportUrl,
        String reportTitle,
        String site,
        Instant processedAt) {
}
