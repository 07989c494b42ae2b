package org.rectifywatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rectifywatch.app.cli.TopicsCommand.Actual;
import org.rectifywatch.model.Topics;

/** What {@code pipeline topics} reports about existing topics that differ from {@link Topics#ALL}. */
class TopicsCommandTest {
    private static final Topics.Spec RAW = new Topics.Spec("reports.raw", 6,
            Map.of("max.message.bytes", "8388608", "cleanup.policy", "compact"));
    private static final Topics.Spec DLQ = new Topics.Spec("sink.dlq", 1, Map.of());

    @Test
    void topicsAsSpecifiedHaveNoDifferences() {
        assertThat(TopicsCommand.differences(List.of(RAW, DLQ), Map.of(
                "reports.raw", new Actual(6, Map.of("cleanup.policy", "compact", "max.message.bytes", "8388608")),
                "sink.dlq", new Actual(1, Map.of("cleanup.policy", "delete", "max.message.bytes", "1048588"))))).isEmpty();
        assertThat(TopicsCommand.differences(List.of(RAW), Map.of(
                "reports.raw", new Actual(6, Map.of("cleanup.policy", "compact", "max.message.bytes", "16777216")))))
                .as("a larger limit than needed is fine").isEmpty();
    }

    @Test
    void partitionsCompactionAndSizeLimitAreEachReportedWithTheirFix() {
        List<String> d = TopicsCommand.differences(List.of(RAW, DLQ), Map.of(
                "reports.raw", new Actual(3, Map.of("cleanup.policy", "delete", "max.message.bytes", "1048588")),
                "sink.dlq", new Actual(2, Map.of("cleanup.policy", "compact"))));
        assertThat(d).hasSize(5);
        assertThat(d).anySatisfy(s -> assertThat(s).contains("reports.raw has 3 partitions, the pipeline expects 6")
                .contains("--partitions 6"));
        assertThat(d).anySatisfy(s -> assertThat(s).contains("reports.raw has cleanup.policy=delete")
                .contains("--add-config cleanup.policy=compact"));
        assertThat(d).anySatisfy(s -> assertThat(s).contains("reports.raw has max.message.bytes=1048588")
                .contains("max.message.bytes=8388608"));
        assertThat(d).anySatisfy(s -> assertThat(s).contains("sink.dlq has 2 partitions").contains("cannot be removed"));
        assertThat(d).anySatisfy(s -> assertThat(s).contains("sink.dlq has cleanup.policy=compact, the pipeline expects delete"));
    }

    @Test
    void aTopicTheClusterDoesNotListIsReported() {
        assertThat(TopicsCommand.differences(List.of(DLQ), Map.of())).singleElement()
                .satisfies(s -> assertThat(s).contains("sink.dlq is missing"));
    }
}
