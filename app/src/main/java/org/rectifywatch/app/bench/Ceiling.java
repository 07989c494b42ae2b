package org.rectifywatch.app.bench;

import java.util.Locale;

/**
 * The backfill rate that the parts' own CPU costs allow on the cores at hand: {@code cores / (P + E + S + B)}, each
 * part in CPU seconds per report of the backfill's mix. P is the processor's analysis alone, E and S Elasticsearch's
 * and the client's CPU per document at raw concurrent {@code _bulk} times the documents the pipeline indexes per
 * report, B the broker's CPU for moving each report and each of its issue documents once (written and read back).
 * Pure arithmetic over figures measured in the same run, so that no part drops out unseen.
 */
record Ceiling(double processor, double elasticsearch, double sink, double broker) {

    /** What the run measured, with the counts each figure is to be divided by. */
    record Measured(double processorCpuSeconds, long processorReports,
                    double elasticsearchBulkCpuSeconds, double clientBulkCpuSeconds, long bulkDocuments,
                    long documentsIndexed, long backfillReports,
                    double brokerCpuSeconds) {
        Measured {
            positive("reports of the solo analysis run", processorReports);
            positive("documents of the raw bulk", bulkDocuments);
            positive("documents the sink indexed", documentsIndexed);
            positive("reports of the backfill", backfillReports);
        }

        /** Documents the pipeline indexes per report: issues, the report itself, alerts. */
        double documentsPerReport() {
            return (double) documentsIndexed / backfillReports;
        }
    }

    static Ceiling of(Measured m) {
        double perDocument = m.documentsPerReport() / m.bulkDocuments();
        return new Ceiling(m.processorCpuSeconds() / m.processorReports(),
                m.elasticsearchBulkCpuSeconds() * perDocument,
                m.clientBulkCpuSeconds() * perDocument,
                m.brokerCpuSeconds() / m.backfillReports());
    }

    /** CPU seconds per report, all parts. */
    double perReport() {
        return processor + elasticsearch + sink + broker;
    }

    /** Reports per second that {@code cores} fully busy could carry at the parts' own costs. */
    double reportsPerSecond(int cores) {
        if (cores <= 0) {
            throw new IllegalArgumentException("cores must be positive, got " + cores);
        }
        return cores / perReport();
    }

    /** The benchmark's result line: the backfill against the ceiling, ratio with two decimals. */
    static String resultLine(double backfillReportsPerSecond, double ceilingReportsPerSecond) {
        return String.format(Locale.ROOT, "bench e2e: %.1f reports/s vs ceiling %.1f reports/s = ratio %.2f",
                backfillReportsPerSecond, ceilingReportsPerSecond, backfillReportsPerSecond / ceilingReportsPerSecond);
    }

    private static void positive(String what, long n) {
        if (n <= 0) {
            throw new IllegalArgumentException(what + " must be positive to give a cost per report, got " + n);
        }
    }
}
