package org.rectifywatch.processor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectifywatch.samples.SampleReports;

class ContentSignatureTest {
    @Test
    void aCopyWithOtherFurnitureAndPunctuationIsAMirror() {
        String text = SampleReports.all().get(0).text();
        String copy = "首页 > 信息公开\n来源：市纪委监委 发布时间：2025-08-13 浏览次数：99\n"
                + text.replace("，", ",").replace("。", ".").replace("：", ":").replace("\n", "\n\n") + "\n【打印本页】 【关闭窗口】";
        assertThat(ContentSignature.of(copy).isMirrorOf(ContentSignature.of(text))).isTrue();
    }

    @Test
    void noTwoDifferentSampleReportsAreMirrorsEvenAFollowUpOfTheSameUnit() {
        List<SampleReports.Sample> all = SampleReports.all();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                ContentSignature a = ContentSignature.of(all.get(i).text());
                ContentSignature b = ContentSignature.of(all.get(j).text());
                assertThat(a.isMirrorOf(b)).as(all.get(i).name() + " vs " + all.get(j).name()).isFalse();
                assertThat(a.similarity(b)).as(all.get(i).name() + " vs " + all.get(j).name()).isLessThan(0.5);
            }
        }
    }

    @Test
    void aTooShortBodyIsNobodysMirror() {
        assertThat(ContentSignature.of("巡视整改").isMirrorOf(ContentSignature.of("巡视整改"))).isFalse();
    }
}
