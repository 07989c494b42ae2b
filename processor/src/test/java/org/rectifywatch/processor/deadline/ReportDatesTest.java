package org.rectifywatch.processor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportDatesTest {
    @Test
    void datesOfMixedPrecisionCompareAtTheirCommonPrecision() {
        assertThat(ReportDates.isAfter("2024-05-01", "2024-05")).as("same month: no order").isFalse();
        assertThat(ReportDates.isAfter("2024-05", "2024-05-01")).isFalse();
        assertThat(ReportDates.isAfter("2024-06", "2024-05-31")).isTrue();
        assertThat(ReportDates.isAfter("2024-05-31", "2024-06")).isFalse();
        assertThat(ReportDates.isAfter("2025", "2024-12-31")).isTrue();
        assertThat(ReportDates.compare("2024-05-02", "2024-05-10")).contains(-1);
    }

    @Test
    void undatedReportsHaveNoOrder() {
        assertThat(ReportDates.isAfter(null, null)).isFalse();
        assertThat(ReportDates.isAfter("2024-05-01", null)).isFalse();
        assertThat(ReportDates.isAfter(null, "2024-05-01")).isFalse();
        assertThat(ReportDates.isAfter("五月", "2024-05-01")).isFalse();
    }

    @Test
    void theLatestDayAPartialDateCanMean() {
        assertThat(ReportDates.latestDay("2024-02")).contains(LocalDate.parse("2024-02-29"));
        assertThat(ReportDates.latestDay("2024")).contains(LocalDate.parse("2024-12-31"));
        assertThat(ReportDates.day("2024-02")).isEmpty();
        assertThat(ReportDates.day("2024-02-03")).contains(LocalDate.parse("2024-02-03"));
    }
}
