package org.rectifywatch.processor.topology;

import java.time.Instant;
import java.util.List;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.wire.Attachment;
import org.rectifywatch.processor.report.ContentSignature;
import org.rectifywatch.processor.report.IssueTokens;

/**
 * What the page stage tells the report stage of an inspected unit (keyed by the unit):
 * <ul>
 * <li>{@code VERSION}: a page's new analysis, with what the report record needs of the page (not its text);
 *     {@code movingTo} is set when the page now names another unit — the unit it was in handles it and hands the
 *     report over;</li>
 * <li>{@code RETRACT}: the page was taken down;</li>
 * <li>{@code HANDOVER}: a report's whole entry moving to the unit its page now names.</li>
 * </ul>
 * A version carries its issues' search tokens ({@code tokens}, parallel to {@code parsed.issues()}): the page stage
 * segmented those texts to classify them, and the report stage builds the records (null in events of older versions).
 */
public record PageEvent(Type type, String url, String site, String title, String pageDate, Instant fetchedAt, String sha256,
                        List<Attachment> attachments, int textLength, int version, String analysisVersion, ParsedReport parsed,
                        ContentSignature signature, String movingTo, String reason, ReportEntry entry,
                        List<IssueTokens> tokens) {
    public enum Type { VERSION, RETRACT, HANDOVER }

    static PageEvent retract(String url, String reason) {
        return new PageEvent(Type.RETRACT, url, null, null, null, null, null, List.of(), 0, 0, null, null, null, null, reason, null, null);
    }

    static PageEvent handover(ReportEntry entry) {
        return new PageEvent(Type.HANDOVER, entry.ownerUrl(), null, null, null, null, null, List.of(), 0, 0, null, null, null, null,
                null, entry, null);
    }

    PageEvent staying() {
        return new PageEvent(type, url, site, title, pageDate, fetchedAt, sha256, attachments, textLength, version, analysisVersion,
                parsed, signature, null, reason, entry, tokens);
    }
}
