package org.rectifywatch.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
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
}
