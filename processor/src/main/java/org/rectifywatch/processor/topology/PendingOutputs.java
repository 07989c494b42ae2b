package org.rectifywatch.processor.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * What one input makes — outputs and store writes — held until the input is wholly handled, then written all
 * together: stores first, then outputs. A failure or an output too large for its topic discards everything, so
 * exactly-once never commits half a version.
 */
final class PendingOutputs {
    private final List<Record<String, Envelope>> outputs = new ArrayList<>();
    private final List<StagedStore<?>> stores;

    PendingOutputs(List<StagedStore<?>> stores) {
        this.stores = List.copyOf(stores);
    }

    void forward(Record<String, Envelope> r) {
        outputs.add(r);
    }

    /** The first output too large for its destination, if any. Serialises the outputs, which are then written as those bytes. */
    Optional<String> oversized(RecordLimits limits) {
        outputs.replaceAll(r -> r.withValue(r.value().serialised()));
        return OutputSizes.firstOversized(outputs, limits);
    }

    void discard() {
        outputs.clear();
        stores.forEach(StagedStore::discard);
    }

    void commit(ProcessorContext<String, Envelope> context) {
        stores.forEach(StagedStore::commit);
        List<Record<String, Envelope>> out = List.copyOf(outputs);
        outputs.clear();
        out.forEach(context::forward);
    }
}
