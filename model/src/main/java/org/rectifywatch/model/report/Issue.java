package org.rectifywatch.model.report;

import java.util.List;

/**
 * One rectification issue as the parser and classifier see it: the annotation schema's issue object
 * (seq … commitments) plus what the product needs beyond the gold: the rectification text, the phrase
 * that decided the status, and the classification details.
 */
public record Issue(
        int seq,
        String label,
        List<String> path,
        String problem,
        int line,
        String topic,
        String topic2,
        String status,
        List<Commitment> commitments,
        String rectification,
        String statusEvidence,
        String pillar,
        Double topicConfidence,
        List<String> topicTerms,
        List<String> keywords,
        String classifierVersion) {

    /** A parsed but not yet classified issue. */
    public static Issue parsed(int seq, String label, List<String> path, String problem, int line, String status,
                               String statusEvidence, List<Commitment> commitments, String rectification) {
        return new Issue(seq, label, List.copyOf(path), problem, line, null, null, status, List.copyOf(commitments),
                rectification, statusEvidence, null, null, List.of(), List.of(), null);
    }

    /** This issue with the classifier's verdict filled in. */
    public Issue classified(String topic, String topic2, String pillar, double confidence, List<String> terms,
                            List<String> keywords, String classifierVersion) {
        return new Issue(seq, label, path, problem, line, topic, topic2, status, commitments, rectification,
                statusEvidence, pillar, confidence, List.copyOf(terms), List.copyOf(keywords), classifierVersion);
    }
}
