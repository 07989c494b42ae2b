package org.rectifywatch.processor.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.json.JsonSerde;
import org.rectifywatch.model.report.Issue;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.report.ReportMeta;
import org.rectifywatch.model.wire.DeadLetters;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.ReportRecord;
import org.rectifywatch.processor.classify.IssueClassifier;
import org.rectifywatch.processor.deadline.DeadlineEvent;
import org.rectifywatch.processor.deadline.TrackedIssue;
import org.rectifywatch.processor.publication.InspectionEvent;
import org.rectifywatch.processor.publication.SeenReport;
import org.rectifywatch.processor.report.IssueIdentity;
import org.rectifywatch.processor.report.IssueTokens;
import org.rectifywatch.processor.report.ReportIds;
import org.rectifywatch.processor.report.WireRecords;
import org.rectifywatch.processor.service.ProcessorMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report stage of an inspected unit (keyed by unit): decides which report a page's analysis belongs to, and
 * emits reports, issues and what the trackers need.
 * <ul>
 * <li><b>Mirrors.</b> A page whose body is a copy ({@link org.rectifywatch.processor.report.ContentSignature}) of a
 *     report of the same unit is listed as a mirror of it; the first URL seen owns the report. Copies of a report
 *     naming another unit are other units' pages, so renamed copies stay distinct reports.</li>
 * <li><b>Divergence.</b> The owner's text is the report's. A mirror edited into something that is no longer a copy
 *     leaves the report and becomes a report of its own; a mirror's small edits change nothing.</li>
 * <li><b>Versions.</b> A new analysis of the owner emits a new version only when the outcome changed (a parser
 *     upgrade that reads the report the same way emits nothing). Issue ids stay with their problems
 *     ({@link IssueIdentity}); issues that left get tombstones and their alerts are withdrawn.</li>
 * <li><b>Retraction.</b> A retracted mirror leaves the list; a retracted owner hands the report to its first mirror,
 *     or, with none, the report is marked retracted, its issues deleted and its alerts withdrawn.</li>
 * <li><b>Another unit.</b> When the owner's page now names another unit, the new version is emitted here (where the
 *     issue history is) and the report's entry is handed over to that unit.</li>
 * </ul>
 */
final class ReportIdentifier implements Processor<String, PageEvent, String, Envelope> {
    static final String ENTRIES = "unit-report-entries";
    static final String URLS = "unit-report-urls";
    private static final String SEP = "\u0001";
    private static final Logger log = LoggerFactory.getLogger(ReportIdentifier.class);

    private static final Serializer<PageEvent> PAGE_BYTES = JsonSerde.of(PageEvent.class).serializer();

    private final WireRecords records;
    private final ProcessorMetrics metrics;
    private final Supplier<RecordLimits> limits;
    private ProcessorContext<String, Envelope> context;
    private StagedStore<ReportEntry> entries;
    private StagedStore<String> urls;
    private PendingOutputs pending;

    ReportIdentifier(WireRecords records, ProcessorMetrics metrics, Supplier<RecordLimits> limits) {
        this.records = records;
        this.metrics = metrics;
        this.limits = limits;
    }

    @Override
    public void init(ProcessorContext<String, Envelope> context) {
        this.context = context;
        this.entries = new StagedStore<>(context.getStateStore(ENTRIES));
        this.urls = new StagedStore<>(context.getStateStore(URLS));
        this.pending = new PendingOutputs(List.of(entries, urls));
    }

