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

    @Test
    void aConcreteResultReportedAsAchievedIsCompleted() {
        assertThat(status("县委政府多方筹措资金，城东小学新校区已建成，并于2023年9月如期开学")).isEqualTo("completed");
        assertThat(status("加强招商服务。园区标准化厂房已全部入驻")).isEqualTo("completed");
        assertThat(status("对占用办公用房开展清查，超标部分已清理到位")).isEqualTo("completed");
        assertThat(status("建立信访件交办督办台账，群众反映的52件问题办结率100%")).isEqualTo("completed");
        assertThat(status("河道沿线违建构筑物3处已拆除")).isEqualTo("completed");
        assertThat(status("违规发放的津补贴18.6万元已追缴到位")).isEqualTo("completed");
        assertThat(status("拖欠的中小企业账款已兑付")).isEqualTo("completed");
        assertThat(status("交办的问题线索已办结")).isEqualTo("completed");
        assertThat(status("经区委编委会研究，已将4名干部调整到巡察机构")).isEqualTo("completed");
        assertThat(status("应收未收的场地租金12万元已追回")).isEqualTo("completed");
    }

    @Test
    void aspirationsNegationsAndPartialsAreNotCompletion() {
        assertThat(status("要求各单位限期整改到位")).isEqualTo("long_term");
        assertThat(status("确保问题全部整改到位")).isEqualTo("long_term");
        assertThat(status("力争早日整改到位")).isEqualTo("long_term");
        assertThat(status("力争2025年底前全部完成")).isEqualTo("in_progress");
        assertThat(status("安置房项目尚未完成竣工验收")).isEqualTo("in_progress");
        assertThat(status("老旧小区改造已完成年度任务的65%")).isEqualTo("in_progress");
        assertThat(status("已完成部分路段的改造")).isEqualTo("in_progress");
        assertThat(status("学校教学楼加固工程没有如期竣工，正在组织施工")).isEqualTo("in_progress");
        assertThat(status("村“两委”换届工作基本完成")).isEqualTo("long_term");
        assertThat(status("该问题已基本完成整改")).isEqualTo("in_progress");
    }

    @Test
    void actionsInThePastAreMeasuresNotResults() {
        assertThat(status("召开了党委常委会专题研究，开展了专项培训2期")).isEqualTo("long_term");
        assertThat(status("已召开专题民主生活会，已开展警示教育")).isEqualTo("long_term");
        assertThat(status("已于2024年3月部署开展专项整治")).isEqualTo("long_term");
        assertThat(status("已建立岗位廉政风险防控长效机制，常态化开展廉洁教育")).isEqualTo("long_term");
        assertThat(status("长期坚持“三会一课”制度，定期开展党性分析")).isEqualTo("long_term");
    }

    @Test
    void aPendingItemThatIsNowDoneIsHistory() {
        assertThat(status("食堂改造工程原计划2024年6月底前完成，现已完成并投入使用")).isEqualTo("completed");
        assertThat(status("该项目于2022年3月开工建设，目前已建成投用")).isEqualTo("completed");
        assertThat(status("此前尚未办结的6件信访件，现已全部办结")).isEqualTo("completed");
        assertThat(status("已完成3个片区签约，其余2个片区正在协商")).isEqualTo("in_progress");
        assertThat(status("其余项目已全部完成")).isEqualTo("completed");
    }

    @Test
    void aResultMentionedInAProgrammeOfMeasuresStaysLongTerm() {
        String programme = "一是完善制度机制，修订《干部选拔任用工作规程》。二是加强日常监督，开展专项检查4次。"
                + "三是强化教育培训，组织集中轮训2期，新任命干部8名现已全部到任履职。四是严格考核问责，定期通报。"
                + "五是坚持常态长效，持续跟踪问效。六是压实主体责任，层层签订责任书。七是用好考核结果，与评优评先挂钩。";
        assertThat(status(programme)).isEqualTo("long_term");
        StatusClassifier.Verdict v = StatusClassifier.classify("加强调度。园区厂房已全部入驻", List.of());
        assertThat(v.evidence()).isEqualTo("园区厂房已全部入驻");
    }

    @Test
    void theWholeIssueClosedOutweighsAPendingDetail() {
        assertThat(status("个别项目正在审计，该问题已整改完成")).isEqualTo("completed");
        assertThat(status("确保该问题已整改到位")).isNotEqualTo("completed");
    }
}
