package org.rectifywatch.model.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.rectifywatch.model.report.Commitment;

/**
 * One classified issue on {@code issues.classified}, keyed by issue id, with its report's metadata
 * denormalised onto it so that one search document answers a dashboard query. The {@code *Tokens}
 * fields are HanLP-segmented, space-joined text for a whitespace-analysed search field.
 *
 * <p>Its JSON is, field for field, the issue search document (the sink only adds {@code @timestamp}), so the
 * sink can index the bytes as they arrive instead of binding and re-serialising every issue.
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
        @JsonProperty("province") String provinceHint,
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

    /** Written for the search document; ignored when read back (it follows from {@link #commitments}). */
    @JsonProperty(value = "commitment_count", access = JsonProperty.Access.READ_ONLY)
    public int commitmentCount() {
        return commitments == null ? 0 : commitments.size();
    }
}