    /**
     * A version is all or nothing: its report, issues, tracker events and store updates are held until it is wholly
     * handled. A failure, or an output too large for its topic, writes nothing but a dead letter of this input
     * (keyed by unit, {@code rectify.dlq.source} naming the by-unit topic it came from, where a replay sends it).
     */
    @Override
    public void process(Record<String, PageEvent> record) {
        PageEvent e = record.value();
        String unit = record.key();
        if (e == null || unit == null) {
            return;
        }
        try {
            switch (e.type()) {
                case HANDOVER -> receive(unit, e.entry());
                case RETRACT -> retract(unit, e, record.timestamp());
                case VERSION -> version(unit, e, record.timestamp());
            }
        } catch (RuntimeException ex) {
            log.warn("page {} of unit {} could not be processed and was sent to {}: {}", e.url(), unit, Topics.REPORTS_DLQ,
                    ex.toString(), ex);
            deadLetter(record, "PROCESSING_ERROR", "page " + e.url() + ": " + ex);
        }
        Optional<String> tooLarge = pending.oversized(limits.get());
        if (tooLarge.isPresent()) {
            metrics.oversized.incrementAndGet();
            String why = "page " + e.url() + " (unit " + unit + "): " + tooLarge.get() + "; raise max.message.bytes of that topic "
                    + "(and the producer's max.request.size) and replay this dead letter";
            log.warn("version {} of {} sent to {}: {}", e.version(), e.url(), Topics.REPORTS_DLQ, why);
            deadLetter(record, "OUTPUT_TOO_LARGE", why);
            pending.oversized(limits.get()).ifPresent(d -> {
                pending.discard();
                log.error("page {} of unit {} was skipped: its output and even its dead letter are too large ({})", e.url(), unit, d);
            });
        }
        pending.commit(context);
    }

    private void deadLetter(Record<String, PageEvent> record, String reason, String detail) {
        pending.discard();
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        String source = context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse(null);
        DeadLetters.add(headers, reason, "processor", detail, source);
        pending.forward(new Record<>(record.key(), Envelope.deadLetter(PAGE_BYTES.serialize(null, record.value())),
                record.timestamp(), headers));
        metrics.deadLetters.incrementAndGet();
    }

    private void version(String unit, PageEvent e, long ts) {
        String target = e.movingTo() == null ? unit : e.movingTo();
        String rid = urls.get(unit + SEP + e.url());
        ReportEntry entry = rid == null ? null : entries.get(unit + SEP + rid);
        if (entry != null && !entry.ownerUrl().equals(e.url())) {
            if (target.equals(unit) && e.signature().isMirrorOf(entry.signature())) {
                ReportEntry.Mirror m = entry.mirror(e.url());
                entries.put(unit + SEP + rid, entry.withMirrors(replace(entry.mirrors(), new ReportEntry.Mirror(e.url(), e.site(),
                        m == null ? now() : m.firstSeen(), e.sha256()))));
                metrics.reportsUnchanged.incrementAndGet();
                return; // the owner's text is the report's
            }
            log.info("page {} no longer mirrors report {} ({}): it becomes a report of its own", e.url(), rid, entry.ownerUrl());
            detachMirror(unit, entry, e.url(), ts);
            entry = null;
        }
        if (entry == null && !target.equals(unit)) {
            // not known here: the page simply belongs to the unit it names
            pending.forward(new Record<>(target, Envelope.pageHandover(e.staying()), ts));
            return;
        }
        if (entry == null) {
            ReportEntry owner = mirrorOwner(unit, e);
            if (owner != null) {
                addMirror(unit, owner, e, ts);
                return;
            }
        }
        emitVersion(unit, target, entry, e, ts);
    }

