package org.rectifywatch.processor.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingDataTest {

    @Test
    void bundledDataCoversAllTopicsWithEnoughRows() {
        TrainingData data = TrainingData.bundled();
        assertThat(data.size()).isGreaterThanOrEqualTo(500);
        Map<Topic, Integer> perTopic = new EnumMap<>(Topic.class);
        data.examples().forEach(e -> perTopic.merge(e.topic(), 1, Integer::sum));
        assertThat(perTopic).hasSize(18);
        perTopic.forEach((t, n) -> assertThat(n).as("rows for %s", t.code()).isGreaterThanOrEqualTo(15));
        assertThat(data.examples()).allSatisfy(e -> assertThat(e.source()).matches("synthetic|gold:.+"));
        assertThat(data.sha256()).hasSize(64);
    }

    @Test
    void malformedRowsAreRejectedWithTheLineNumber() {
        assertThatThrownBy(() -> TrainingData.parse("cadres\t\t\t选人用人不规范\n", "x.tsv"))
                .hasMessageContaining("x.tsv line 1");
        assertThatThrownBy(() -> TrainingData.parse("nope\t\t\t选人用人不规范\tsynthetic\n", "x.tsv"))
                .hasMessageContaining("nope");
    }

    @Test
    void goldRowsAreMatchedToTheirReportWithOrWithoutExtension() {
        TrainingExample e = new TrainingExample(Topic.CADRES, null, "", "选人用人不规范", "gold:000_abc.txt");
        assertThat(e.fromReport("000_abc.txt")).isTrue();
        assertThat(e.fromReport("000_abc.json")).isTrue();
        assertThat(e.fromReport("001_abc.txt")).isFalse();
        assertThat(new TrainingExample(Topic.CADRES, null, "", "x", "synthetic").fromReport("000_abc.txt")).isFalse();
    }
}
