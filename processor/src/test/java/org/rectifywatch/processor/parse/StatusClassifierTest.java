package org.rectifywatch.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusClassifierTest {

    private static String status(String rectification, String... path) {
        return StatusClassifier.classify(rectification, List.of(path)).status();
    }

    @Test
    void aGroupHeadingThatStatesTheStatusDecides() {
        String planning = "建立台账，计划于2025年6月底前开展复查";
        assertThat(status(planning)).isEqualTo("in_progress");
        assertThat(status(planning, "一、已完成整改的问题")).isEqualTo("completed");
        assertThat(status(planning, "一、已经完成整改的问题（共12个）", "（一）党的建设方面")).isEqualTo("completed");
        assertThat(status("已完成", "二、正在推进整改的问题(3个)")).isEqualTo("in_progress");
        assertThat(status("已建立制度", "三、需要长期坚持的问题：")).isEqualTo("long_term");
    }

    @Test
    void aHeadingAboutAPastStateOrAboutProgressIsNotAGroup() {
        assertThat(status("已全部整改到位", "二、前期未完成整改问题的进展情况")).isEqualTo("completed");
        assertThat(status("正在推进", "一、巡察反馈问题整改完成情况")).isEqualTo("in_progress");
        assertThat(status("建立长效机制", "（二）关于已完成整改的问题是否反弹的排查")).isEqualTo("long_term");
    }

    @Test
    void completionWithItsDateIsCompleted() {
        assertThat(status("修订学习制度，建立学习台账，已于2024年10月完成整改")).isEqualTo("completed");
        assertThat(status("制定财政管理体制改革方案，已于2020年6月起实施")).isEqualTo("completed");
        assertThat(status("已于2024年10月启动专项治理")).isEqualTo("long_term");
        assertThat(status("清理出违规经商办企业的领导干部亲属17人，已全部按规定处理")).isEqualTo("completed");
        assertThat(status("对5名厅级干部立案审查，已全部依规依纪作出处理")).isEqualTo("completed");
    }

    @Test
    void aProgressLineThatIsOnlyDoneIsCompleted() {
        assertThat(status("开展专项行动，清理违建3处。\n已完成\n完成时限：2024年12月")).isEqualTo("completed");
        assertThat(status("对档案进行专项审核。\n已完成整改。")).isEqualTo("completed");
        assertThat(status("已完成部分项目，其余项目正在推进")).isEqualTo("in_progress");
        assertThat(status("开展专项行动。\n已完成3个村的整治，其余村正在推进")).isEqualTo("in_progress");
    }
}
