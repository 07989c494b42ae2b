package org.rectifywatch.model.wire;

import java.time.Instant;
import java.util.List;

/**
 * What the crawler publishes to {@code reports.raw}, keyed by canonical URL.
 *
 * @param url       canonical URL of the article (for file input: {@code file:} + content hash)
 * @param site      site profile name, or "files" for local files
 * @param title     page title as found
 * @param pageDate  publish date found on the page (ISO date) or null
 * @param fetchedAt when the page was fetched
 * @param charset   charset the page was decoded with
 * @param sha256    SHA-256 (hex) of {@code text}: identical text means identical content
 * @param text      extracted body, one paragraph per line
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
        List<Attachment> attachments) {
}
