package org.rectifywatch.ingest.attach;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.rectifywatch.ingest.decode.MojibakeCheck;
import org.rectifywatch.ingest.extract.AttachmentPointer;
import org.rectifywatch.ingest.fetch.AllowList;
import org.rectifywatch.ingest.fetch.FetchOutcome;
import org.rectifywatch.ingest.fetch.HttpFetcher;
import org.rectifywatch.ingest.fetch.SkipReason;
import org.rectifywatch.model.wire.Attachment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the report attachment an article points to ({@link AttachmentPointer}) and reads its text: through the
 * crawler's own {@link HttpFetcher} (the profile's allowed hosts, robots.txt, the per-host gap, retries) with the
 * attachment size cap, then {@link AttachmentText}.
 */
public final class AttachmentReader {
    private static final Logger log = LoggerFactory.getLogger(AttachmentReader.class);

    private final HttpFetcher fetcher;
    private final long maxBytes;

    public AttachmentReader(HttpFetcher fetcher, long maxBytes) {
        this.fetcher = fetcher;
        this.maxBytes = maxBytes;
    }

    /**
     * The report's text, or why there is none.
     *
     * @param text    the text, one paragraph per line (null when skipped)
     * @param reason  why it was not read (null when read)
     * @param detail  for the log: the attachment URL and what went wrong or what was read
     * @param settled true when the outcome will not change until the article does (a scan, an unreadable file): the
     *                crawler remembers the article and does not download the file again while the page is unchanged
     */
    public record Outcome(String text, SkipReason reason, String detail, boolean settled) {
        public boolean ok() {
            return reason == null;
        }

        static Outcome skipped(SkipReason reason, String detail, boolean settled) {
            return new Outcome(null, reason, detail, settled);
        }
    }

    public Outcome read(String site, Attachment attachment, AllowList allow) {
        String url;
        try {
            url = ascii(attachment.url());
        } catch (IllegalArgumentException e) {
            return Outcome.skipped(SkipReason.ATTACHMENT_UNREADABLE, "attachment " + attachment.url()
                    + ": not a usable URL (" + e.getMessage() + ")", true);
        }
        FetchOutcome o = fetcher.getFile(url, allow, maxBytes);
        if (!o.isOk()) {
            return Outcome.skipped(o.reason(), "attachment " + url + ": " + o.detail(), false);
        }
        AttachmentText.Result r = AttachmentText.read(o.body());
        return switch (r.status()) {
            case NEEDS_OCR -> Outcome.skipped(SkipReason.NEEDS_OCR, "attachment " + url + ": " + r.detail(), true);
            case UNREADABLE -> Outcome.skipped(SkipReason.ATTACHMENT_UNREADABLE, "attachment " + url + ": " + r.detail()
                    + contentType(o), true);
            case TEXT -> {
                if (r.text().isBlank()) {
                    yield Outcome.skipped(SkipReason.EMPTY_TEXT, "attachment " + url + ": no text in the " + r.format().label()
                            + " file", true);
                }
                Optional<String> garbled = MojibakeCheck.problem(r.text());
                if (garbled.isPresent()) {
                    yield Outcome.skipped(SkipReason.MOJIBAKE, "attachment " + url + ": its text is garbled ("
                            + garbled.get() + "); the file's fonts map glyphs to no usable characters", true);
                }
                log.info("{}: read the report from its attachment {} ({}, {} bytes)", site, url, r.detail(), o.body().length);
                yield new Outcome(r.text(), null, "attachment " + url + ": " + r.detail(), false);
            }
        };
    }

    /** The attachments with the one read first: the report's text is that file's. */
    public static Set<Attachment> readFirst(Attachment read, Set<Attachment> all) {
        Set<Attachment> ordered = new LinkedHashSet<>();
        ordered.add(read);
        ordered.addAll(all);
        return ordered;
    }

    private static String contentType(FetchOutcome o) {
        return o.contentType() == null ? "" : "; served as " + o.contentType();
    }

    /** The URL as the fetcher takes it: spaces and non-ASCII characters (Chinese file names) percent-encoded. */
    static String ascii(String url) {
        return URI.create(url.strip().replace(" ", "%20")).toASCIIString();
    }
}
