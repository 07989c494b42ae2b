package org.rectifywatch.model.wire;

import java.time.Instant;
import java.util.List;

/**
 * What the crawler publishes to {@code reports.raw}, keyed by canonical URL.
 *
 * @param url       canonical URL of the article (for local files: {@code file:} + the file's path below its argument's parent, e.g.
 *                  {@code file:archive/2024/b.html}; see {@code LocalFiles})
 * @param site      site profile name, or "files" for local files
 * @param title     page title as found
 * @param pageDate  publish date found on the page (ISO date) or null
 * @param fetchedAt when the page was fetched
 * @param charset   charset the page was decoded with
 * @param sha256    SHA-256 (hex) of {@code text}: identical text means identical content
 * @param text      extracted body, one paragraph per line
 * @param kind      {@value #REPORT} (also when absent) or {@value #FEEDBACK_NOTICE}: an announcement that an
 *                  inspection team gave its feedback to a unit, which from then on owes a rectification report
 */
public record RawReport(
        String url,
        String site,
        String title,
        String pageDate,
        Instant fetchedAt,
        String charset,
        String sha256,
        String text,
        List<Attachment> attachments,
        String kind) {
    public static final String REPORT = "report";
    public static final String FEEDBACK_NOTICE = "feedback_notice";

    /** A rectification report (the default kind). */
    public RawReport(String url, String site, String title, String pageDate, Instant fetchedAt, String charset, String sha256,
                     String text, List<Attachment> attachments) {
        this(url, site, title, pageDate, fetchedAt, charset, sha256, text, attachments, REPORT);
    }

    public static boolean isFeedbackNotice(RawReport r) {
        return r != null && FEEDBACK_NOTICE.equals(r.kind());
    }
}
