package org.rectifywatch.processor.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.report.ParseWarning;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.wire.DeadLetters;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.WireSerdes;
import org.rectifywatch.processor.deadline.UnitKey;
import org.rectifywatch.processor.publication.FeedbackNoticeParser;
import org.rectifywatch.processor.publication.InspectionEvent;
import org.rectifywatch.processor.publication.InspectionFeedback;
import org.rectifywatch.processor.publication.NoticeReading;
import org.rectifywatch.processor.report.ContentSignature;
import org.rectifywatch.processor.report.ReportAnalyzer;
import org.rectifywatch.processor.report.ReportIds;
import org.rectifywatch.processor.report.WireRecords;
import org.rectifywatch.processor.service.ProcessorMetrics;
import org.rectifywatch.processor.service.Reprocess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page stage, keyed by page URL: versions pages by content and by the analysis that read them. The same text
 * read by the same parser and classifier emits nothing; new or changed text, or a new parser or classifier
 * version (see {@code pipeline reprocess}), is analysed. A report's analysis goes to the report stage of the unit
 * it names (keyed by unit: mirrors and follow-ups meet there); a feedback notice yields the inspections it
 * announces, and takes back those an edit no longer names. A tombstone retracts the page. Pages the parsers
 * reject, records that cannot be decoded, and failures become dead letters with their reason and the original
 * bytes, and nothing else of them is written; the previous version stays.
 */
final class ReportVersioner implements Processor<String, byte[], String, Envelope> {
    static final String STORE = "report-versions";
    private static final Logger log = LoggerFactory.getLogger(ReportVersioner.class);
    private static final Deserializer<RawReport> DECODER = WireSerdes.RAW_REPORT.deserializer();
    private static final java.lang.management.ThreadMXBean THREAD_CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final ReportAnalyzer analyzer;
    private final WireRecords records;
    private final ProcessorMetrics metrics;
    private final Supplier<RecordLimits> limits;
    private ProcessorContext<String, Envelope> context;
    private StagedStore<ReportState> store;
    private PendingOutputs pending;

    ReportVersioner(ReportAnalyzer analyzer, WireRecords records, ProcessorMetrics metrics, Supplier<RecordLimits> limits) {
        this.analyzer = analyzer;
        this.records = records;
        this.metrics = metrics;
        this.limits = limits;
    }

    @Override
    public void init(ProcessorContext<String, Envelope> context) {
        this.context = context;
        this.store = new StagedStore<>(context.getStateStore(STORE));
        this.pending = new PendingOutputs(List.of(store));
    }

    /**
     * Everything a page makes is held until the page is wholly handled; a failure or an output too large for its
     * topic discards it all and dead-letters the page (its original bytes) instead.
     */
    @Override
    public void process(Record<String, byte[]> record) {
        try {
            handle(record);
        } catch (RuntimeException e) {
            log.warn("page {} could not be processed and was sent to {}: {}", record.key(), Topics.REPORTS_DLQ, e.toString(), e);
            deadLetter(record, "PROCESSING_ERROR", e.toString());
        }
        Optional<String> tooLarge = pending.oversized(limits.get());
        if (tooLarge.isPresent()) {
            metrics.oversized.incrementAndGet();
            String why = "page " + record.key() + ": " + tooLarge.get() + "; raise max.message.bytes of that topic (and the "
                    + "producer's max.request.size) and replay this dead letter";
            log.warn("{} sent to {}: {}", record.key(), Topics.REPORTS_DLQ, why);
            deadLetter(record, "OUTPUT_TOO_LARGE", why);
            pending.oversized(limits.get()).ifPresent(d -> {
                pending.discard();
                log.error("page {} was skipped: its output and even its dead letter are too large ({})", record.key(), d);
            });
        }
        pending.commit(context);
    }

