package org.rectifywatch.processor.publication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.processor.deadline.Agenda;
import org.rectifywatch.processor.deadline.DeadlineSettings;
import org.rectifywatch.processor.deadline.ReportDates;
import org.rectifywatch.processor.deadline.TrackedAlert;
import org.rectifywatch.processor.service.ProcessorMetrics;

/**
 * Watches that units publish their rectification report after an inspection's feedback. Feedback notices and
 * reports of one unit meet on one task (keyed by unit): inspections in a store keyed {@code unit␁inspection}, the
 * unit's reports in one keyed {@code unit␁report}. A notice registers an inspection (or joins the one another
 * notice or a report registered), a report answers the inspection it belongs to ({@link InspectionMatch}), and a
 * report that names its own feedback date registers its inspection too, so a notice found later is matched to it.
 * The {@code report_overdue} alert follows {@link PublicationLifecycle}; the agenda finds what falls due and prunes
 * closed inspections after their retention.
 */
public final class PublicationTracker implements Processor<String, InspectionEvent, String, AlertRecord> {
    public static final String STORE = "tracked-inspections";
    public static final String REPORTS = "unit-reports";
    public static final String AGENDA = "tracked-inspections-agenda";
    private static final String SEP = "\u0001";
    private static final int BATCH = 1000;

    private final PublicationLifecycle lifecycle;
    private final DeadlineSettings settings;
    private final ProcessorMetrics metrics;
    private ProcessorContext<String, AlertRecord> context;
    private KeyValueStore<String, TrackedInspection> inspections;
    private KeyValueStore<String, SeenReport> reports;
    private Agenda agenda;
    /**
     * The Kafka timestamp of what is being handled, given to what it emits: an input record's for the alerts it causes
     * (a backfill's alerts are as old as its reports, so the sink refreshes them as a backlog), the wall clock's for
     * what the agenda raises. Alert fields ({@code raised_at} …) keep the wall clock.
     */
    private long causeTimestamp;

    public PublicationTracker(DeadlineSettings settings, ProcessorMetrics metrics) {
        this.lifecycle = new PublicationLifecycle(settings.reportMonthsCentral(), settings.reportMonthsOther());
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, AlertRecord> context) {
        this.context = context;
        this.inspections = context.getStateStore(STORE);
        this.reports = context.getStateStore(REPORTS);
        this.agenda = new Agenda(context.getStateStore(AGENDA));
        context.schedule(settings.punctuation(), PunctuationType.WALL_CLOCK_TIME, this::attendDue);
    }

    @Override
    public void process(Record<String, InspectionEvent> record) {
        InspectionEvent e = record.value();
        String unit = record.key();
        if (e == null || unit == null) {
            return;
        }
        causeTimestamp = record.timestamp();
        switch (e.type()) {
            case FEEDBACK -> feedback(unit, e);
            case FEEDBACK_WITHDRAWN -> {
                for (KeyValue<String, TrackedInspection> kv : unitInspections(unit)) {
                    if (kv.value.noticeIds().contains(e.noticeId())) {
                        settle(kv.key, kv.value.withoutNotice(e.noticeId()), e.reason());
                    }
                }
            }
            case REPORT -> report(unit, e.report());
            case REPORT_WITHDRAWN -> {
                reports.delete(unit + SEP + e.report().reportId());
                for (KeyValue<String, TrackedInspection> kv : unitInspections(unit)) {
                    SeenReport by = kv.value.answeredBy();
                    if (by != null && by.reportId().equals(e.report().reportId())) {
                        TrackedInspection reopened = reanswer(unit, kv.value.answered(null));
                        settle(kv.key, reopened.answeredBy() == null ? bumpEpoch(reopened) : reopened, null);
                    }
                }
            }
        }
    }

    private void feedback(String unit, InspectionEvent e) {
        InspectionFeedback f = e.feedback();
        KeyValue<String, TrackedInspection> same = null;
        for (KeyValue<String, TrackedInspection> kv : unitInspections(unit)) {
            if (sameInspection(kv.value, f)) {
                same = kv;
                break;
            }
        }
        TrackedInspection t;
        String key;
        if (same != null) {
            key = same.key;
            t = same.value.withNotice(e.noticeId(), e.noticeUrl(), e.noticeTitle(), f);
        } else {
            String id = inspectionId(unit, f);
            key = unit + SEP + id;
            t = new TrackedInspection(id, unit, null, null, null, null, null, List.of(), null, null, null, 0, List.of(), null, null)
                    .withNotice(e.noticeId(), e.noticeUrl(), e.noticeTitle(), f);
        }
        settle(key, t.answeredBy() == null ? reanswer(unit, t) : t, null);
    }

