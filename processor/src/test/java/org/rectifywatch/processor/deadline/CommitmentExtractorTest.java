package org.rectifywatch.processor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.report.Commitment;

class CommitmentExtractorTest {
    private static String due(String text, Integer year, String anchor) {
        List<Commitment> c = CommitmentExtractor.extract(text, year, anchor);
        assertThat(c).as(text).hasSize(1);
        return c.get(0).due();
    }

    @Test
    void normalisesDueDates() {
        assertThat(due("沈小营安置区已全部封顶,将于2021年12月31日前达到交付条件。", 2021, "2021-06-30")).isEqualTo("2021-12-31");
        assertThat(due("剩余项目将于年底前全部完成。", 2025, "2025-06-28")).isEqualTo("2025-12-31");
        assertThat(due("首批集中审批将在5月底完成。", 2016, "2016-02-26")).isEqualTo("2016-05-31");
        assertThat(due("力争2024年上半年完成全部清理。", 2023, "2023-11-30")).isEqualTo("2024-06-30");
        assertThat(due("预计到2022年完成改造。", 2021, null)).isEqualTo("2022-12-31");
        assertThat(due("计划于3月底前完成验收。", 2025, "2025-11-20")).isEqualTo("2026-03-31");
        assertThat(due("力争三年内实现全覆盖。", 2023, null)).isNull();
    }

    @Test
    void pastDatesAreNotCommitments() {
        assertThat(CommitmentExtractor.extract("截至7月31日,已完成整改。自4月15日起开展专项治理。", 2021, "2021-06-30")).isEmpty();
        assertThat(CommitmentExtractor.extract("已于2025年12月完成整顿验收。对2021年以来发展的党员逐一审核。", 2026, "2026-10-15")).isEmpty();
        assertThat(CommitmentExtractor.extract("全部科级干部均在3月底前详细填报了个人事项。", 2016, "2016-02-26")).isEmpty();
    }
}
