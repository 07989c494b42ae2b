package org.rectifywatch.processor.service;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.rectifywatch.model.wire.AlertState;

/** Counters behind the processor's periodic summary line. */
public final class ProcessorMetrics {
    public final AtomicLong reportsIn = new AtomicLong();
    public final AtomicLong reportsUnchanged = new AtomicLong();
    public final AtomicLong reportsParsed = new AtomicLong();
    public final AtomicLong noticesParsed = new AtomicLong();
    /** Re-analysed (new parser or classifier) with the same outcome: nothing emitted. */
    public final AtomicLong reportsSameOutcome = new AtomicLong();
    /** Pages recognised as copies of a report another page published first. */
    public final AtomicLong mirrors = new AtomicLong();
    public final AtomicLong reportsRetracted = new AtomicLong();
    public final AtomicLong retractionsUnknown = new AtomicLong();
    public final AtomicLong issuesOut = new AtomicLong();
    public final AtomicLong issuesDeleted = new AtomicLong();
    public final AtomicLong deadLetters = new AtomicLong();
    /** Inputs whose output was too large for its topic (each dead-lettered whole). */
    public final AtomicLong oversized = new AtomicLong();
    /** Every alert transition written to alerts.overdue (updates of a raised alert included). */
    public final AtomicLong alertRecordsOut = new AtomicLong();
    public final AtomicLong alertsRaised = new AtomicLong();
    public final AtomicLong alertsResolved = new AtomicLong();
    public final AtomicLong alertsWithdrawn = new AtomicLong();
    public final AtomicLong alertsSuperseded = new AtomicLong();
    public final AtomicLong entriesPruned = new AtomicLong();
    public final AtomicLong inspectionsPruned = new AtomicLong();
    /**
     * Thread CPU of the reports' analysis (parse, segment, classify, search tokens, content signature) and how many
     * were timed: next to the stream threads' whole CPU it tells the analysis from the rest of the pipeline's work.
     */
    public final AtomicLong analysisCpuNanos = new AtomicLong();
    public final AtomicLong analysesTimed = new AtomicLong();

    /** Adds one analysis that took {@code cpuNanos} of its thread's CPU (negative: the clock was unavailable). */
    public void countAnalysis(long cpuNanos) {
        if (cpuNanos >= 0) {
            analysisCpuNanos.addAndGet(cpuNanos);
            analysesTimed.incrementAndGet();
        }
    }

    /** Mean thread CPU per analysed report, in ms (0 before any). */
    public double analysisCpuMsPerReport() {
        long n = analysesTimed.get();
        return n == 0 ? 0 : analysisCpuNanos.get() / 1e6 / n;
    }

    /**
     * Thread CPU inside each stage of the topology (its own work and what it forwards and writes), by stage name:
     * next to the stream threads' whole CPU it says where the pipeline's work beyond the analysis goes.
     */
    private final ConcurrentHashMap<String, LongAdder> stageCpuNanos =
            new ConcurrentHashMap<>();

    /** The counter of one stage's thread CPU, in nanoseconds (one per stage name, shared by its tasks). */
    public LongAdder stageCpu(String stage) {
        return stageCpuNanos.computeIfAbsent(stage, k -> new LongAdder());
    }

    /** Thread CPU so far inside each stage, in nanoseconds, by stage name. */
    public Map<String, Long> stageCpuNanos() {
        Map<String, Long> out = new TreeMap<>();
        stageCpuNanos.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public void countTransition(AlertState state, boolean firstRaise) {
        alertRecordsOut.incrementAndGet();
        switch (state) {
            case raised -> {
                if (firstRaise) {
                    alertsRaised.incrementAndGet();
                }
            }
            case resolved -> alertsResolved.incrementAndGet();
            case withdrawn -> alertsWithdrawn.incrementAndGet();
            case superseded -> alertsSuperseded.incrementAndGet();
        }
    }

    public String summary() {
        return String.format("reports in %d (unchanged %d, parsed %d, same outcome %d, mirrors %d, retracted %d, unknown retractions skipped %d, feedback notices %d), issues out %d (deleted %d), DLQ %d (output too large %d), "
                        + "alerts raised %d, resolved %d, withdrawn %d, superseded %d, pruned %d issues and %d inspections; "
                        + "analysis %.2f ms CPU per report",
                reportsIn.get(), reportsUnchanged.get(), reportsParsed.get(), reportsSameOutcome.get(), mirrors.get(),
                reportsRetracted.get(), retractionsUnknown.get(), noticesParsed.get(), issuesOut.get(),
                issuesDeleted.get(), deadLetters.get(), oversized.get(), alertsRaised.get(), alertsResolved.get(), alertsWithdrawn.get(),
                alertsSuperseded.get(), entriesPruned.get(), inspectionsPruned.get(), analysisCpuMsPerReport());
    }
}
