package org.rectifywatch.processor.deadline;

import org.rectifywatch.model.wire.AlertRecord;

/** What a tracker emits: an alert transition (keyed by alert id) or an entry handed over to another unit (keyed by it). */
public record TrackerOutput(AlertRecord alert, DeadlineEvent handover) {
    public static TrackerOutput alert(AlertRecord a) {
        return new TrackerOutput(a, null);
    }

    public static TrackerOutput handover(DeadlineEvent e) {
        return new TrackerOutput(null, e);
    }

    public boolean isAlert() {
        return alert != null;
    }
}
