package org.rectifywatch.processor.service;

import java.util.concurrent.atomic.AtomicLong;

/** Counters behind the processor's periodic summary line. */
public final class ProcessorMetrics {
    public final AtomicLong reportsIn = new AtomicLong();
    public final AtomicLong reportsUnchanged = new AtomicLong();
    public final AtomicLong reportsParsed = new AtomicLong();
    public final AtomicLong issuesOut = new AtomicLong();
    public final AtomicLong issuesDeleted = new AtomicLong();
    public final AtomicLong deadLetters = new AtomicLong();
    public final AtomicLong alertsRaised = new AtomicLong();
    public final AtomicLong alertsResolved = new AtomicLong();

    public String summary() {
        return String.format("reports in %d (unchanged %d, parsed %d), issues out %d (deleted %d), DLQ %d, alerts raised %d, resolved %d",
                reportsIn.get(), reportsUnchanged.get(), reportsParsed.get(), issuesOut.get(), issuesDeleted.get(),
                deadLetters.get(), alertsRaised.get(), alertsResolved.get());
    }
}
