package org.rectifywatch.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkReportTest {

    @Test
    void aRunReplacesItsSectionAndTheSummaryShowsTheLastResultOfEach(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("BENCHMARKS.md");
        BenchmarkReport.update(doc, "processor", "warming up\nbench processor: 100 chars/s vs baseline 200 chars/s = ratio 0.50\n");
        BenchmarkReport.update(doc, "sink", "bench sink: 9 docs/s vs baseline 10 docs/s = ratio 0.90\n");
        BenchmarkReport.update(doc, "processor", "bench processor: 150 chars/s vs baseline 200 chars/s = ratio 0.75\n");
        // the e2e section opens with a "bench e2e: …" line and has "processor …" part lines: neither is a result
        BenchmarkReport.update(doc, "e2e", "bench e2e: 10000 reports (variants of 14 texts) → about 75711 issue documents; 2 cores\n"
                + "processor: 4.70 ms CPU per report\n"
                + "  P processor: analysis alone, 1 thread, warm (1400 reports)   2.10 ms | processor threads   4.70 ms (extra +2.60)\n"
                + "steady load 10 reports/s for 30 s: p50 0.92 s, p99 1.60 s, max 1.63 s (300 reports)\n"
                + "bench e2e: 149.7 reports/s vs ceiling 391.4 reports/s = ratio 0.38\n");
        String text = Files.readString(doc);
        assertThat(text).containsOnlyOnce("## processor").containsOnlyOnce("## sink").containsOnlyOnce("## Summary");
        assertThat(text).contains("| processor | ≥ 0.7 of HanLP segmentation alone | `bench processor: 150 chars/s vs baseline 200 chars/s = ratio 0.75` |");
        assertThat(text).contains("| sink | ≥ 0.9 of raw concurrent `_bulk` | `bench sink: 9 docs/s vs baseline 10 docs/s = ratio 0.90` |");
        assertThat(text).contains("| e2e | backfill ≥ 0.7 of the ceiling its parts allow; steady p99 publish→searchable ≤ 1 s at 10 reports/s"
                        + " | `bench e2e: 149.7 reports/s vs ceiling 391.4 reports/s = ratio 0.38; steady load 10 reports/s for 30 s:"
                        + " p50 0.92 s, p99 1.60 s, max 1.63 s (300 reports)` |")
                .contains("| classifier |").contains("not run yet").doesNotContain("ratio 0.50");
    }
}
