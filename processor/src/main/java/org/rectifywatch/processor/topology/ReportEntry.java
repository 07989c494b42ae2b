package org.rectifywatch.processor.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.rectifywatch.model.wire.ReportRecord;
import org.rectifywatch.processor.report.ContentSignature;
import org.rectifywatch.processor.report.IssueIdentity.IssueRef;

/**
 * A report as the report stage of its unit keeps it: the page that owns it, the pages that mirror it, the
 * signature mirrors are recognised by, its issue ids with their problems (so ids stay across versions), and
 * its last report record (re-sent when its mirrors change).
 *
 * @param outputHash hash of the last emitted analysis: a re-analysis that changes nothing emits nothing
 */
public record ReportEntry(String reportId, String ownerUrl, String ownerSite, int version, String analysisVersion,
                          String outputHash, ContentSignature signature, List<Mirror> mirrors, List<IssueRef> issues,
                          ReportRecord record) {
    public ReportEntry {
        mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
        issues = issues == null ? List.of() : List.copyOf(issues);
    }

    /** A page publishing a copy of the report, and the hash of its text when last seen. */
    public record Mirror(String url, String site, Instant firstSeen, String sha256) {
    }

    List<String> urls() {
        List<String> out = new ArrayList<>();
        out.add(ownerUrl);
        mirrors.forEach(m -> out.add(m.url()));
        return out;
    }

    Mirror mirror(String url) {
        return mirrors.stream().filter(m -> m.url().equals(url)).findFirst().orElse(null);
    }

    ReportEntry withMirrors(List<Mirror> m) {
        return new ReportEntry(reportId, ownerUrl, ownerSite, version, analysisVersion, outputHash, signature, m, issues,
                record == null ? null : record.withMirrors(wire(m), ownerUrl, ownerSite));
    }

    ReportEntry withOwner(String url, String site, List<Mirror> m) {
        return new ReportEntry(reportId, url, site, version, analysisVersion, outputHash, signature, m, issues,
                record == null ? null : record.withMirrors(wire(m), url, site));
    }

    ReportEntry withAnalysisVersion(String v) {
        return new ReportEntry(reportId, ownerUrl, ownerSite, version, v, outputHash, signature, mirrors, issues, record);
    }

    static List<ReportRecord.Mirror> wire(List<Mirror> m) {
        return m.stream().map(x -> new ReportRecord.Mirror(x.url(), x.site(), x.firstSeen())).toList();
    }
}
