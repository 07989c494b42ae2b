package org.rectifywatch.ingest.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rectifywatch.samples.SampleReports;

class TitleFilterTest {
    private final TitleFilter filter = TitleFilter.defaults();

    @ParameterizedTest
    @ValueSource(strings = {
            "中共中国XX集团有限公司党组关于二十届中央第三轮巡视整改进展情况的通报",
            "中共XX省委关于十九届中央第六轮巡视整改进展情况的通报",
            "中共XX市委关于中央第八巡视组反馈意见整改情况的通报",
            "XX县委关于中央第三巡视组反馈意见整改落实情况的通报",
            "中共XX区委关于省委巡视反馈意见整改情况的通报",
            "中共XX局党组关于市委巡察整改进展情况的通报",
            "中共XX镇委员会关于县委巡察“回头看”整改情况的通报",
            "中共ＸＸ县委关于省委巡视整改情况的通报（第二批）"})
    void rectificationReportsAreKept(String title) {
        assertThat(filter.verdict(title)).isEqualTo(TitleFilter.Verdict.REPORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "省委第六巡视组巡视XX县工作动员会召开",
            "中央第三巡视组进驻XX省开展巡视工作",
            "省委第二巡视组向XX市委反馈巡视情况反馈会召开",
            "XX县委召开巡视整改专题民主生活会",
            "XX市召开巡视整改推进会",
            "XX区巡察整改工作调度会召开"})
    void newsAboutInspectionsIsNoise(String title) {
        assertThat(filter.verdict(title)).isEqualTo(TitleFilter.Verdict.NOISE);
    }

    @Test
    void unrelatedTitlesAreUnknownAndEverySampleTitleIsAReport() {
        assertThat(filter.verdict("关于做好2025年春节期间值班工作的通知")).isEqualTo(TitleFilter.Verdict.UNKNOWN);
        SampleReports.all().forEach(s -> assertThat(filter.isReport(s.title())).as(s.title()).isTrue());
    }
}
