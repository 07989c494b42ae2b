package org.rectifywatch.processor.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.processor.deadline.DeadlineEvent;
import org.rectifywatch.processor.service.ProcessorMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same report is often published on several sites (the unit's portal, the discipline commission's
 * column). Outputs arrive keyed by content key (unit, kind, date and problem statements); the first report
 * with a key owns it, and a report at another URL with the same key is a mirror: its issues and alerts would
 * only duplicate the owner's, so nothing of it is emitted (and whatever an earlier, different version of that
 * URL had emitted is withdrawn). Everything else fans out to the per-topic records.
 */
final class MirrorFilter implements Processor<String, ReportOutputs, String, Envelope> {
    static final String STORE = "content-owners";
    private static final Logger log = LoggerFactory.getLogger(MirrorFilter.class);

    private final ProcessorMetrics metrics;
    private ProcessorContext<String, Envelope> context;
    private KeyValueStore<String, String> owners;

    MirrorFilter(ProcessorMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Envelope> context) {
        this.context = context;
        this.owners = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, ReportOutputs> record) {
        ReportOutputs o = record.value();
        if (o == null) {
            return;
        }
        long ts = record.timestamp();
        String owner = owners.get(o.contentKey());
        if (owner == null) {
            owners.put(o.contentKey(), o.reportId());
        } else if (!owner.equals(o.reportId())) {
            log.info("report {} ({}) mirrors report {}: not emitted again", o.reportId(), o.report().url(), owner);
            metrics.reportsMirrored.incrementAndGet();
            withdraw(o, ts);
            return;
        }
        context.forward(new Record<>(o.reportId(), Envelope.report(o.report()), ts));
        for (IssueRecord ir : o.issues()) {
            context.forward(new Record<>(ir.issueId(), Envelope.issue(ir), ts));
            context.forward(new Record<>(o.unitKey(), Envelope.deadline(new DeadlineEvent(ir.issueId(), o.unitKey(), ir)), ts));
        }
        for (String gone : o.removedIssueIds()) {
            delete(gone, o.previousUnitKey(), ts);
        }
        metrics.issuesOut.addAndGet(o.issues().size());
    }

    /** A URL that now mirrors another report takes back what its own earlier version emitted. */
    private void withdraw(ReportOutputs o, long ts) {
        if (o.previousIssueIds().isEmpty() && o.report().version() == 1) {
            return;
        }
        context.forward(new Record<>(o.reportId(), Envelope.report(null), ts));
        for (String id : o.previousIssueIds()) {
            delete(id, o.previousUnitKey(), ts);
        }
    }

    private void delete(String issueId, String unitKey, long ts) {
        context.forward(new Record<>(issueId, Envelope.issueDeleted(), ts));
        context.forward(new Record<>(unitKey, Envelope.deadline(new DeadlineEvent(issueId, unitKey, null)), ts));
        metrics.issuesDeleted.incrementAndGet();
    }
}
