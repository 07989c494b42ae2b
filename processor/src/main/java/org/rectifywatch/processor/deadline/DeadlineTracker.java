package org.rectifywatch.processor.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.processor.service.ProcessorMetrics;

/**
 * Keeps the overdue alerts of issues true. Issues of one inspected unit arrive on one task (keyed by unit), kept
 * in a persistent store keyed {@code unit␁issue} so that a unit's issues can be scanned to match a follow-up
 * report. Every change of an issue is evaluated by {@link IssueLifecycle}; every alert transition goes out with
 * the whole current alert. What falls due without any new input is found by a wall-clock punctuator through the
 * {@link Agenda} (stream-time punctuation would not fire without traffic), which also prunes entries whose
 * retention has passed. An issue whose unit changed is handed over, history and all, to its new unit's task.
 */
public final class DeadlineTracker implements Processor<String, DeadlineEvent, String, TrackerOutput> {
    public static final String STORE = "tracked-issues";
    public static final String AGENDA = "tracked-issues-agenda";
    private static final String SEP = "\u0001";
    /** Slots handled per batch of one punctuation (a long outage's backlog is worked through batch by batch). */
    private static final int BATCH = 1000;

    private final IssueLifecycle lifecycle;
    private final DeadlineSettings settings;
    private final ProcessorMetrics metrics;
    private ProcessorContext<String, TrackerOutput> context;
    private final boolean holdUnits;
    private TrackedIssueStore store;
    private Agenda agenda;
    /**
     * The Kafka timestamp of what is being handled, given to what it emits: an input record's for the alerts it causes
     * (a backfill's alerts are as old as its reports, so the sink refreshes them as a backlog), the wall clock's for
     * what the agenda raises. Alert fields ({@code raised_at} …) keep the wall clock.
     */
    private long causeTimestamp;

    public DeadlineTracker(DeadlineSettings settings, ProcessorMetrics metrics) {
        this(settings, metrics, true);
    }

    /** {@code holdUnits} false reads every unit from the store for every event: the behaviour held units must keep. */
    DeadlineTracker(DeadlineSettings settings, ProcessorMetrics metrics, boolean holdUnits) {
        this.holdUnits = holdUnits;
        this.lifecycle = new IssueLifecycle(new OverdueRules(settings.windowMonths()));
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, TrackerOutput> context) {
        this.context = context;
        this.store = new TrackedIssueStore(context.getStateStore(STORE), SEP);
        this.agenda = new Agenda(context.getStateStore(AGENDA));
        context.schedule(settings.punctuation(), PunctuationType.WALL_CLOCK_TIME, this::attendDue);
    }

    @Override
    public void process(Record<String, DeadlineEvent> record) {
        DeadlineEvent e = record.value();
        String unit = record.key();
        if (e == null || e.issueId() == null || unit == null) {
            return;
        }
        if (!holdUnits) {
            store.forget();
        }
        causeTimestamp = record.timestamp();
        String key = unit + SEP + e.issueId();
        TrackedIssue existing = store.get(key);
        switch (e.type()) {
            case UPSERT -> upsert(unit, key, existing, e.issue());
            case REMOVE -> {
                if (existing != null && !existing.isRemoved()) {
                    settle(key, existing.removed(e.reason() == null ? "removed from its report" : e.reason()), null);
                }
            }
            case HANDOVER -> {
                TrackedIssue arriving = e.issue().inUnit(unit).withAgendaDate(null);
                TrackedIssue t = existing == null ? arriving : existing.mergedWith(arriving).withAgendaDate(existing.agendaDate());
                settle(key, matchAcrossReports(t), e.reason());
            }
        }
    }

    private void upsert(String unit, String key, TrackedIssue existing, TrackedIssue incoming) {
        TrackedIssue t = existing == null ? incoming : existing.updatedWith(incoming);
        String edit = existing != null && !existing.isRemoved() && existing.describesDifferently(incoming)
                ? "report edited (version " + incoming.reportVersion() + ")" : null;
        if (!unit.equals(incoming.unitKey())) {
            // the report now names another unit: the entry, history and all, moves there
            if (existing != null) {
                agenda.reschedule(key, existing.agendaDate(), null);
                store.delete(key);
            }
            context.forward(new Record<>(incoming.unitKey(), TrackerOutput.handover(DeadlineEvent.handover(t.withAgendaDate(null),
                    edit)), causeTimestamp));
            return;
        }
        settle(key, matchAcrossReports(t), edit);
    }

    /** Links an issue with the same problem in the unit's other reports: a later completion closes an earlier issue. */
    private TrackedIssue matchAcrossReports(TrackedIssue t) {
        if (t.isRemoved()) {
            return t;
        }
        if ("completed".equals(t.status())) {
            completeEarlierIssues(t);
            return t;
        }
        if (t.completedByIssueId() == null) {
            TrackedIssue later = laterCompletionOf(t);
            if (later != null) {
                return t.completedBy(later.issueId(), later.reportUrl(), later.publishedDate());
            }
        }
        return t;
    }

