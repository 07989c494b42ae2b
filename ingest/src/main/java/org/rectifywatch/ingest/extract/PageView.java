package org.rectifywatch.ingest.extract;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import org.rectifywatch.model.wire.Attachment;

/**
 * A page as the crawler sees it ({@code pipeline extract}): what kind of page it is, what the extractor takes
 * from it, and why.
 *
 * @param source        the file or URL given
 * @param url           the address the page was read as (links are resolved and the profile matched against it)
 * @param kind          article, list, challenge, feedback_notice or not_a_report
 * @param title         extracted title, or null
 * @param published     publish date shown on the page (ISO yyyy-MM-dd), or null
 * @param body          extracted body, one paragraph per line ("" for lists and challenges)
 * @param attachments   linked PDF/DOC/… files of an article
 * @param links         article links of a list page (url, title, date)
 * @param nextPages     further list pages (from the profile's pagination or the page) or an article's continuation pages
 * @param charset       the charset the page was decoded with
 * @param charsetSource how it was decided: profile, bom, header, meta or detected, with the declaration it overrode
 *                      when one garbled the page (e.g. {@code detected over header utf-8})
 * @param reasons       the profile used and why the page got its kind
 */
public record PageView(String source, String url, Kind kind, String title, String published, String body,
                       List<Attachment> attachments, List<ListPage.Link> links, List<String> nextPages, String charset,
                       String charsetSource, List<String> reasons) {

    public enum Kind {
        ARTICLE, LIST, CHALLENGE, FEEDBACK_NOTICE, NOT_A_REPORT;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public PageView {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        links = links == null ? List.of() : List.copyOf(links);
        nextPages = nextPages == null ? List.of() : List.copyOf(nextPages);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        body = body == null ? "" : body;
    }

    public PageView withSource(String newSource) {
        return new PageView(newSource, url, kind, title, published, body, attachments, links, nextPages, charset,
                charsetSource, reasons);
    }
}
