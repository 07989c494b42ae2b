package org.rectifywatch.ingest.fetch;

import java.util.Locale;

/** Why a URL was not published in this pass. Failures are retried in the next pass; refusals are not errors. */
public enum SkipReason {
    NOT_ALLOWED_HOST(false),
    PRIVATE_ADDRESS(false),
    ROBOTS_DISALLOWED(false),
    REDIRECT_REFUSED(false),
    TOO_MANY_REDIRECTS(false),
    /** A redirect whose Location header is not a URL: the site's fault, retried next pass. */
    BAD_REDIRECT(true),
    TOO_LARGE(false),
    NOT_A_REPORT(false),
    CHALLENGE(true),
    MOJIBAKE(false),
    EMPTY_TEXT(false),
    NOT_HTML(false),
    /** A report published only as a scan (a PDF without a text layer, a Word file of pictures): nothing to read without OCR. */
    NEEDS_OCR(false),
    /** A report attachment that is no PDF, DOCX, DOC or WPS file, or that its parser could not read. */
    ATTACHMENT_UNREADABLE(false),
    HTTP_STATUS(true),
    TIMEOUT(true),
    RETRY_AFTER_TOO_LONG(true),
    NETWORK(true),
    MULTIPAGE_INCOMPLETE(true);

    private final boolean failure;

    SkipReason(boolean failure) {
        this.failure = failure;
    }

    /** True when the site or network failed (counted as an error); false for deliberate refusals. */
    public boolean failure() {
        return failure;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
