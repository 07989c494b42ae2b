package org.rectifywatch.processor.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTextTest {
    @Test
    void stripsTheWrappersOfTheGenre() {
        assertThat(ProblemText.problemOf("针对“理论学习浅表化,离学深悟透做实要求有差距”问题。")).isEqualTo("理论学习浅表化,离学深悟透做实要求有差距");
        assertThat(ProblemText.problemOf("关于“主体责任落实还有短板”问题的整改情况")).isEqualTo("主体责任落实还有短板");
        assertThat(ProblemText.problemOf("关于纪委(纪检组)履行监督责任有所缺失的问题。")).isEqualTo("纪委(纪检组)履行监督责任有所缺失");
        assertThat(ProblemText.problemOf("“三超两乱”治理仍未到位的问题。")).isEqualTo("“三超两乱”治理仍未到位");
        assertThat(ProblemText.problemOf("在“贯彻落实党中央决策部署”方面")).isEqualTo("贯彻落实党中央决策部署");
        assertThat(ProblemText.problemOf("反馈问题：城乡生活污水收集处理能力不足。")).isEqualTo("城乡生活污水收集处理能力不足");
        assertThat(ProblemText.problemOf("关于\"党支部\"三会一课\"制度落实不严格\"问题")).isEqualTo("党支部\"三会一课\"制度落实不严格");
    }

    @Test
    void tellsProblemsFromActions() {
        assertThat(ProblemText.readsAsProblem("推动高质量发展不够有力")).isTrue();
        assertThat(ProblemText.readsAsProblem("部分党组织管党治党宽松软")).isTrue();
        assertThat(ProblemText.readsAsProblem("持续总结推广“寀卢经验”")).isFalse();
        assertThat(ProblemText.readsAsProblem("全力整治耕地非农化问题")).isFalse();
        assertThat(ProblemText.readsAsProblem("加大巡视移交问题整改力度")).isFalse();
        assertThat(ProblemText.readsAsProblem("巡视反馈问题整改落实情况")).isFalse();
    }
}
