package org.rectifywatch.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetadataDatesTest {
    @Test
    void yearsComeFromTheSurroundingDates() {
        assertThat(MetadataExtractor.dates("2020年9月14日至11月9日,省委第九巡视组对卫滨区进行了巡视。2021年2月5日,省委巡视组向卫滨区委反馈了巡视意见。", null))
                .containsExactly("2020-09-14", "2020-11-09", "2021-02-05");
        assertThat(MetadataExtractor.dates("2015年11月至2016年1月,省委巡视第一组对天心区进行了巡视,今年2月26日向天心区委反馈了巡视意见。", null))
                .containsExactly("2015-11", "2016-01", "2016-02-26");
        assertThat(MetadataExtractor.dates("2024年10月14日至11月29日,省委第三巡视组开展了巡视。1月16日,巡视组反馈了巡视意见。", null))
                .containsExactly("2024-10-14", "2024-11-29", "2025-01-16");
    }

    @Test
    void aMissingYearIsNeverGuessed() {
        assertThat(MetadataExtractor.dates("3月1日至4月30日,省委第二巡视组对某县进行了巡视,6月9日反馈了巡视意见。", null))
                .containsExactly(null, null, null);
        assertThat(MetadataExtractor.dates("去年11月8日至今年1月10日,县委第三巡察组对某镇开展了巡察,今年3月2日反馈了巡察意见。", 2024))
                .containsExactly("2023-11-08", "2024-01-10", "2024-03-02");
    }

    @Test
    void inspectionKinds() {
        assertThat(MetadataExtractor.inspectionKind("省委第九巡视组对东阳市开展了巡视“回头看”", false)).isEqualTo("巡视回头看");
        assertThat(MetadataExtractor.inspectionKind("区委第一巡察组开展了教育领域专项巡察", true)).isEqualTo("专项巡察");
        assertThat(MetadataExtractor.inspectionKind("省委第三巡视组开展了机动巡视", false)).isEqualTo("机动巡视");
        assertThat(MetadataExtractor.inspectionKind("市委第四巡察组开展了巡察", true)).isEqualTo("常规巡察");
    }
}
