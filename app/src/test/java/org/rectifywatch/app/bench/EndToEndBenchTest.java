package org.rectifywatch.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EndToEndBenchTest {

    @Test
    void everyVariantNumberNamesAnotherUnit() {
        // the bench's ranges: the measured reports from 0, the warm-up's from 50,000, the steady load's from 100,000
        Set<String> seen = new HashSet<>();
        for (int v = 0; v < 150_000; v++) {
            assertThat(seen.add(EndToEndBench.variant("关于市财政局党组巡察整改进展情况的通报", "市财政局", v)))
                    .as("variant %d repeats an earlier one", v).isTrue();
        }
        // the first 4,400 keep their earlier names, so recorded runs stay comparable
        assertThat(EndToEndBench.variant("市财政局", "市财政局", 0)).isEqualTo("东山市财政局");
        assertThat(EndToEndBench.variant("市财政局", "市财政局", 401)).isEqualTo("东河甲市财政局");
        assertThat(EndToEndBench.variant("市财政局", "市财政局", 4399)).isEqualTo("嘉湾癸市财政局");
        assertThat(EndToEndBench.variant("市财政局", "市财政局", 4400)).isEqualTo("东山乙甲市财政局");
    }

    @Test
    void theStagesAreSplitPerReportInTheTopologysOrderAndWhatNoStageCountedIsTheRest() {
        // 10 reports: the page stage 3 ms each (2.5 of it the analysis), identify 0.5 ms, deadlines 0.2 ms from 0.1 ms before
        Map<String, Long> from = Map.of("track-deadlines", 1_000_000L, "version-reports", 0L);
        Map<String, Long> to = Map.of("version-reports", 30_000_000L, "identify-reports", 5_000_000L, "track-deadlines", 3_000_000L);
        String line = EndToEndBench.describeStages(from, to, 2.5, 0.045, 10);
        assertThat(line).isEqualTo("the stream threads' CPU per report by stage, each with what it writes: version-reports 3.00 ms"
                + " (the analysis 2.50 of it), read-pages-by-unit 0.00 ms, identify-reports 0.50 ms, read-issues-by-unit 0.00 ms,"
                + " track-deadlines 0.20 ms, read-inspections-by-unit 0.00 ms, track-publication 0.00 ms; outside the stages (polls and"
                + " fetched records, commits and transactions, punctuations) 0.80 ms");
    }

    @Test
    void theEndIsToldStepByStepInSecondsIntoTheBackfillAndWhatNeverHappenedInItIsADash() {
        org.rectifywatch.sink.write.SinkCounters sink = new org.rectifywatch.sink.write.SinkCounters();
        sink.lastConsumedAt.set(100_000 + 27_800);
        sink.lastAcknowledgedAt.set(100_000 + 27_900);
        sink.lastDrainedAt.set(100_000 + 28_300);
        sink.lastRefreshSentAt.set(100_000 + 28_310);
        sink.lastRefreshDoneAt.set(99_000); // before the backfill
        assertThat(EndToEndBench.describeEnd(27.66, sink, 100_000, 29.42)).isEqualTo("the end of the backfill step by step: the last"
                + " stream thread worked until 27.7 s (sampled every 250 ms); the sink last read records at 27.80 s, its last bulk"
                + " acknowledged at 27.90 s, its input found drained at 28.30 s, its last refresh sent at 28.31 s and answered at -; every issue document seen searchable"
                + " at 29.42 s (polled every 50 ms by then)");
    }
}
