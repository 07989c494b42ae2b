package org.rectifywatch.ingest.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.rectifywatch.ingest.profile.TitleFilter;
import org.rectifywatch.model.wire.Attachment;

/**
 * An article that is only a pointer to its report: many sites publish the report as a file under a one-line article
 * (现将…整改情况予以公布（附件）). Such an article has a readable attachment (PDF, DOCX, DOC, WPS), a short body (or a body
 * that says 附件 and is not much longer), and a report title: its own, its list link's, or the attachment's name.
 * The crawler then publishes the attachment's text as the report; {@code pipeline extract} says it would.
 *
 * <p>Which attachment: the first whose name reads as a report title; else, under a report title, the only readable
 * one, or the first whose name speaks of 整改 or 通报. A feedback announcement or a noise title is never a pointer.
 *
 * @param attachment the attachment to read
 * @param verdict    the page's class when it is read so: a report
 * @param reason     why, in words (for logs and {@code pipeline extract})
 */
public record AttachmentPointer(Attachment attachment, PageClass.Verdict verdict, String reason) {
    /** Attachment types whose text can be read (WPS Writer files are Word files). */
    public static final Set<String> READABLE = Set.of("pdf", "docx", "doc", "wps");
    /** A body of at most this many characters is short: a one-line pointer, never a report in its own right. */
    static final int SHORT_BODY = 200;
    /** A body that mentions an attachment (见附件, 附件：…) may run to this many characters and still be a pointer. */
    static final int SHORT_BODY_NAMING_ATTACHMENT = 600;
    private static final Pattern FILE_SUFFIX = Pattern.compile("\\.[A-Za-z]{2,4}$");

    public static Optional<AttachmentPointer> find(TitleFilter filter, String title, String linkTitle, String body,
                                                   List<Attachment> attachments) {
        List<Attachment> readable = attachments.stream()
                .filter(a -> a.type() != null && READABLE.contains(a.type().toLowerCase(Locale.ROOT))).toList();
        if (readable.isEmpty()) {
            return Optional.empty();
        }
        String text = body == null ? "" : body.strip();
        boolean namesAttachment = text.contains("附件");
        if (text.length() > (namesAttachment ? SHORT_BODY_NAMING_ATTACHMENT : SHORT_BODY)) {
            return Optional.empty();
        }
        PageClass.Verdict page = PageClass.of(filter, title, linkTitle, text);
        if (page.kind() == PageClass.Kind.FEEDBACK_NOTICE || page.kind() == PageClass.Kind.NOISE) {
            return Optional.empty();
        }
        String bodyNote = "body " + text.length() + " characters" + (namesAttachment ? ", names an attachment" : "");
        for (Attachment a : readable) {
            if (filter.verdict(name(a)) == TitleFilter.Verdict.REPORT) {
                PageClass.Verdict v = page.kind() == PageClass.Kind.REPORT ? page
                        : new PageClass.Verdict(PageClass.Kind.REPORT, "the attachment's name passes the title filter");
                return Optional.of(new AttachmentPointer(a, v, "the report is the attachment " + a.name() + " (" + bodyNote
                        + "; its name reads as a report title)"));
            }
        }
        if (page.kind() != PageClass.Kind.REPORT) {
            return Optional.empty();
        }
        Attachment chosen = readable.size() == 1 ? readable.get(0) : readable.stream()
                .filter(a -> name(a).contains("整改") || name(a).contains("通报")).findFirst().orElse(null);
        if (chosen == null) {
            return Optional.empty();
        }
        return Optional.of(new AttachmentPointer(chosen, page, "the report is the attachment " + chosen.name() + " ("
                + bodyNote + "; the article has a report title)"));
    }

    /** The attachment's name without a file suffix. */
    static String name(Attachment a) {
        String n = a.name() == null ? "" : a.name().strip();
        return FILE_SUFFIX.matcher(n).replaceFirst("");
    }
}
