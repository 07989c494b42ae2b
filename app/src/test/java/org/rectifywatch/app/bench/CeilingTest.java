package org.rectifywatch.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CeilingTest {
    // 2 s of CPU for 1,000 solo reports: P = 2 ms; 10 s of Elasticsearch and 5 s of client CPU for 10,000 bulk documents
    // at 9 documents per report (90,000 indexed for 10,000 reports): E = 9 ms, S = 4.5 ms; 5 s of broker CPU for
    // 10,000 reports: B = 0.5 ms; 16 ms a report on 2 cores: 125 reports/s
    private static final Ceiling.Measured MEASURED = new Ceiling.Measured(2.0, 1_000, 10.0, 5.0, 10_000, 90_000, 10_000, 5.0);

    @Test
    void everyPartIsItsCostPerReportAndTheCoresAreDividedByTheirSum() {
        Ceiling c = Ceiling.of(MEASURED);
        assertThat(c.processor()).isCloseTo(0.002, within(1e-12));
        assertThat(c.elasticsearch()).isCloseTo(0.009, within(1e-12));
        assertThat(c.sink()).isCloseTo(0.0045, within(1e-12));
        assertThat(c.broker()).isCloseTo(0.0005, within(1e-12));
        assertThat(c.perReport()).isCloseTo(0.016, within(1e-12));
        assertThat(c.reportsPerSecond(2)).isCloseTo(125.0, within(1e-9));
    }

    @Test
    void eachPartLowersTheCeilingByItsOwnCost() {
        double base = Ceiling.of(MEASURED).reportsPerSecond(2);
        // doubling one measured figure adds that part once more: 2 / (0.016 + part)
        assertThat(Ceiling.of(new Ceiling.Measured(4.0, 1_000, 10.0, 5.0, 10_000, 90_000, 10_000, 5.0)).reportsPerSecond(2))
                .isCloseTo(2 / 0.018, within(1e-9));
        assertThat(Ceiling.of(new Ceiling.Measured(2.0, 1_000, 20.0, 5.0, 10_000, 90_000, 10_000, 5.0)).reportsPerSecond(2))
                .isCloseTo(2 / 0.025, within(1e-9));
        assertThat(Ceiling.of(new Ceiling.Measured(2.0, 1_000, 10.0, 10.0, 10_000, 90_000, 10_000, 5.0)).reportsPerSecond(2))
                .isCloseTo(2 / 0.0205, within(1e-9));
        assertThat(Ceiling.of(new Ceiling.Measured(2.0, 1_000, 10.0, 5.0, 10_000, 90_000, 10_000, 10.0)).reportsPerSecond(2))
                .isCloseTo(2 / 0.0165, within(1e-9));
        // more documents per report cost Elasticsearch and the client alike: 2 + 18 + 9 + 0.5 ms
        assertThat(Ceiling.of(new Ceiling.Measured(2.0, 1_000, 10.0, 5.0, 10_000, 180_000, 10_000, 5.0)).reportsPerSecond(2))
                .isCloseTo(2 / 0.0295, within(1e-9)).isLessThan(base);
    }

    @Test
    void theResultLineIsTheBackfillAgainstTheCeilingWithTheRatioToTwoDecimals() {
        assertThat(Ceiling.resultLine(100.0, Ceiling.of(MEASURED).reportsPerSecond(2)))
                .isEqualTo("bench e2e: 100.0 reports/s vs ceiling 125.0 reports/s = ratio 0.80");
        assertThat(Ceiling.resultLine(149.74, 391.43)).isEqualTo("bench e2e: 149.7 reports/s vs ceiling 391.4 reports/s = ratio 0.38");
    }

    @Test
    void aCountOfZeroIsRefusedByName() {
        assertThatThrownBy(() -> new Ceiling.Measured(2.0, 1_000, 10.0, 5.0, 10_000, 0, 10_000, 5.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("documents the sink indexed");
        assertThatThrownBy(() -> Ceiling.of(MEASURED).reportsPerSecond(0)).hasMessageContaining("cores");
    }
}
