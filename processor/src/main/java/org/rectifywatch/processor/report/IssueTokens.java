package org.rectifywatch.processor.report;

/**
 * An issue's problem and rectification texts segmented for search (see {@code ChineseTokenizer.searchTokens}). Made
 * where the issue was classified, while its segmentation is at hand, and carried to where its record is built, so that
 * no text is segmented twice.
 */
public record IssueTokens(String problem, String rectification) {
}
