package org.rectifywatch.processor.topology;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
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
import org.rectifywatch.model.wire.DeadLetters;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.ReportRecord;
import org.rectifywatch.processor.classify.IssueClassifier;
import org.rectifywatch.processor.deadline.DeadlineEvent;
import org.rectifywatch.processor.deadline.TrackedIssue;
import org.rectifywatch.processor.deadline.UnitKey;
import org.rectifywatch.processor.report.ReportAnalyzer;
import org.rectifywatch.processor.report.ReportIds;
import org.rectifywatch.processor.report.WireRecords;
import org.rectifywatch.processor.service.ProcessorMetrics;
import org.rectifywatch.model.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versions reports by content: the same text again emits nothing; new or changed text is analysed and emitted
 * as a new version with its issues, plus tombstones for issues the new version no longer has. Reports the
 * parser rejects, and failures, become dead letters with their reason; the previous version stays.
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
            return; // a tombstone on reports.raw carries nothing to analyse
        }
        metrics.reportsIn.incrementAndGet();
        String url = raw.url() != null ? raw.url() : record.key();
        if (url == null) {
            deadLetter(record, "NO_URL", "record has neither a url field nor a key: the crawler must key reports by canonical URL");
            return;
        }
        RawReport withHash = raw.sha256() != null ? raw
                : new RawReport(url, raw.site(), raw.title(), raw.pageDate(), raw.fetchedAt(), raw.charset(),
                ReportIds.sha256Hex(raw.text() == null ? "" : raw.text()), raw.text(), raw.attachments());
        String reportId = ReportIds.reportId(url);
        ReportState previous = store.get(reportId);
        if (previous != null && previous.sha256().equals(withHash.sha256())) {
            metrics.reportsUnchanged.incrementAndGet();
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
        List<String> ids = ReportIds.issueIds(reportId, parsed.issues());
        context.forward(new Record<>(reportId, Envelope.report(report), ts));
        for (int n = 0; n < parsed.issues().size(); n++) {
            Issue issue = parsed.issues().get(n);
            IssueRecord ir = records.issue(ids.get(n), reportId, version, raw, parsed, issue, now);
            context.forward(new Record<>(ir.issueId(), Envelope.issue(ir), ts));
            context.forward(new Record<>(unitKey, Envelope.deadline(new DeadlineEvent(ir.issueId(), unitKey, TrackedIssue.of(ir, unitKey))), ts));
        }
        if (previous != null) {
            Set<String> current = new HashSet<>(ids);
            for (String gone : previous.issueIds()) {
                if (!current.contains(gone)) {
                    context.forward(new Record<>(gone, Envelope.issueDeleted(), ts));
                    context.forward(new Record<>(previous.unitKey(), Envelope.deadline(new DeadlineEvent(gone, previous.unitKey(), null)), ts));
                    metrics.issuesDeleted.incrementAndGet();
                }
            }
        }
        store.put(reportId, new ReportState(raw.sha256(), version, unitKey, ids));
        metrics.reportsParsed.incrementAndGet();
        metrics.issuesOut.addAndGet(ids.size());
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
