package org.rectifywatch.processor.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.report.Issue;
import org.rectifywatch.model.report.ParseWarning;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.report.ReportMeta;
import org.rectifywatch.model.wire.DeadLetters;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.ReportRecord;
import org.rectifywatch.processor.classify.IssueClassifier;
import org.rectifywatch.processor.deadline.DeadlineEvent;
import org.rectifywatch.processor.deadline.TrackedIssue;
import org.rectifywatch.processor.deadline.UnitKey;
import org.rectifywatch.processor.publication.FeedbackNoticeParser;
import org.rectifywatch.processor.publication.InspectionEvent;
import org.rectifywatch.processor.publication.InspectionFeedback;
import org.rectifywatch.processor.publication.NoticeReading;
import org.rectifywatch.processor.publication.SeenReport;
import org.rectifywatch.processor.report.ReportAnalyzer;
import org.rectifywatch.processor.report.ReportIds;
import org.rectifywatch.processor.report.WireRecords;
import org.rectifywatch.processor.service.ProcessorMetrics;
import org.rectifywatch.model.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versions pages by content: the same text again emits nothing; new or changed text is analysed and emitted as a
 * new version. A report yields its issues, tombstones for issues the new version no longer has, the issues'
 * deadline events and the report itself for the publication tracker; a feedback notice yields the inspections it
 * announces (and takes back those an edit no longer names). A tombstone on {@code reports.raw} retracts the page:
 * its issues are deleted and their alerts withdrawn. Pages the parsers reject, and failures, become dead letters
 * with their reason; the previous version stays.
 */
final class ReportVersioner implements Processor<String, RawReport, String, Envelope> {
    static final String STORE = "report-versions";
    private static final Logger log = LoggerFactory.getLogger(ReportVersioner.class);

    private final ReportAnalyzer analyzer;
    private final WireRecords records;
    private final ProcessorMetrics metrics;
    private ProcessorContext<String, Envelope> context;
    private KeyValueStore<String, ReportState> store;

    ReportVersioner(ReportAnalyzer analyzer, WireRecords records, ProcessorMetrics metrics) {
        this.analyzer = analyzer;
        this.records = records;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Envelope> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, RawReport> record) {
        RawReport raw = record.value();
        if (raw == null) {
            retract(record);
            return;
        }
        metrics.reportsIn.incrementAndGet();
        String url = raw.url() != null ? raw.url() : record.key();
        if (url == null) {
            deadLetter(record, "NO_URL", "record has neither a url field nor a key: the crawler must key reports by canonical URL");
            return;
        }
        RawReport withHash = raw.sha256() != null ? raw
                : new RawReport(url, raw.site(), raw.title(), raw.pageDate(), raw.fetchedAt(), raw.charset(),
                ReportIds.sha256Hex(raw.text() == null ? "" : raw.text()), raw.text(), raw.attachments(), raw.kind());
        String reportId = ReportIds.reportId(url);
        ReportState previous = store.get(reportId);
        if (previous != null && previous.sha256().equals(withHash.sha256())) {
            metrics.reportsUnchanged.incrementAndGet();
            return;
        }
        if (previous != null && previous.isNotice() != RawReport.isFeedbackNotice(withHash)) {
            takeBack(record, reportId, previous, "the page " + url + " is now " + (previous.isNotice() ? "a report" : "a feedback notice"));
        }
        if (RawReport.isFeedbackNotice(withHash)) {
            notice(record, reportId, previous, withHash);
            return;
        }
        ParsedReport parsed;
        try {
            parsed = analyzer.analyze(withHash);
        } catch (RuntimeException e) {
            log.warn("report {} ({}) could not be analysed: {}", reportId, url, e.toString());
            deadLetter(record, "PROCESSING_ERROR", e.toString());
            return;
        }
        List<ParseWarning> rejecting = parsed.warnings().stream().filter(w -> w.code().rejects()).toList();
        if (!rejecting.isEmpty()) {
            ParseWarning w = rejecting.get(0);
            log.info("report {} ({}) sent to {}: {} {}", reportId, url, Topics.REPORTS_DLQ, w.code(), w.detail());
            deadLetter(record, w.code().name(), w.detail());
            return;
        }
        emit(record, reportId, previous, withHash, parsed);
    }