    private void handle(Record<String, byte[]> record) {
        if (record.value() == null) {
            retract(record);
            return;
        }
        metrics.reportsIn.incrementAndGet();
        RawReport raw;
        try {
            raw = DECODER.deserialize(Topics.REPORTS_RAW, record.value());
        } catch (SerializationException e) {
            log.warn("page {} sent to {}: undecodable value: {}", record.key(), Topics.REPORTS_DLQ, e.getMessage());
            deadLetter(record, "UNDECODABLE", e.getMessage() + ": the value must be a RawReport JSON document in UTF-8");
            return;
        }
        if (raw == null) {
            log.warn("page {} sent to {}: its value is the JSON literal null", record.key(), Topics.REPORTS_DLQ);
            deadLetter(record, "NULL_VALUE", "the value is the JSON literal null, not a report; a retraction is a record "
                    + "without a value (pipeline retract)");
            return;
        }
        String url = raw.url() != null ? raw.url() : record.key();
        if (url == null) {
            deadLetter(record, "NO_URL", "record has neither a url field nor a key: the crawler must key reports by canonical URL");
            return;
        }
        RawReport page = raw.sha256() != null ? raw
                : new RawReport(url, raw.site(), raw.title(), raw.pageDate(), raw.fetchedAt(), raw.charset(),
                ReportIds.sha256Hex(raw.text() == null ? "" : raw.text()), raw.text(), raw.attachments(), raw.kind());
        String reportId = ReportIds.reportId(url);
        ReportState previous = store.get(reportId);
        String analysisVersion = analyzer.version();
        boolean replay = record.headers().lastHeader(Reprocess.HEADER) != null;
        if (previous != null && replay && !Objects.equals(previous.sha256(), page.sha256())) {
            metrics.reportsUnchanged.incrementAndGet(); // an older copy sent again by a reprocess: the newer text stands
            return;
        }
        if (previous != null && !previous.retracted() && previous.sha256().equals(page.sha256())
                && (previous.isNotice() || analysisVersion.equals(previous.analysisVersion()))) {
            metrics.reportsUnchanged.incrementAndGet();
            return;
        }
        if (previous != null && !previous.retracted() && previous.isNotice() != RawReport.isFeedbackNotice(page)) {
            takeBack(record, reportId, previous, "the page " + url + " is now " + (previous.isNotice() ? "a report" : "a feedback notice"));
            previous = previous.retract();
        }
        if (RawReport.isFeedbackNotice(page)) {
            notice(record, reportId, previous, page);
            return;
        }
        ParsedReport parsed;
        long cpuFrom = THREAD_CPU.getCurrentThreadCpuTime();
        try {
            parsed = analyzer.analyze(page);
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
        String unitKey = UnitKey.of(parsed.meta(), page.site(), reportId);
        int version = previous == null ? 1 : previous.version() + 1;
        // a report that now names another unit is sent where it is kept, and moves from there
        String keptIn = previous != null && !previous.retracted() && !previous.isNotice() && previous.unitKey() != null
                ? previous.unitKey() : unitKey;
        PageEvent event = new PageEvent(PageEvent.Type.VERSION, url, page.site(), page.title(), page.pageDate(), page.fetchedAt(),
                page.sha256(), page.attachments() == null ? List.of() : page.attachments(),
                page.text() == null ? 0 : page.text().length(), version, analysisVersion, parsed, ContentSignature.of(page.text()),
                keptIn.equals(unitKey) ? null : unitKey, null, null, records.tokens(parsed));
        metrics.countAnalysis(cpuFrom < 0 ? -1 : THREAD_CPU.getCurrentThreadCpuTime() - cpuFrom);
        pending.forward(new Record<>(keptIn, Envelope.page(event), record.timestamp()));
        store.put(reportId, new ReportState(page.sha256(), version, unitKey, RawReport.REPORT, List.of(), analysisVersion, false));
    }

    /** A feedback notice: the inspections it announces go to the publication tracker of each unit it names. */
    private void notice(Record<String, byte[]> record, String reportId, ReportState previous, RawReport raw) {
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
            pending.forward(new Record<>(u.unitKey(), Envelope.inspection(InspectionEvent.feedback(reportId, raw.url(), raw.title(),
                    u.feedback())), ts));
        }
        if (previous != null && previous.isNotice()) {
            for (ReportState.UnitFeedback old : previous.feedbacks()) {
                if (!current.contains(old)) {
                    pending.forward(new Record<>(old.unitKey(), Envelope.inspection(InspectionEvent.feedbackWithdrawn(reportId,
                            old.feedback(), "the feedback notice no longer announces it (version " + version + "): " + raw.url())), ts));
                }
            }
        }
        store.put(reportId, new ReportState(raw.sha256(), version, null, RawReport.FEEDBACK_NOTICE, List.copyOf(current),
                analyzer.version(), false));
        metrics.noticesParsed.incrementAndGet();
    }

    /**
     * A tombstone on reports.raw: the page was taken down, and with it what it said. A tombstone for a page never
     * seen (or already retracted) has nothing to take back and nothing a replay could fix: it is a counted skip
     * ({@code retractionsUnknown}), not a dead letter — {@code pipeline reprocess} sends retracted pages' tombstones again.
     */
    private void retract(Record<String, byte[]> record) {
        if (record.key() == null) {
            deadLetter(record, "NO_KEY", "a record without key or value: a retraction needs the page's canonical URL as key");
            return;
        }
        String reportId = ReportIds.reportId(record.key());
        ReportState previous = store.get(reportId);
        if (previous == null || previous.retracted()) {
            log.debug("retraction of {} skipped: no report or notice of that URL is known", record.key());
            metrics.retractionsUnknown.incrementAndGet();
            return;
        }
        takeBack(record, reportId, previous, "retracted: " + record.key());
        store.put(reportId, previous.retract());
        log.info("page {} ({}) retracted", reportId, record.key());
    }

    /** Withdraws what a page said: a report (its issues deleted, alerts withdrawn) or the feedback of a notice. */
    private void takeBack(Record<String, byte[]> record, String reportId, ReportState previous, String why) {
        long ts = record.timestamp();
        if (previous.isNotice()) {
            for (ReportState.UnitFeedback old : previous.feedbacks()) {
                pending.forward(new Record<>(old.unitKey(), Envelope.inspection(InspectionEvent.feedbackWithdrawn(reportId,
                        old.feedback(), "feedback notice " + why)), ts));
            }
            return;
        }
        pending.forward(new Record<>(previous.unitKey(), Envelope.page(PageEvent.retract(record.key(), "report " + why)), ts));
    }

    /** The input, as it came, is the page's only output: whatever else it made so far is discarded. */
    private void deadLetter(Record<String, byte[]> record, String reason, String detail) {
        pending.discard();
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        String source = context.recordMetadata()
                .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse(null);
        DeadLetters.add(headers, reason, "processor", detail, source);
        // the original bytes, untouched: a replay sends exactly what came in
        pending.forward(new Record<>(record.key(), Envelope.deadLetter(record.value()), record.timestamp(), headers));
        metrics.deadLetters.incrementAndGet();
    }
}
