package org.rectifywatch.app.bench;

import com.hankcs.hanlp.tokenizer.StandardTokenizer;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import org.rectifywatch.model.report.Issue;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.processor.classify.ChineseTokenizer;
import org.rectifywatch.processor.report.ReportAnalyzer;
import org.rectifywatch.processor.report.ReportIds;
import org.rectifywatch.processor.report.WireRecords;

/**
 * {@code bench processor}: what the processor does per report (parse, segment, classify, build the issue
 * records with their search tokens), single thread and warm, against HanLP's standard segmentation alone
 * over the same texts. Rounds alternate baseline and subject so that drift hits both alike.
 */
public final class ProcessorBench {
    /**
     * Timed rounds of each, short and many, alternating which goes first: the cores' speed moves with whatever else
     * shares the machine for seconds at a time, and with rounds of 2 s a slow spell fell on one side of a pair (per-pair
     * ratios 0.50 to 0.86 in one run); in half-second rounds it falls on both alike.
     */
    private static final long ROUND_NANOS = 500_000_000L;
    private static final int ROUNDS = 20;
    private static final long WARMUP_NANOS = 2_000_000_000L;
    private static final int MIN_WARMUPS = 3;
    private static final int MAX_WARMUPS = 10;

    private ProcessorBench() {
    }

    public record Figures(double reportsPerSec, double charsPerSec, double baselineReportsPerSec, double baselineCharsPerSec) {
        public double ratio() {
            return charsPerSec / baselineCharsPerSec;
        }
    }

    public static Figures run(List<BenchTexts.Text> texts, PrintStream out) {
        ReportAnalyzer analyzer = ReportAnalyzer.standard();
        WireRecords records = new WireRecords(ChineseTokenizer.shared());
        long chars = texts.stream().mapToLong(t -> t.text().length()).sum();
        out.printf("bench processor: %d reports, %,d characters per round, single thread%n", texts.size(), chars);
        Runnable subject = () -> {
            for (BenchTexts.Text t : texts) {
                String url = "bench:" + t.name();
                RawReport raw = new RawReport(url, "bench", null, null, Instant.EPOCH, "UTF-8", null, t.text(), List.of());
                ParsedReport parsed = analyzer.analyze(raw);
                List<String> ids = org.rectifywatch.processor.report.IssueIdentity.assign("rbench", List.of(), parsed.issues()).ids();
                for (int i = 0; i < parsed.issues().size(); i++) {
                    Issue issue = parsed.issues().get(i);
                    sink(records.issue(ids.get(i), "rbench", 1, raw, parsed, issue, Instant.EPOCH));
                }
            }
        };
        Runnable baseline = () -> {
            for (BenchTexts.Text t : texts) {
                sink(StandardTokenizer.segment(t.text()));
            }
        };
        out.println("warming up …");
        // until the processor's rate settles, not for a fixed number of passes: the parser is a lot of code, and on two
        // busy cores the JIT is still compiling it well after three passes, which the timed rounds then paid for
        double last = 0;
        for (int i = 0; i < MAX_WARMUPS; i++) {
            double s = rate(subject, WARMUP_NANOS);
            double b = rate(baseline, WARMUP_NANOS);
            out.printf("  warm-up %d: processor %.1f rounds/s, HanLP segmentation %.1f rounds/s%n", i + 1, s, b);
            boolean settled = i >= MIN_WARMUPS - 1 && Math.abs(s - last) <= 0.05 * Math.max(s, last);
            last = s;
            if (settled) {
                break;
            }
        }
        double subjectRounds = 0;
        double baselineRounds = 0;
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i < ROUNDS; i++) {
            double b;
            double s;
            if (i % 2 == 0) {
                b = rate(baseline, ROUND_NANOS);
                s = rate(subject, ROUND_NANOS);
            } else {
                s = rate(subject, ROUND_NANOS);
                b = rate(baseline, ROUND_NANOS);
            }
            pairs.append(String.format(java.util.Locale.ROOT, i == 0 ? "%.1f/%.1f" : ", %.1f/%.1f", s, b));
            subjectRounds += s / ROUNDS;
            baselineRounds += b / ROUNDS;
        }
        out.printf("  %d rounds of %.1f s each, processor/HanLP segmentation rounds/s: %s%n", ROUNDS, ROUND_NANOS / 1e9, pairs);
        Figures f = new Figures(subjectRounds * texts.size(), subjectRounds * chars, baselineRounds * texts.size(), baselineRounds * chars);
        out.printf("processor (parse + segment + classify + records): %.1f reports/s, %,.0f chars/s%n", f.reportsPerSec(), f.charsPerSec());
        out.printf("baseline (HanLP StandardTokenizer alone):          %.1f reports/s, %,.0f chars/s%n", f.baselineReportsPerSec(), f.baselineCharsPerSec());
        out.printf("bench processor: %.0f chars/s vs baseline %.0f chars/s = ratio %.2f%n", f.charsPerSec(), f.baselineCharsPerSec(), f.ratio());
        return f;
    }

    /** Rounds per second of {@code work} run for at least {@code nanos}. */
    private static double rate(Runnable work, long nanos) {
        long start = System.nanoTime();
        long rounds = 0;
        do {
            work.run();
            rounds++;
        } while (System.nanoTime() - start < nanos);
        return rounds / ((System.nanoTime() - start) / 1e9);
    }

    private static volatile Object blackhole;

    private static void sink(Object o) {
        blackhole = o;
    }
}
