package org.rectifywatch.processor.publication;

/** A rectification report of a unit, as far as answering its inspections goes. */
public record SeenReport(String reportId, String url, String title, String target, String inspector, String feedbackDate,
                         String publishedDate) {
}
