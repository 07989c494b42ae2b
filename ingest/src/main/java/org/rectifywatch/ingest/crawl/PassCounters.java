package org.rectifywatch.ingest.crawl;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.rectifywatch.ingest.fetch.SkipReason;

/** Mutable tally of a pass, frozen into a {@link PassSummary}. */
final class PassCounters {
    int fetched;
    int notModified;
    int published;
    int changed;
    int notices;
    int noticesChanged;
    int unchanged;
    int errors;
    int articles;
    private final Map<String, Integer> skipped = new TreeMap<>();
    private final long started = System.nanoTime();

    void skip(SkipReason reason) {
        skipped.merge(reason.label(), 1, Integer::sum);
        if (reason.failure()) {
            errors++;
        }
    }

    void add(PassSummary s) {
        fetched += s.fetched();
        notModified += s.notModified();
        published += s.published();
        changed += s.changed();
        notices += s.notices();
        noticesChanged += s.noticesChanged();
        unchanged += s.unchanged();
        errors += s.errors();
        s.skipped().forEach((k, v) -> skipped.merge(k, v, Integer::sum));
    }

    PassSummary summary() {
        return new PassSummary(fetched, notModified, published, changed, notices, noticesChanged, unchanged,
                Map.copyOf(skipped), errors,
                Duration.ofNanos(System.nanoTime() - started));
    }
}
