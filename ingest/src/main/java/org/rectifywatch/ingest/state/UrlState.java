package org.rectifywatch.ingest.state;

import java.time.Instant;

/**
 * What the crawler remembers about one canonical URL (a record of the compacted {@code crawl.state} topic).
 *
 * @param url          canonical URL (also the record key)
 * @param etag         last ETag the server sent, for If-None-Match
 * @param lastModified last Last-Modified the server sent, for If-Modified-Since
 * @param sha256       SHA-256 of the last published text (null while nothing was published)
 * @param lastSeen     when the URL last answered 200 or 304
 * @param publishedAt  when its current text was published
 */
public record UrlState(String url, String etag, String lastModified, String sha256, Instant lastSeen, Instant publishedAt) {
}
