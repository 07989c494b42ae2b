package org.rectifywatch.samples.site;

import java.time.Instant;

/**
 * One article the sample site serves.
 *
 * @param name         sample name (or a fixed id for noise/challenge items)
 * @param path         URL path of its first page
 * @param title        title shown on list and article page
 * @param listTitle    link text on the list page (may be cut short like real lists)
 * @param pageDate     ISO date shown on the page
 * @param text         article text, one paragraph per line
 * @param layout       CMS family of the page
 * @param gbk          served GBK-encoded with a gb2312 meta declaration and no charset in the header
 * @param pages        pages the article is split over (TRS createPageHTML_ZW)
 * @param version      bumped by every edit (drives the ETag)
 * @param lastModified Last-Modified of the current version
 * @param kind         report, inspection feedback notice, noise, challenge, robots-disallowed or a scanned report
 * @param file         the file the report is published as, under a one-line article that links it; null for an article
 *                     that holds its text (with a file, {@code text} is the file's text, what a crawler must publish)
 */
public record SiteArticle(String name, String path, String title, String listTitle, String pageDate, String text,
                          Layout layout, boolean gbk, int pages, int version, Instant lastModified, Kind kind,
                          ReportFile file) {

    /** TRS WCM-like, Hanweb-like, or a plain government portal page no profile describes. */
    public enum Layout { TRS, HANWEB, PLAIN }

    /** {@code SCANNED}: a report published only as a scanned PDF (pictures of pages, no text to read). */
    public enum Kind { REPORT, NOTICE, NOISE, CHALLENGE, DISALLOWED, SCANNED }

    /** What a report file is made as. */
    public enum Format {
        PDF("application/pdf", "pdf"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        SCANNED_PDF("application/pdf", "pdf");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }
    }

    /**
     * A report file the site serves.
     *
     * @param path     URL path of the file
     * @param linkText the link's text on the article (the file name as sites show it)
     * @param format   how it is made
     */
    public record ReportFile(String path, String linkText, Format format) {
    }

    /** An article that holds its own text. */
    public SiteArticle(String name, String path, String title, String listTitle, String pageDate, String text,
                       Layout layout, boolean gbk, int pages, int version, Instant lastModified, Kind kind) {
        this(name, path, title, listTitle, pageDate, text, layout, gbk, pages, version, lastModified, kind, null);
    }

    SiteArticle edited(String newText, Instant at) {
        return new SiteArticle(name, path, title, listTitle, pageDate, newText, layout, gbk, pages, version + 1, at, kind,
                file);
    }

    String etag() {
        return "\"" + Integer.toHexString((path + "#" + version + "#" + text.hashCode()).hashCode()) + "-" + version + "\"";
    }
}
