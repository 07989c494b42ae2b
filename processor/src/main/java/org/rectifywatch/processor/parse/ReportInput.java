package org.rectifywatch.processor.parse;

/**
 * What the parser is given: the report text (one paragraph per line, as the crawler extracts it) and, when
 * known, the page title, URL, page publish date (ISO, used as fallback for the published date) and file name.
 */
public record ReportInput(String text, String title, String url, String pageDate, String file) {

    public static ReportInput ofText(String text) {
        return new ReportInput(text, null, null, null, null);
    }

    public ReportInput withFile(String newFile) {
        return new ReportInput(text, title, url, pageDate, newFile);
    }
}
