package org.rectifywatch.processor.topology;

import java.time.Instant;
import java.util.List;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.wire.Attachment;
import org.rectifywatch.processor.report.ContentSignature;

/**
 * What the page stage tells the report stage of an inspected unit (keyed by the unit):
 * <ul>
 * <li>{@code VERSION}: a page's new analysis, with what the report record needs of the page (not its text);
 *     {@code movingTo} is set when the page now names another unit — the unit it was in handles it and hands the
 *     report over;</li>
 * <li>{@code RETRACT}: the page was taken down;</li>
 * <li>{@code HANDOVER}: a report's whole entry moving to the unit its page now names.</li>
 * </ul>
 */
public record PageEvent(Type type, String url, String site, String title, String pageDate, Instant fetchedAt, String sha256,
                        List<Attachment> attachments, int textLength, int version, String analysisVersion, ParsedReport parsed,
                        ContentSignature signature, String movingTo, String reason, ReportEntry entry) {
    public enum Type { VERSION, RETRACT, HANDOVER }

    static PageEvent retract(String url, String reason) {
        return new PageEvent(Type.RETRACT, url, null, null, null, null, null, List.of(), 0, 0, null, null, null, null, reason, null);
    }

    static PageEvent handover(ReportEntry entry) {
        return new PageEvent(Type.HANDOVER, entry.ownerUrl(), null, null, null, null, null, List.of(), 0, 0, null, null, null, null,
                null, entry);
    }

    PageEvent staying() {
        return new PageEvent(type, url, site, title, pageDate, fetchedAt, sha256, attachments, textLength, version, analysisVersion,
                parsed, signature, null, reason, entry);
    }
}
