package org.rectifywatch.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FigureExtractorTest {
    @Test
    void moneyInYuanAndSubAmountsKeptApart() {
        Map<String, Number> f = FigureExtractor.extract(
                "共给予党纪政务处分二十三人,诫勉谈话7人;清退款项31.77万元(含收缴款30.45万元),挽回经济损失1.2亿元。");
        assertThat(f).containsEntry("disciplined_persons", 23L).containsEntry("admonished_persons", 7L)
                .containsEntry("funds_returned_yuan", 317700.0).containsEntry("funds_confiscated_yuan", 304500.0)
                .containsEntry("losses_recovered_yuan", 120000000.0);
    }

    @Test
    void problemCountsNeedBothTotalAndRectified() {
        assertThat(FigureExtractor.extract("巡察反馈25个问题,已完成整改19个,其余正在整改。"))
                .containsEntry("problems_total", 25L).containsEntry("problems_rectified", 19L);
        assertThat(FigureExtractor.extract("将反馈的2个方面26个具体问题细化为116条措施。")).isEmpty();
        assertThat(FigureExtractor.extract("巡视反馈问题32个,已整改到位28个。"))
                .containsEntry("problems_total", 32L).containsEntry("problems_rectified", 28L);
        assertThat(FigureExtractor.extract("省委巡视组反馈的18个问题已全部整改完成。"))
                .containsEntry("problems_total", 18L).containsEntry("problems_rectified", 18L);
    }

    @Test
    void approximateAndGroupedNumbers() {
        assertThat(FigureExtractor.extract("挽回经济损失1,250余万元,问责30余人。"))
                .containsEntry("losses_recovered_yuan", 12500000.0).containsEntry("held_accountable_persons", 30L);
    }
}