    private void completeEarlierIssues(TrackedIssue completed) {
        List<TrackedIssueStore.Entry> earlier = new ArrayList<>();
        ProblemSimilarity.Shape shape = null;
        for (TrackedIssueStore.Entry e : store.unit(completed.unitKey())) {
            TrackedIssue other = e.issue;
            boolean open = !other.isCompleted()
                    // or completed by a report published after this one: the earliest completion tells when it was done
                    || (!"completed".equals(other.status()) && !completed.issueId().equals(other.completedByIssueId())
                        && ReportDates.isAfter(other.completedByPublished(), completed.publishedDate()));
            if (open && !other.isRemoved() && laterReport(completed, other)) {
                shape = shape == null ? ProblemSimilarity.shape(completed.problem()) : shape;
                if (ProblemSimilarity.sameProblem(e.shape(), shape)) {
                    earlier.add(e);
                }
            }
        }
        for (TrackedIssueStore.Entry e : earlier) {
            settle(e.key, e.issue.completedBy(completed.issueId(), completed.reportUrl(), completed.publishedDate()), null);
        }
    }

    /** The earliest-published report of the unit that completed the same problem after this issue's report. */
    private TrackedIssue laterCompletionOf(TrackedIssue open) {
        TrackedIssue best = null;
        ProblemSimilarity.Shape shape = null;
        for (TrackedIssueStore.Entry e : store.unit(open.unitKey())) {
            TrackedIssue other = e.issue;
            if ("completed".equals(other.status()) && !other.isRemoved() && laterReport(other, open)
                    && (best == null || ReportDates.isAfter(best.publishedDate(), other.publishedDate()))) {
                shape = shape == null ? ProblemSimilarity.shape(open.problem()) : shape;
                if (ProblemSimilarity.sameProblem(shape, e.shape())) {
                    best = other;
                }
            }
        }
        return best;
    }

    /**
     * {@code later} is in another report of a compatible province, known to come after {@code earlier}'s: checked
     * before the problems are compared, which is the costlier half of "the same problem, later".
     */
    private static boolean laterReport(TrackedIssue later, TrackedIssue earlier) {
        return !later.reportId().equals(earlier.reportId())
                && compatibleProvinces(later.provinceHint(), earlier.provinceHint())
                && ReportDates.isAfter(later.reportDate(), earlier.reportDate());
    }

    /** A province is a hint (from a phone area code or the text): only two different known ones keep units apart. */
    static boolean compatibleProvinces(String a, String b) {
        return a == null || b == null || a.isBlank() || b.isBlank() || Objects.equals(a.strip(), b.strip());
    }

    /** Evaluates, emits what changed, files the entry under its next day in the agenda and stores it. */
    private void settle(String key, TrackedIssue issue, String editReason) {
        long now = context.currentSystemTimeMs();
        IssueLifecycle.Step step = lifecycle.evaluate(issue, editReason, today(), now);
        TrackedIssue t = step.issue();
        for (TrackedAlert a : step.changed()) {
            boolean first = a.state() == AlertState.raised && a.raisedAtMs() == a.updatedAtMs();
            metrics.countTransition(a.state(), first);
            context.forward(new Record<>(a.alertId(), TrackerOutput.alert(record(t, a)), causeTimestamp));
        }
        LocalDate next = t.isClosed() ? pruneDay(t) : lifecycle.nextDue(t).orElse(null);
        t = t.withAgendaDate(agenda.reschedule(key, t.agendaDate(), next));
        store.put(key, t);
    }

    private LocalDate pruneDay(TrackedIssue t) {
        return Instant.ofEpochMilli(t.closedAtMs()).atZone(settings.zone()).toLocalDate().plusDays(settings.retentionDays());
    }

    /** Handles every agenda slot due by today: raises what fell due, prunes what is past its retention. */
    private void attendDue(long wallClockMs) {
        causeTimestamp = wallClockMs;
        LocalDate today = today();
        agenda.takeDue(today, BATCH, s -> {
            TrackedIssue t = store.get(s.entryKey());
            if (t == null || !s.day().equals(t.agendaDate())) {
                return; // a slot left behind by a move
            }
            t = t.withAgendaDate(null);
            if (t.isClosed() && !pruneDay(t).isAfter(today)) {
                store.delete(s.entryKey());
                metrics.entriesPruned.incrementAndGet();
            } else {
                settle(s.entryKey(), t, null);
            }
        });
    }

    static AlertRecord record(TrackedIssue t, TrackedAlert a) {
        return new AlertRecord(a.alertId(), a.kind(), a.state(), a.reason(), t.issueId(), t.reportId(), t.target(), t.provinceHint(),
                t.inspector(), t.problem(), t.topic(), t.pillar(), a.commitmentText(), a.dueDate(), t.feedbackDate(), t.reportUrl(),
                t.reportTitle(), Instant.ofEpochMilli(a.raisedAtMs()), Instant.ofEpochMilli(a.updatedAtMs()),
                a.closedAtMs() == null ? null : Instant.ofEpochMilli(a.closedAtMs()), a.resolvedByIssueId(),
                a.resolvedByReportUrl(), a.supersededBy());
    }

    private LocalDate today() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs()).atZone(settings.zone()).toLocalDate();
    }
}