    private void emitVersion(String unit, String target, ReportEntry entry, PageEvent e, long ts) {
        String rid = entry == null ? ReportIds.reportId(e.url()) : entry.reportId();
        ParsedReport parsed = e.parsed();
        String outputHash = outputHash(parsed);
        boolean moving = !target.equals(unit);
        if (entry != null && !moving && outputHash.equals(entry.outputHash())) {
            entries.put(unit + SEP + rid, new ReportEntry(rid, entry.ownerUrl(), entry.ownerSite(), entry.version(), e.analysisVersion(),
                    outputHash, e.signature(), entry.mirrors(), entry.issues(), entry.record()));
            metrics.reportsSameOutcome.incrementAndGet();
            return;
        }
        Instant now = now();
        List<ReportEntry.Mirror> mirrors = entry == null ? List.of() : entry.mirrors();
        IssueIdentity.Assignment ids = IssueIdentity.assign(rid, entry == null ? List.of() : entry.issues(), parsed.issues());
        RawReport page = new RawReport(e.url(), e.site(), e.title(), e.pageDate(), e.fetchedAt(), null, e.sha256(), null,
                e.attachments());
        ReportRecord report = records.report(rid, e.version(), page, parsed, now, IssueClassifier.VERSION, e.textLength())
                .withMirrors(ReportEntry.wire(mirrors), e.url(), e.site());
        pending.forward(new Record<>(rid, Envelope.report(report), ts));
        Set<String> before = new HashSet<>();
        if (entry != null) {
            entry.issues().forEach(r -> before.add(r.id()));
        }
        // the page stage's tokens; an event written before it sent them has its texts segmented here
        List<IssueTokens> tokens = e.tokens() != null && e.tokens().size() == parsed.issues().size() ? e.tokens() : records.tokens(parsed);
        for (int n = 0; n < parsed.issues().size(); n++) {
            Issue issue = parsed.issues().get(n);
            IssueRecord ir = records.issue(ids.ids().get(n), rid, e.version(), page, parsed, issue, tokens.get(n), now);
            pending.forward(new Record<>(ir.issueId(), Envelope.issue(ir), ts));
            // an issue tracked before is sent where it is tracked; the tracker moves it if its unit changed
            String route = before.contains(ir.issueId()) ? unit : target;
            pending.forward(new Record<>(route, Envelope.deadline(DeadlineEvent.upsert(TrackedIssue.of(ir, target))), ts));
        }
        Set<String> current = new HashSet<>(ids.ids());
        for (String gone : before) {
            if (!current.contains(gone)) {
                pending.forward(new Record<>(gone, Envelope.issueDeleted(), ts));
                pending.forward(new Record<>(unit, Envelope.deadline(DeadlineEvent.remove(gone,
                        "removed from its report in version " + e.version() + ": " + e.url())), ts));
                metrics.issuesDeleted.incrementAndGet();
            }
        }
        if (moving) {
            pending.forward(new Record<>(unit, Envelope.inspection(InspectionEvent.reportWithdrawn(rid,
                    "the report now names another unit")), ts));
        }
        ReportMeta m = parsed.meta();
        pending.forward(new Record<>(target, Envelope.inspection(InspectionEvent.report(new SeenReport(rid, e.url(), report.title(),
                m.target(), m.inspector(), m.feedbackDate(), m.publishedDate() != null ? m.publishedDate() : e.pageDate()))), ts));
        ReportEntry updated = new ReportEntry(rid, e.url(), e.site(), e.version(), e.analysisVersion(), outputHash, e.signature(),
                mirrors, ids.refs(), report);
        if (moving) {
            forget(unit, entry);
            pending.forward(new Record<>(target, Envelope.pageHandover(PageEvent.handover(updated)), ts));
        } else {
            keep(unit, updated);
        }
        metrics.reportsParsed.incrementAndGet();
        metrics.issuesOut.addAndGet(parsed.issues().size());
    }

    /** The report of the unit whose body this page copies, if any (the closest one). */
    private ReportEntry mirrorOwner(String unit, PageEvent e) {
        ReportEntry best = null;
        double bestScore = 0;
        for (ReportEntry r : entries.prefixValues(unit + SEP)) {
            if (r.signature() != null && e.signature().isMirrorOf(r.signature())) {
                double s = e.signature().similarity(r.signature());
                if (s > bestScore) {
                    best = r;
                    bestScore = s;
                }
            }
        }
        return best;
    }

    private void addMirror(String unit, ReportEntry owner, PageEvent e, long ts) {
        List<ReportEntry.Mirror> m = new ArrayList<>(owner.mirrors());
        m.add(new ReportEntry.Mirror(e.url(), e.site(), now(), e.sha256()));
        ReportEntry updated = owner.withMirrors(m);
        keep(unit, updated);
        if (updated.record() != null) {
            pending.forward(new Record<>(updated.reportId(), Envelope.report(updated.record()), ts));
        }
        metrics.mirrors.incrementAndGet();
        log.info("page {} mirrors report {} ({})", e.url(), owner.reportId(), owner.ownerUrl());
    }