    private void emit(Record<String, RawReport> record, String reportId, ReportState previous, RawReport raw, ParsedReport parsed) {
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        int version = previous == null ? 1 : previous.version() + 1;
        long ts = record.timestamp();
        ReportRecord report = records.report(reportId, version, raw, parsed, now, IssueClassifier.VERSION);
        String unitKey = UnitKey.of(parsed.meta(), raw.site(), reportId); // one unit's issues meet in one task
        // a report that now names another unit: its tracked issues are sent where they are, and move from there
        String trackedIn = previous != null && !previous.isNotice() && previous.unitKey() != null ? previous.unitKey() : unitKey;
        Set<String> before = previous == null ? Set.of() : new HashSet<>(previous.issueIds());
        List<String> ids = ReportIds.issueIds(reportId, parsed.issues());
        context.forward(new Record<>(reportId, Envelope.report(report), ts));
        for (int n = 0; n < parsed.issues().size(); n++) {
            Issue issue = parsed.issues().get(n);
            IssueRecord ir = records.issue(ids.get(n), reportId, version, raw, parsed, issue, now);
            context.forward(new Record<>(ir.issueId(), Envelope.issue(ir), ts));
            String route = before.contains(ir.issueId()) ? trackedIn : unitKey;
            context.forward(new Record<>(route, Envelope.deadline(DeadlineEvent.upsert(TrackedIssue.of(ir, unitKey))), ts));
        }
        Set<String> current = new HashSet<>(ids);
        for (String gone : before) {
            if (!current.contains(gone)) {
                context.forward(new Record<>(gone, Envelope.issueDeleted(), ts));
                context.forward(new Record<>(trackedIn, Envelope.deadline(DeadlineEvent.remove(gone,
                        "removed from its report in version " + version + ": " + raw.url())), ts));
                metrics.issuesDeleted.incrementAndGet();
            }
        }
        if (!trackedIn.equals(unitKey)) {
            context.forward(new Record<>(trackedIn, Envelope.inspection(InspectionEvent.reportWithdrawn(reportId,
                    "the report now names another unit")), ts));
        }
        ReportMeta m = parsed.meta();
        context.forward(new Record<>(unitKey, Envelope.inspection(InspectionEvent.report(new SeenReport(reportId, raw.url(),
                report.title(), m.target(), m.inspector(), m.feedbackDate(), m.publishedDate() != null ? m.publishedDate() : raw.pageDate()))), ts));
        store.put(reportId, new ReportState(raw.sha256(), version, unitKey, ids, RawReport.REPORT, List.of()));
        metrics.reportsParsed.incrementAndGet();
        metrics.issuesOut.addAndGet(ids.size());
    }

