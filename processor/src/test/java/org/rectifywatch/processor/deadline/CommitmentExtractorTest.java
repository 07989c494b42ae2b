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

    private static void none(String text, Integer year, String anchor) {
        assertThat(CommitmentExtractor.extract(text, year, anchor)).as(text).isEmpty();
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
    void monthsAndPeriodsTakeTheYearFromContext() {
        String a = "2025-06-15";
        assertThat(due("剩余项目6月底前完成。", 2025, a)).isEqualTo("2025-06-30");
        assertThat(due("剩余项目2026年3月前完成。", 2025, a)).isEqualTo("2026-03-31");
        assertThat(due("剩余项目2026年3月底完成。", 2025, a)).isEqualTo("2026-03-31");
        assertThat(due("剩余项目今年内完成。", 2025, a)).isEqualTo("2025-12-31");
        assertThat(due("剩余项目本年度内完成。", 2025, a)).isEqualTo("2025-12-31");
        assertThat(due("剩余项目年底完成。", 2025, a)).isEqualTo("2025-12-31");
        assertThat(due("计划明年年底前完成。", 2025, a)).isEqualTo("2026-12-31");
        assertThat(due("剩余2个项目明年完成。", 2025, a)).isEqualTo("2026-12-31");
        assertThat(due("剩余项目二〇二五年底前完成。", 2025, a)).isEqualTo("2025-12-31");
        assertThat(due("剩余项目２０２５年６月底前完成。", 2025, a)).isEqualTo("2025-06-30");
        assertThat(due("剩余项目2025 年 6 月底前完成。", 2025, a)).isEqualTo("2025-06-30");
        assertThat(due("剩余工作本月底前完成。", 2025, a)).isEqualTo("2025-06-30");
        assertThat(due("剩余工作于2025年11月份完成。", 2025, a)).isEqualTo("2025-11-30");
        assertThat(due("剩余项目9月中旬前完成。", 2025, a)).isEqualTo("2025-09-20");
    }

    @Test
    void aGoalAfterADatedPeriodIsAPromiseWithoutPromiseWord() {
        String a = "2025-06-15";
        // before: no commitment for any of these (no 将/力争, no 前)
        assertThat(due("剩余项目明年上半年完成。", 2025, a)).isEqualTo("2026-06-30");
        assertThat(due("剩余项目明年6月完成。", 2025, a)).isEqualTo("2026-06-30");
        assertThat(due("剩余项目下半年完成。", 2025, a)).isEqualTo("2025-12-31");
        assertThat(due("剩余项目第三季度完成。", 2025, a)).isEqualTo("2025-09-30");
        assertThat(due("剩余项目将于第三季度完成。", 2025, a)).isEqualTo("2025-09-30");
        assertThat(due("剩余3个项目2025年9月整改到位。", 2025, a)).isEqualTo("2025-09-30");
        assertThat(due("到2025年底，实现村级集体经济全覆盖。", 2025, a)).isEqualTo("2025-12-31");
        // a month without a year and without 前 may be history that the anchor rule moved a year on
        none("3月份完成招标。", 2025, a);
    }

    @Test
    void labelCellsAreCommitmentsWhenTheyHoldADate() {
        String a = "2025-06-15";
        assertThat(due("整改时限：2024年12月底", 2025, a)).isEqualTo("2024-12-31");
        assertThat(due("整改时限：2025年6月", 2025, a)).isEqualTo("2025-06-30");
        assertThat(due("整改时限：2024年10月", 2025, a)).isEqualTo("2024-10-31");
        assertThat(due("整改时限：2025年12月底前 整改责任人：张三", 2025, a)).isEqualTo("2025-12-31");
        assertThat(due("截止时间：2025年10月", 2025, a)).isEqualTo("2025-10-31");
        assertThat(due("整改期限：2025年9月30日", 2025, a)).isEqualTo("2025-09-30");
        assertThat(due("整改时限：2025.12", 2025, a)).isEqualTo("2025-12-31");
        assertThat(due("整改时限：2024年1月至2024年6月", 2025, a)).isEqualTo("2024-06-30");
        none("完成时限：长期坚持", 2025, a);
        none("时限：立行立改", 2025, a);
    }

    @Test
    void spansAndRescheduledDeadlinesEndAtTheirLastDate() {
        String a = "2025-06-15";
        assertThat(due("计划于2025年7月至9月开展专项整治。", 2025, a)).isEqualTo("2025-09-30");
        assertThat(due("剩余项目计划2024年底前完成，因故延期至2025年6月底。", 2025, a)).isEqualTo("2025-06-30");
        assertThat(due("原计划2024年底完成，现延期至2025年9月底前完成。", 2025, a)).isEqualTo("2025-09-30");
        none("2015年7月至2016年2月期间开展自查。", 2016, "2016-02-26");
    }

    @Test
    void aPromiseAfterAnEarlierDoneClauseStaysAPromise() {
        // 已 in the clause before does not undo 将于; the passed due date is what makes it overdue
        assertThat(due("已完成9个，将于2024年6月底前完成剩余3个。", 2025, "2025-06-15")).isEqualTo("2024-06-30");
    }

    @Test
    void pastDatesAreNotCommitments() {
        assertThat(CommitmentExtractor.extract("截至7月31日,已完成整改。自4月15日起开展专项治理。", 2021, "2021-06-30")).isEmpty();
        assertThat(CommitmentExtractor.extract("已于2025年12月完成整顿验收。对2021年以来发展的党员逐一审核。", 2026, "2026-10-15")).isEmpty();
        assertThat(CommitmentExtractor.extract("全部科级干部均在3月底前详细填报了个人事项。", 2016, "2016-02-26")).isEmpty();
        String a = "2025-06-15";
        for (String s : List.of("已于2024年5月完成。", "2023年以来共查处案件5起。", "截至2024年6月底，已完成80%。",
                "于2024年3月召开专题会议。", "2024年5月底前已全部完成整改。", "2024年6月底前全部完成。", "组织2024年度考核。",
                "执行2023年版标准。", "将2025年度考核结果运用到干部选任中。", "年内召开了2次会议。", "上半年已完成。",
                "2025年上半年已召开会议3次。", "到2024年底，全县累计完成改造500户。", "前三季度完成投资5亿元。",
                "当年完成投资5亿元。", "剩余3个项目已于2015年内完成。")) {
            none(s, 2025, a);
        }
    }

    @Test
    void recurringRulesAndLooseWordsAreNotCommitments() {
        String a = "2025-06-15";
        for (String s : List.of("每月底前报送进度。", "每年年底前开展一次检查。", "每季度末通报一次。", "将开展摸底排查。",
                "守住安全底线。", "近三年内发生的问题全部整改。", "执行2023.1版标准。",
                "指挥部撤销后，原则上要在1个月内办理资金清理。")) {
            none(s, 2025, a);
        }
    }

    @Test
    void movableFeastsAreNotRead() {
        // 春节 and 汛期 move by year and region: no due date is guessed
        none("剩余项目春节前完成。", 2025, "2025-06-15");
        none("汛期前完成清淤。", 2025, "2025-06-15");
    }

    @Test
    void oneCommitmentPerSentence() {
        List<Commitment> c = CommitmentExtractor.extract(
                "剩余3个项目年底前完成，另2个项目明年6月底前完成。余下2处隐患力争明年上半年整改到位。", 2025, "2025-06-15");
        assertThat(c).extracting(Commitment::due).containsExactly("2025-12-31", "2026-06-30");
    }

    @Test
    void aPromiseWordOfAnEarlierClauseDoesNotMakeHistoryAPromise() {
        assertThat(CommitmentExtractor.extract("制定年度学习计划并严格执行，2022年已开展专题学习研讨10次，该问题已整改完成。", 2023,
                "2023-03-01")).isEmpty();
        assertThat(CommitmentExtractor.extract("制定年度学习计划，计划2023年底前完成全部轮训。", 2023, "2023-03-01"))
                .extracting(c -> c.due()).containsExactly("2023-12-31");
    }
}
