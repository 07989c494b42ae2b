package org.rectifywatch.ingest.fetch;

/**
 * The result of one logical GET (after redirects and retries).
 *
 * @param status       OK (body present), NOT_MODIFIED (304 on a conditional GET) or SKIPPED (reason set)
 * @param finalUrl     URL that answered (after allowed redirects)
 * @param body         response bytes (OK only)
 * @param contentType  Content-Type header or null
 * @param etag         ETag header or null
 * @param lastModified Last-Modified header or null
 * @param reason       why the URL was skipped (SKIPPED only)
 * @param detail       human-readable detail for the log
 */
public record FetchOutcome(Status status, String finalUrl, byte[] body, String contentType, String etag,
                           String lastModified, SkipReason reason, String detail) {

    public enum Status { OK, NOT_MODIFIED, SKIPPED }

    public static FetchOutcome ok(String url, byte[] body, String contentType, String etag, String lastModified) {
        return new FetchOutcome(Status.OK, url, body, contentType, etag, lastModified, null, null);
    }

    public static FetchOutcome notModified(String url) {
        return new FetchOutcome(Status.NOT_MODIFIED, url, null, null, null, null, null, null);
    }

    public static FetchOutcome skipped(String url, SkipReason reason, String detail) {
        return new FetchOutcome(Status.SKIPPED, url, null, null, null, null, reason, detail);
    }

    public boolean isOk() {
        return status == Status.OK;
    }
}
