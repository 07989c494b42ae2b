package org.rectifywatch.processor.deadline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import org.rectifywatch.processor.service.ProcessorMetrics;

/**
 * Raises and resolves overdue alerts. Issues of one inspected unit arrive on one task (keyed by unit), kept in
 * a persistent store keyed {@code unit␁issue} so that a unit's issues can be scanned to match a follow-up
 * report. A wall-clock punctuator re-evaluates every tracked issue (stream-time punctuation would not fire
 * without traffic); the store remembers raised alerts, so an alert is raised once per (issue, due date, kind)
 * and survives restarts without repeating.
 */
public final class DeadlineTracker implements Processor<String, DeadlineEvent, String, AlertRecord> {
    public static final String STORE = "tracked-issues";
    private static final String SEP = "\u0001";

    private final OverdueRules rules;
    private final ZoneId zone;
    private final Duration interval;
    private final ProcessorMetrics metrics;
    private ProcessorContext<String, AlertRecord> context;
    private KeyValueStore<String, TrackedIssue> store;

    public DeadlineTracker(OverdueRules rules, ZoneId zone, Duration interval, ProcessorMetrics metrics) {
        this.rules = rules;
        this.zone = zone;
        this.interval = interval;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, AlertRecord> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::evaluateAll);
    }

    @Override
    public void process(Record<String, DeadlineEvent> record) {
        DeadlineEvent e = record.value();
        if (e == null || e.issueId() == null) {
            return;
        }
        String key = e.unitKey() + SEP + e.issueId();
        TrackedIssue existing = store.get(key);
        if (e.issue() == null) {
            if (existing != null) {
                resolveOpen(existing, null, existing.reportUrl());
                store.delete(key);
            }
            return;
        }
        TrackedIssue incoming = e.issue();
        TrackedIssue tracked = existing == null ? incoming : existing.updatedWith(incoming);
        if (tracked.isCompleted() && !tracked.openAlerts().isEmpty()) {
            tracked = resolveOpen(tracked, tracked.issueId(), tracked.reportUrl());
        }
        if ("completed".equals(tracked.status())) {
            completeEarlierIssues(tracked);
        } else if (!tracked.isCompleted()) {
            TrackedIssue laterCompletion = laterCompletionOf(tracked);
            if (laterCompletion != null) {
                // raise what was already overdue before closing it, so the outcome does not depend on which
                // report happened to be processed first
                tracked = raiseDue(tracked, today());
                tracked = resolveOpen(tracked.completedBy(laterCompletion.issueId(), laterCompletion.reportUrl()),
                        laterCompletion.issueId(), laterCompletion.reportUrl());
            }
        }
        tracked = raiseDue(tracked, today());
        store.put(key, tracked);
    }

    private void evaluateAll(long wallClockMs) {
        LocalDate today = today();
        List<KeyValue<String, TrackedIssue>> changed = new ArrayList<>();
        try (KeyValueIterator<String, TrackedIssue> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, TrackedIssue> kv = it.next();
                TrackedIssue after = raiseDue(kv.value, today);
                if (after != kv.value) {
                    changed.add(KeyValue.pair(kv.key, after));
                }
            }
        }
        changed.forEach(kv -> store.put(kv.key, kv.value));
    }

    private TrackedIssue raiseDue(TrackedIssue issue, LocalDate today) {
        TrackedIssue t = issue;
        for (DueAlert due : rules.dueAlerts(issue, today)) {
            if (t.hasRaised(due.alertId())) {
                continue;
            }
            long now = context.currentSystemTimeMs();
            t = t.withRaised(new TrackedIssue.RaisedAlert(due.alertId(), due.kind(), due.dueDate().toString(),
                    due.commitmentText(), now, due.daysOverdue(), false));
            forward(alert(t, due.alertId(), due.kind(), due.dueDate().toString(), due.commitmentText(), due.daysOverdue(),
                    AlertState.raised, now, null, null, null));
            metrics.alertsRaised.incrementAndGet();
        }
        return t;
    }

    private TrackedIssue resolveOpen(TrackedIssue t, String byIssueId, String byReportUrl) {
        long now = context.currentSystemTimeMs();
        for (TrackedIssue.RaisedAlert a : t.openAlerts()) {
            forward(alert(t, a.alertId(), a.kind(), a.dueDate(), a.commitmentText(), a.daysOverdueAtRaise(),
                    AlertState.resolved, a.raisedAtMs(), now, byIssueId, byReportUrl));
            metrics.alertsResolved.incrementAndGet();
        }
        return t.withAllResolved();
    }

    /** A completed issue in a later report closes the same problem in the unit's earlier reports. */
    private void completeEarlierIssues(TrackedIssue completed) {
        List<KeyValue<String, TrackedIssue>> updates = new ArrayList<>();
        try (KeyValueIterator<String, TrackedIssue> it = store.prefixScan(completed.unitKey() + SEP, new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, TrackedIssue> kv = it.next();
                TrackedIssue other = kv.value;
                if (other.reportId().equals(completed.reportId()) || other.isCompleted()
                        || !isLater(completed, other) || !ProblemSimilarity.sameProblem(other.problem(), completed.problem())) {
                    continue;
                }
                TrackedIssue done = raiseDue(other, today()).completedBy(completed.issueId(), completed.reportUrl());
                updates.add(KeyValue.pair(kv.key, resolveOpen(done, completed.issueId(), completed.reportUrl())));
            }
        }
        updates.forEach(kv -> store.put(kv.key, kv.value));
    }

    private TrackedIssue laterCompletionOf(TrackedIssue open) {
        try (KeyValueIterator<String, TrackedIssue> it = store.prefixScan(open.unitKey() + SEP, new StringSerializer())) {
            while (it.hasNext()) {
                TrackedIssue other = it.next().value;
                if (!other.reportId().equals(open.reportId()) && "completed".equals(other.status())
                        && isLater(other, open) && ProblemSimilarity.sameProblem(other.problem(), open.problem())) {
                    return other;
                }
            }
        }
        return null;
    }

    /** Whether {@code a}'s report came after {@code b}'s: by published date, else by feedback date. */
    static boolean isLater(TrackedIssue a, TrackedIssue b) {
        String da = a.publishedDate() != null ? a.publishedDate() : a.feedbackDate();
        String db = b.publishedDate() != null ? b.publishedDate() : b.feedbackDate();
        if (da == null || db == null) {
            return da != null || db == null; // unknown order: a report with a date beats one without
        }
        return da.compareTo(db) > 0;
    }

    private AlertRecord alert(TrackedIssue t, String alertId, org.rectifywatch.model.wire.AlertKind kind, String due,
                              String commitmentText, long daysOverdue, AlertState state, long raisedAtMs, Long resolvedAtMs,
                              String byIssueId, String byReportUrl) {
        // Compile-level adaptation to the new AlertRecord contract (reason, feedback date, updated/closed times,
        // supersededBy); days overdue are no longer stored but computed when read.
        String reason = state == AlertState.raised ? kind + ": due " + due
                : state + (byReportUrl == null ? "" : " by " + byReportUrl);
        Instant raisedAt = Instant.ofEpochMilli(raisedAtMs);
        Instant closedAt = resolvedAtMs == null ? null : Instant.ofEpochMilli(resolvedAtMs);
        return new AlertRecord(alertId, kind, state, reason, t.issueId(), t.reportId(), t.target(), t.provinceHint(),
                t.inspector(), t.problem(), t.topic(), t.pillar(), commitmentText, due, t.feedbackDate(), t.reportUrl(),
                t.reportTitle(), raisedAt, closedAt == null ? raisedAt : closedAt, closedAt, byIssueId, byReportUrl, null);
    }

    private void forward(AlertRecord a) {
        context.forward(new Record<>(a.alertId(), a, context.currentSystemTimeMs()));
    }

    private LocalDate today() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs()).atZone(zone).toLocalDate();
    }
}
