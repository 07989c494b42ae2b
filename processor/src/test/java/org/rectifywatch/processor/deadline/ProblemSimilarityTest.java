package org.rectifywatch.processor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemSimilarityTest {

    @Test
    void aRestatedProblemMatchesAndADifferentOneDoesNot() {
        assertThat(ProblemSimilarity.sameProblem("问题楼盘处置进度缓慢", "问题楼盘处置进度缓慢")).isTrue();
        assertThat(ProblemSimilarity.sameProblem("关于“问题楼盘处置进度缓慢”问题", "问题楼盘处置进度仍然缓慢")).isTrue();
        assertThat(ProblemSimilarity.sameProblem("传统产业改造提升滞后,园区亩均税收低于全省平均水平", "传统产业改造提升滞后")).isTrue();
        assertThat(ProblemSimilarity.sameProblem("问题楼盘处置进度缓慢", "部分村党组织软弱涣散")).isFalse();
        assertThat(ProblemSimilarity.sameProblem("选人用人不规范", "工程款拨付审核把关不严")).isFalse();
    }

    @Test
    void emptyOrMissingTextMatchesNothing() {
        assertThat(ProblemSimilarity.of(null, "问题楼盘")).isZero();
        assertThat(ProblemSimilarity.of("", "")).isZero();
    }
}
