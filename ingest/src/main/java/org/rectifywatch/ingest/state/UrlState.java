package org.rectifywatch.ingest.state;

import java.time.Instant;
import java.util.List;

/**
 * What the crawler remembers about one canonical URL (a record of the compacted {@code crawl.state} topic).
 * Records written before {@code parts} and {@code judgement} existed read them as null.
 *
 * @param url          canonical URL (also the record key)
 * @param etag         last ETag the server sent, for If-None-Match
 * @param lastModified last Last-Modified the server sent, for If-Modified-Since
 * @param sha256       SHA-256 of the last published text (null while nothing was published, e.g. a page judged not a
 *                     report); for a continuation page of a split article, SHA-256 of its own part of the text
 * @param lastSeen     when the URL last answered 200 or 304
 * @param publishedAt  when its current text was published
 * @param parts        the continuation pages of a split article, in order (first page only): each has a state of its
 *                     own with its validators; empty for a single page, null when not known (a record from before)
 * @param judgement    the {@link org.rectifywatch.ingest.extract.Judgement} version the page was last judged under (null
 *                     for a continuation page and in a record from before); a page judged not a report is fetched and
 *                     judged again once the version differs, a published one is not
 */
public record UrlState(String url, String etag, String lastModified, String sha256, Instant lastSeen, Instant publishedAt,
                       List<String> parts, String judgement) {

    public UrlState {
        parts = parts == null ? null : List.copyOf(parts);
    }

    public UrlState(String url, String etag, String lastModified, String sha256, Instant lastSeen, Instant publishedAt) {
        this(url, etag, lastModified, sha256, lastSeen, publishedAt, null, null);
    }

    /** The same state, seen again now (a 304). */
    public UrlState seen(Instant now) {
        return new UrlState(url, etag, lastModified, sha256, now, publishedAt, parts, judgement);
    }

    /** True for a page that was judged not a report (nothing published under this URL). */
    public boolean judgedNotAReport() {
        return sha256 == null;
    }
}
