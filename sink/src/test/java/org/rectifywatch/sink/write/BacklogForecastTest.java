package org.rectifywatch.sink.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BacklogForecastTest {
    private static final TopicPartition RAW_0 = new TopicPartition("reports.raw", 0);
    private static final TopicPartition RAW_1 = new TopicPartition("reports.raw", 1);
    private final BacklogForecast forecast = new BacklogForecast();

    /** The processor's group has committed {@code c0} and {@code c1} of input ending at 600 and 400. */
    private static InputLook look(long c0, long c1, long at) {
        return new InputLook(Map.of(), Map.of(), Map.of(RAW_0, c0, RAW_1, c1), Map.of(RAW_0, 600L, RAW_1, 400L), at);
    }

    @Test
    void whatIsLeftAtThePaceOfTheLastFewSecondsUntilTheLastPartitionRunsOut() {
        assertThat(forecast.millisToDrain(look(0, 0, 10_000))).as("no pace yet").isEqualTo(Long.MAX_VALUE);
        assertThat(forecast.millisToDrain(look(50, 50, 10_400))).as("too short a span to tell").isEqualTo(Long.MAX_VALUE);
        // in 1 s: partition 0 100 done, 500 left: 5 s; partition 1 100 done, 300 left: 3 s
        assertThat(forecast.millisToDrain(look(100, 100, 11_000))).isEqualTo(5_000);
        // the pace over the last 3 s only: from 11,000 to 14,000 partition 0 did 450 (50 left: 333.3 ms), 1 did 100
        // (200 left: 6 s), whose thread has more to do
        forecast.millisToDrain(look(200, 150, 12_000));
        assertThat(forecast.millisToDrain(look(550, 200, 14_000))).isEqualTo(6_000);
        assertThat(forecast.millisToDrain(look(600, 400, 14_500))).as("all committed").isZero();
        assertThat(forecast.millisToDrain(look(600, 380, 15_000))).as("went back: one look").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void noProgressOrNoUpstreamCannotBeTold() {
        forecast.millisToDrain(look(100, 0, 1_000));
        assertThat(forecast.millisToDrain(look(100, 0, 3_000))).as("stalled").isEqualTo(Long.MAX_VALUE);
        assertThat(forecast.millisToDrain(look(200, 0, 4_000))).as("partition 1 still stalled").isEqualTo(Long.MAX_VALUE);
        assertThat(new BacklogForecast().millisToDrain(new InputLook(Map.of(), Map.of(), Map.of(), Map.of(), 1_000)))
                .as("no upstream watched").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aPartitionWithWorkLeftAndNoProgressCannotBeToldWhileOneThatIsDoneNeedsNone() {
        forecast.millisToDrain(look(100, 400, 1_000));
        assertThat(forecast.millisToDrain(look(350, 400, 2_000))).as("partition 1 done, 0 at 250 a second").isEqualTo(1_000);
        forecast.millisToDrain(look(350, 300, 3_000));
        assertThat(forecast.millisToDrain(look(350, 350, 4_000))).as("went back, then partition 0 stalled").isEqualTo(Long.MAX_VALUE);
    }
}
