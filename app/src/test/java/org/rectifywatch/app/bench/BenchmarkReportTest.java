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
        // the e2e section's CPU breakdown also has a "processor: … ms …" line: it is not the processor's result
        BenchmarkReport.update(doc, "e2e", "processor: 4.70 ms CPU per report, 621 µs per issue document\n"
                + "bench e2e: 1000 issues/s vs baseline 8000 docs/s = ratio 0.13\n");
        String text = Files.readString(doc);
        assertThat(text).containsOnlyOnce("## processor").containsOnlyOnce("## sink").containsOnlyOnce("## Summary");
        assertThat(text).contains("| processor | ≥ 0.5 of HanLP segmentation alone | `bench processor: 150 chars/s vs baseline 200 chars/s = ratio 0.75` |");
        assertThat(text).contains("| sink | ≥ 0.9 of raw concurrent `_bulk` | `bench sink: 9 docs/s vs baseline 10 docs/s = ratio 0.90` |");
        assertThat(text).contains("| e2e |").contains("`bench e2e: 1000 issues/s vs baseline 8000 docs/s = ratio 0.13`")
                .contains("| classifier |").contains("not run yet").doesNotContain("ratio 0.50");
    }
}
