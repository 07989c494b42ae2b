package org.rectifywatch.app.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourcePositionTest {

    @Test
    void readsTopicPartitionAndOffsetEvenWhenTheTopicHasDashes() {
        assertThat(SourcePosition.parse("reports.raw-3@1207")).contains(new SourcePosition("reports.raw", 3, 1207));
        assertThat(SourcePosition.parse("it-source-12-0@5")).contains(new SourcePosition("it-source-12", 0, 5));
    }

    @Test
    void aTopicWithoutAPositionIsStillASource() {
        assertThat(SourcePosition.parse("issues.classified")).contains(new SourcePosition("issues.classified", -1, -1));
        assertThat(SourcePosition.parse("  ")).isEmpty();
    }
}