    private void report(String unit, SeenReport r) {
        reports.put(unit + SEP + r.reportId(), r);
        List<KeyValue<String, TrackedInspection>> open = new ArrayList<>();
        boolean registered = false;
        for (KeyValue<String, TrackedInspection> kv : unitInspections(unit)) {
            TrackedInspection i = kv.value;
            if (i.answeredBy() != null && i.answeredBy().reportId().equals(r.reportId())) {
                settle(kv.key, i.answered(r), null); // a new version of the answering report
                registered = true;
            } else if (InspectionMatch.answers(i.asFeedback(), r.inspector(), r.feedbackDate(), r.publishedDate())) {
                registered = true;
                // unanswered, or answered by a report published after this one: the earliest report tells when it came
                boolean earlier = i.answeredBy() == null || ReportDates.isAfter(i.answeredBy().publishedDate(), r.publishedDate());
                if (earlier && !i.isWithdrawn()) {
                    open.add(kv);
                }
            }
        }
        if (r.feedbackDate() != null) {
            open.forEach(kv -> settle(kv.key, kv.value.answered(r), null));
            if (!registered) {
                // the report names its own feedback: its inspection is known from the report alone
                InspectionFeedback f = new InspectionFeedback(r.target(), InspectionMatch.team(r.inspector()), null,
                        r.feedbackDate(), InspectionLevel.of(r.inspector()));
                String id = inspectionId(unit, f);
                settle(unit + SEP + id, new TrackedInspection(id, unit, r.target(), f.team(), null, r.feedbackDate(), f.level(),
                        List.of(), null, null, r, 0, List.of(), null, null), null);
            }
        } else {
            // a report without its feedback date answers the latest inspection it can belong to
            open.stream().max(Comparator.comparing(kv -> Objects.toString(kv.value.feedbackDate(), "")))
                    .ifPresent(kv -> settle(kv.key, kv.value.answered(r), null));
        }
    }

    /** The earliest of the unit's reports that answers the inspection, if any. */
    private TrackedInspection reanswer(String unit, TrackedInspection t) {
        SeenReport best = null;
        try (KeyValueIterator<String, SeenReport> it = reports.prefixScan(unit + SEP, new StringSerializer())) {
            while (it.hasNext()) {
                SeenReport r = it.next().value;
                if (InspectionMatch.answers(t.asFeedback(), r.inspector(), r.feedbackDate(), r.publishedDate())
                        && (best == null || ReportDates.isAfter(best.publishedDate(), r.publishedDate()))) {
                    best = r;
                }
            }
        }
        return best == null ? t : t.answered(best);
    }

    private static boolean sameInspection(TrackedInspection i, InspectionFeedback f) {
        return ReportDates.compare(i.feedbackDate(), f.feedbackDate()).map(c -> c == 0).orElse(false)
                && InspectionMatch.answers(i.asFeedback(), f.team(), f.feedbackDate(), null);
    }

    private static TrackedInspection bumpEpoch(TrackedInspection t) {
        return new TrackedInspection(t.inspectionId(), t.unitKey(), t.unit(), t.team(), t.round(), t.feedbackDate(), t.level(),
                t.noticeIds(), t.noticeUrl(), t.noticeTitle(), t.answeredBy(), t.epoch() + 1, t.alerts(), t.closedAtMs(),
                t.agendaDate());
    }

    private List<KeyValue<String, TrackedInspection>> unitInspections(String unit) {
        List<KeyValue<String, TrackedInspection>> out = new ArrayList<>();
        try (KeyValueIterator<String, TrackedInspection> it = inspections.prefixScan(unit + SEP, new StringSerializer())) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    private void settle(String key, TrackedInspection inspection, String withdrawReason) {
        long now = context.currentSystemTimeMs();
        PublicationLifecycle.Step step = lifecycle.evaluate(inspection, withdrawReason, today(), now);
        TrackedInspection t = step.inspection();
        for (TrackedAlert a : step.changed()) {
            metrics.countTransition(a.state(), a.state() == AlertState.raised);
            context.forward(new Record<>(a.alertId(), record(t, a), causeTimestamp));
        }
        LocalDate next = t.isClosed() ? pruneDay(t) : lifecycle.nextDue(t).orElse(null);
        t = t.withAgendaDate(agenda.reschedule(key, t.agendaDate(), next));
        inspections.put(key, t);
    }

    private LocalDate pruneDay(TrackedInspection t) {
        return Instant.ofEpochMilli(t.closedAtMs()).atZone(settings.zone()).toLocalDate().plusDays(settings.retentionDays());
    }

    private void attendDue(long wallClockMs) {
        causeTimestamp = wallClockMs;
        LocalDate today = today();
        agenda.takeDue(today, BATCH, s -> {
            TrackedInspection t = inspections.get(s.entryKey());
            if (t == null || !s.day().equals(t.agendaDate())) {
                return;
            }
            t = t.withAgendaDate(null);
            if (t.isClosed() && !pruneDay(t).isAfter(today)) {
                inspections.delete(s.entryKey());
                metrics.inspectionsPruned.incrementAndGet();
            } else {
                settle(s.entryKey(), t, null);
            }
        });
    }

    static AlertRecord record(TrackedInspection t, TrackedAlert a) {
        return new AlertRecord(a.alertId(), a.kind(), a.state(), a.reason(), null, t.noticeIds().isEmpty() ? null : t.noticeIds().get(0),
                t.unit(), null, t.team(), null, null, null, null, a.dueDate(), t.feedbackDate(), t.noticeUrl(), t.noticeTitle(),
                Instant.ofEpochMilli(a.raisedAtMs()), Instant.ofEpochMilli(a.updatedAtMs()),
                a.closedAtMs() == null ? null : Instant.ofEpochMilli(a.closedAtMs()), a.resolvedByIssueId(),
                a.resolvedByReportUrl(), a.supersededBy());
    }

    /**
     * Stable per unit and month of feedback, whichever source registered the inspection first (a notice names the
     * team "省委第二巡视组" where the report says "省委巡视组"; one gives the day, the other only the month): a unit
     * does not receive two inspections' feedback in one month.
     */
    static String inspectionId(String unit, InspectionFeedback f) {
        String month = f.feedbackDate() == null ? "" : f.feedbackDate().substring(0, Math.min(7, f.feedbackDate().length()));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((unit + "|" + month).getBytes(StandardCharsets.UTF_8));
            return "i" + HexFormat.of().formatHex(h, 0, 10);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private LocalDate today() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs()).atZone(settings.zone()).toLocalDate();
    }
}
