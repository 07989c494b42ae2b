package org.rectifywatch.ingest.extract;

import java.util.List;
import org.rectifywatch.model.wire.Attachment;

/**
 * What an article page holds.
 *
 * @param title       article title, or null
 * @param pageDate    publish date shown on the page (ISO yyyy-MM-dd), or null
 * @param text        body, one paragraph per line, page chrome removed
 * @param attachments linked PDF/DOC/DOCX/OFD/WPS files
 */
public record ExtractedArticle(String title, String pageDate, String text, List<Attachment> attachments) {
    public ExtractedArticle {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        text = text == null ? "" : text;
    }
}
