package org.rectifywatch.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class CommitPacingTest {
    private static final long NOW = 1_800_000_000_000L;

    /** Records what it was handed and forwards it unchanged. */
    private static final class Stage implements Processor<String, String, String, String> {
        final List<String> seen = new ArrayList<>();
        ProcessorContext<String, String> context;
        boolean closed;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, String> record) {
            seen.add(record.value());
            context.forward(record);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final Stage stage = new Stage();
    private final MockProcessorContext<String, String> context = new MockProcessorContext<>();
    private final Processor<String, String, String, String> paced =
            new CommitPacing(Duration.ofMillis(100), Duration.ofSeconds(2)).around(() -> stage).get();

    private void tick() {
        tick(context, NOW);
    }

    private static void tick(MockProcessorContext<String, String> context, long now) {
        assertThat(context.scheduledPunctuators()).singleElement().satisfies(p -> {
            assertThat(p.getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);
            assertThat(p.getInterval()).isEqualTo(Duration.ofMillis(100));
            p.getPunctuator().punctuate(now);
        });
    }

    @Test
    void aFreshRecordIsCommittedAtTheNextTickAndOnlyOnce() {
        context.setCurrentSystemTimeMs(NOW);
        paced.init(context);
        paced.process(new Record<>("k", "new report", NOW - 300));
        assertThat(stage.seen).containsExactly("new report");
        assertThat(context.forwarded()).hasSize(1);
        assertThat(context.committed()).as("not before the tick").isFalse();
        tick();
        assertThat(context.committed()).isTrue();
        context.resetCommit();
        tick();
        assertThat(context.committed()).as("nothing fresh since").isFalse();
        paced.close();
        assertThat(stage.closed).isTrue();
    }

    @Test
    void aBacklogIsLeftToStreamsOwnCommitInterval() {
        context.setCurrentSystemTimeMs(NOW);
        paced.init(context);
        paced.process(new Record<>("k", "old report", NOW - 2_001));
        paced.process(new Record<>("k", "older report", NOW - 3_600_000));
        tick();
        assertThat(stage.seen).containsExactly("old report", "older report");
        assertThat(context.committed()).isFalse();
        paced.process(new Record<>("k", "just in", NOW - 2_000));
        tick();
        assertThat(context.committed()).as("at most the fresh age old is fresh").isTrue();
    }

    @Test
    void aBacklogThatRanOutIsCommittedOnceTheThreadHasBeenIdleForATick() {
        // as after a takeover: a few records that waited out the pause, old only by it
        context.setCurrentSystemTimeMs(NOW);
        paced.init(context);
        paced.process(new Record<>("k", "waited 7 s", NOW - 7_000));
        tick(context, NOW + 99);
        assertThat(context.committed()).as("handled within the tick: the backlog may go on").isFalse();
        tick(context, NOW + 100);
        assertThat(context.committed()).as("a whole tick without a record").isTrue();
        context.resetCommit();
        tick(context, NOW + 1_000);
        assertThat(context.committed()).as("nothing handled since").isFalse();
    }

    @Test
    void aStageIdleBetweenBurstsWaitsWhileAnotherStageOnItsThreadStillWorksThroughTheBacklog() {
        CommitPacing pacing = new CommitPacing(Duration.ofMillis(100), Duration.ofSeconds(2));
        MockProcessorContext<String, String> byUnitContext = new MockProcessorContext<>();
        MockProcessorContext<String, String> pageContext = new MockProcessorContext<>();
        Processor<String, String, String, String> byUnit = pacing.around(Stage::new).get();
        Processor<String, String, String, String> page = pacing.around(Stage::new).get();
        byUnitContext.setCurrentSystemTimeMs(NOW);
        pageContext.setCurrentSystemTimeMs(NOW);
        byUnit.init(byUnitContext);
        page.init(pageContext);
        byUnit.process(new Record<>("u", "burst released by an upstream commit", NOW - 60_000));
        for (long t = NOW; t <= NOW + 500; t += 50) {
            pageContext.setCurrentSystemTimeMs(t);
            page.process(new Record<>("k", "backfill page", t - 60_000));
            tick(byUnitContext, t);
            tick(pageContext, t);
        }
        assertThat(byUnitContext.committed()).as("the thread is still busy with the backlog").isFalse();
        assertThat(pageContext.committed()).isFalse();
        tick(byUnitContext, NOW + 600);
        assertThat(byUnitContext.committed()).as("the thread ran out of work").isTrue();
    }

    @Test
    void anIntervalMustBePositive() {
        assertThatThrownBy(() -> new CommitPacing(Duration.ZERO, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive interval");
    }
}