    private void detachMirror(String unit, ReportEntry entry, String url, long ts) {
        List<ReportEntry.Mirror> m = new ArrayList<>(entry.mirrors());
        m.removeIf(x -> x.url().equals(url));
        ReportEntry updated = entry.withMirrors(m);
        urls.delete(unit + SEP + url);
        keep(unit, updated);
        if (updated.record() != null) {
            pending.forward(new Record<>(updated.reportId(), Envelope.report(updated.record()), ts));
        }
    }

    private void retract(String unit, PageEvent e, long ts) {
        String rid = urls.get(unit + SEP + e.url());
        ReportEntry entry = rid == null ? null : entries.get(unit + SEP + rid);
        if (entry == null) {
            log.debug("retraction of {} skipped: no report of unit {} has that page", e.url(), unit);
            metrics.retractionsUnknown.incrementAndGet();
            return;
        }
        if (!entry.ownerUrl().equals(e.url())) {
            detachMirror(unit, entry, e.url(), ts);
            return;
        }
        if (!entry.mirrors().isEmpty()) {
            ReportEntry.Mirror heir = entry.mirrors().get(0);
            ReportEntry updated = entry.withOwner(heir.url(), heir.site(), entry.mirrors().subList(1, entry.mirrors().size()));
            urls.delete(unit + SEP + e.url());
            keep(unit, updated);
            pending.forward(new Record<>(rid, Envelope.report(updated.record()), ts));
            log.info("report {}: its page {} was retracted; its mirror {} carries it on", rid, e.url(), heir.url());
            return;
        }
        Instant now = now();
        if (entry.record() != null) {
            pending.forward(new Record<>(rid, Envelope.report(entry.record().retracted(now, entry.version() + 1)), ts));
        }
        for (IssueIdentity.IssueRef r : entry.issues()) {
            pending.forward(new Record<>(r.id(), Envelope.issueDeleted(), ts));
            pending.forward(new Record<>(unit, Envelope.deadline(DeadlineEvent.remove(r.id(), e.reason())), ts));
            metrics.issuesDeleted.incrementAndGet();
        }
        pending.forward(new Record<>(unit, Envelope.inspection(InspectionEvent.reportWithdrawn(rid, e.reason())), ts));
        forget(unit, entry);
        metrics.reportsRetracted.incrementAndGet();
    }

    /** A report's entry handed over from the unit it left: kept here unless a newer version already is. */
    private void receive(String unit, ReportEntry entry) {
        ReportEntry existing = entries.get(unit + SEP + entry.reportId());
        if (existing != null && existing.version() > entry.version()) {
            return;
        }
        keep(unit, entry);
    }

    private void keep(String unit, ReportEntry entry) {
        entries.put(unit + SEP + entry.reportId(), entry);
        for (String u : entry.urls()) {
            urls.put(unit + SEP + u, entry.reportId());
        }
    }

    private void forget(String unit, ReportEntry entry) {
        if (entry == null) {
            return;
        }
        entries.delete(unit + SEP + entry.reportId());
        for (String u : entry.urls()) {
            urls.delete(unit + SEP + u);
        }
    }

    private static List<ReportEntry.Mirror> replace(List<ReportEntry.Mirror> list, ReportEntry.Mirror m) {
        List<ReportEntry.Mirror> out = new ArrayList<>(list);
        out.replaceAll(x -> x.url().equals(m.url()) ? m : x);
        return out;
    }

    /**
     * Maps with sorted keys: the same analysis hashes the same in every run. Characters beyond the BMP written as
     * UTF-8, not as JSON escapes of their surrogates: the bytes of the JSON text, which earlier versions hashed.
     */
    private static final com.fasterxml.jackson.databind.ObjectMapper CANONICAL = Json.MAPPER.copy()
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8.mappedFeature(), true);

    /**
     * The hash of an analysis as stored in its entry: SHA-256 of its canonical JSON in UTF-8, written as bytes at once
     * (the same bytes as the JSON text encoded, without the text).
     */
    static String outputHash(ParsedReport parsed) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("meta", parsed.meta());
        out.put("figures", parsed.figures());
        out.put("issues", parsed.issues());
        out.put("warnings", parsed.warnings());
        try {
            return ReportIds.sha256Hex(CANONICAL.writeValueAsBytes(out));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