    /** A feedback notice: the inspections it announces go to the publication tracker of each unit it names. */
    private void notice(Record<String, RawReport> record, String reportId, ReportState previous, RawReport raw) {
        NoticeReading reading;
        try {
            reading = FeedbackNoticeParser.parse(raw.title(), raw.text(), raw.pageDate());
        } catch (RuntimeException e) {
            log.warn("feedback notice {} ({}) could not be read: {}", reportId, raw.url(), e.toString());
            deadLetter(record, "PROCESSING_ERROR", e.toString());
            return;
        }
        List<ReportState.UnitFeedback> current = new ArrayList<>();
        List<String> unplaced = new ArrayList<>();
        for (InspectionFeedback f : reading.feedbacks()) {
            String unitKey = UnitKey.ofName(f.unit(), raw.site());
            if (unitKey == null) {
                unplaced.add(f.unit());
            } else if (current.stream().noneMatch(u -> u.unitKey().equals(unitKey) && Objects.equals(u.feedback().team(), f.team()))) {
                current.add(new ReportState.UnitFeedback(unitKey, f));
            }
        }
        if (current.isEmpty()) {
            String why = "no inspected unit and feedback could be read from the notice"
                    + (reading.warnings().isEmpty() ? "" : ": " + String.join("; ", reading.warnings()))
                    + (unplaced.isEmpty() ? "" : "; unit names without a core: " + unplaced);
            log.info("feedback notice {} ({}) sent to {}: {}", reportId, raw.url(), Topics.REPORTS_DLQ, why);
            deadLetter(record, "NO_FEEDBACK_FOUND", why);
            return;
        }
        if (!reading.warnings().isEmpty() || !unplaced.isEmpty()) {
            log.warn("feedback notice {} ({}): {}{}", reportId, raw.url(), String.join("; ", reading.warnings()),
                    unplaced.isEmpty() ? "" : "; unit names without a core, not tracked: " + unplaced);
        }
        int version = previous == null ? 1 : previous.version() + 1;
        long ts = record.timestamp();
        for (ReportState.UnitFeedback u : current) {
            context.forward(new Record<>(u.unitKey(), Envelope.inspection(InspectionEvent.feedback(reportId, raw.url(), raw.title(),
                    u.feedback())), ts));
        }
        if (previous != null && previous.isNotice()) {
            for (ReportState.UnitFeedback old : previous.feedbacks()) {
                if (!current.contains(old)) {
                    context.forward(new Record<>(old.unitKey(), Envelope.inspection(InspectionEvent.feedbackWithdrawn(reportId,
                            old.feedback(), "the feedback notice no longer announces it (version " + version + "): " + raw.url())), ts));
                }
            }
        }
        store.put(reportId, new ReportState(raw.sha256(), version, null, List.of(), RawReport.FEEDBACK_NOTICE, List.copyOf(current)));
        metrics.noticesParsed.incrementAndGet();
    }

    /** A tombstone on reports.raw: the page was taken down, and with it what it said. */
    private void retract(Record<String, RawReport> record) {
        if (record.key() == null) {
            return;
        }
        String reportId = ReportIds.reportId(record.key());
        ReportState previous = store.get(reportId);
        if (previous == null) {
            return;
        }
        takeBack(record, reportId, previous, "retracted: " + record.key());
        if (!previous.isNotice()) {
            context.forward(new Record<>(reportId, Envelope.reportDeleted(), record.timestamp()));
        }
        store.delete(reportId);
        log.info("page {} ({}) retracted: {} issue(s), {} feedback(s) taken back", reportId, record.key(),
                previous.issueIds().size(), previous.feedbacks().size());
    }

    /** Withdraws what a page said: its issues (deleted, their alerts withdrawn) or the feedback it announced. */
    private void takeBack(Record<String, RawReport> record, String reportId, ReportState previous, String why) {
        long ts = record.timestamp();
        if (previous.isNotice()) {
            for (ReportState.UnitFeedback old : previous.feedbacks()) {
                context.forward(new Record<>(old.unitKey(), Envelope.inspection(InspectionEvent.feedbackWithdrawn(reportId,
                        old.feedback(), "feedback notice " + why)), ts));
            }
            return;
        }
        for (String gone : previous.issueIds()) {
            context.forward(new Record<>(gone, Envelope.issueDeleted(), ts));
            context.forward(new Record<>(previous.unitKey(), Envelope.deadline(DeadlineEvent.remove(gone, "report " + why)), ts));
            metrics.issuesDeleted.incrementAndGet();
        }
        context.forward(new Record<>(previous.unitKey(), Envelope.inspection(InspectionEvent.reportWithdrawn(reportId, "report " + why)), ts));
    }

    private void deadLetter(Record<String, RawReport> record, String reason, String detail) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        String source = context.recordMetadata()
                .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse(null);
        DeadLetters.add(headers, reason, "processor", detail, source);
        context.forward(new Record<>(record.key(), Envelope.deadLetter(Json.bytes(record.value())), record.timestamp(), headers));
        metrics.deadLetters.incrementAndGet();
    }
}
