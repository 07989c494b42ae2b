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

    @Test
    void numberBeforeTheKeyword() {
        assertThat(FigureExtractor.extract("整改以来，23人受到党纪政务处分，对15人进行组织处理，对7名干部进行诫勉谈话。"))
                .containsEntry("disciplined_persons", 23L).containsEntry("org_handled_persons", 15L)
                .containsEntry("admonished_persons", 7L).hasSize(3);
        assertThat(FigureExtractor.extract("对履职不力的12名领导干部严肃问责，违规发放的津补贴46.2万元已全部清退。"))
                .containsEntry("held_accountable_persons", 12L).containsEntry("funds_returned_yuan", 462000.0).hasSize(2);
    }

    @Test
    void keywordVariants() {
        assertThat(FigureExtractor.extract("共处分17人，谈话提醒56人次，追责问责9人，立案审查调查违纪违法问题31件，建章立制14项。"))
                .containsEntry("disciplined_persons", 17L).containsEntry("reminded_persons", 56L)
                .containsEntry("held_accountable_persons", 9L).containsEntry("cases_filed", 31L)
                .containsEntry("rules_established", 14L);
        assertThat(FigureExtractor.extract("处分干部12名，给予纪律处分的另计。")).containsEntry("disciplined_persons", 12L);
        assertThat(FigureExtractor.extract("形成制度成果26项，挽回和避免经济损失三百二十万元，追缴违规资金1,250余万元。"))
                .containsEntry("rules_established", 26L).containsEntry("losses_recovered_yuan", 3200000.0)
                .containsEntry("funds_recovered_yuan", 12500000.0);
        assertThat(FigureExtractor.extract("收缴违纪款５０万余元，挽回经济损失两亿三千万元。"))
                .containsEntry("funds_confiscated_yuan", 500000.0).containsEntry("losses_recovered_yuan", 230000000.0);
    }

    @Test
    void partsAreSummedOnlyWhenNoCombinedCountIsTold() {
        assertThat(FigureExtractor.extract("给予党纪处分8人、政务处分3人。")).containsEntry("disciplined_persons", 11L);
        assertThat(FigureExtractor.extract("给予党纪政务处分23人，其中党纪处分15人、政务处分8人。"))
                .containsEntry("disciplined_persons", 23L);
        assertThat(FigureExtractor.extract("新建制度12项、修订完善9项，废止制度4项。")).containsEntry("rules_established", 21L);
        assertThat(FigureExtractor.extract("建立完善制度60项，其中新建制度20项、修订40项。")).containsEntry("rules_established", 60L);
    }

    @Test
    void trapsGiveNoFigure() {
        assertThat(FigureExtractor.extract("召开专题会议12次，开展培训8次，制定整改措施46条，梳理形成整改任务116项。")).isEmpty();
        assertThat(FigureExtractor.extract("问责党组织3个，立案审查调查12人，排查违规发放津补贴问题9个，涉及金额32万元。")).isEmpty();
        assertThat(FigureExtractor.extract("诫勉谈话和批评教育12人，组织处理和党纪政务处分共9人，回访受处分干部30人。")).isEmpty();
        assertThat(FigureExtractor.extract("2023年12人受到党纪政务处分的说法不实，处分人数同比下降12%。")).isEmpty();
        assertThat(FigureExtractor.extract("给予数十人党纪政务处分，群众满意度达到96.5%。")).isEmpty();
        assertThat(FigureExtractor.extract("问责党组织3个、党员干部12人。")).containsEntry("held_accountable_persons", 12L).hasSize(1);
    }

    @Test
    void statedTotalsOutrankPartialCounts() {
        assertThat(FigureExtractor.extract("县直单位给予党纪政务处分5人。全县累计给予党纪政务处分31人，其中乡镇给予党纪政务处分12人。"))
                .containsEntry("disciplined_persons", 31L);
        assertThat(FigureExtractor.extract("截至目前，共挽回经济损失30万元，二级单位诫勉4人，全县累计诫勉6人。"))
                .containsEntry("admonished_persons", 6L);
    }

    @Test
    void problemWordings() {
        assertThat(FigureExtractor.extract("巡视反馈的31个问题中已整改完成24个，整改完成率77.4%。"))
                .containsEntry("problems_total", 31L).containsEntry("problems_rectified", 24L);
        assertThat(FigureExtractor.extract("反馈的十六个问题全部整改完成。"))
                .containsEntry("problems_total", 16L).containsEntry("problems_rectified", 16L);
        assertThat(FigureExtractor.extract("截至目前，整改完成率100%（42个问题）。"))
                .containsEntry("problems_total", 42L).containsEntry("problems_rectified", 42L);
        assertThat(FigureExtractor.extract("巡视反馈问题共28个。截至6月底，已整改到位25个，其余3个正在推进。"))
                .containsEntry("problems_total", 28L).containsEntry("problems_rectified", 25L);
        assertThat(FigureExtractor.extract("已完成整改35个，完成率83.3%。"))
                .containsEntry("problems_total", 42L).containsEntry("problems_rectified", 35L);
        assertThat(FigureExtractor.extract("将反馈的20个问题梳理形成86项整改任务，已完成整改80项。")).isEmpty();
        assertThat(FigureExtractor.extract("巡视反馈问题3个方面12个，均已制定整改措施。")).isEmpty();
    }

    @Test
    void furtherWordings() {
        assertThat(FigureExtractor.extract("受到党纪政务处分的干部23人，组织处理人数15人。"))
                .containsEntry("disciplined_persons", 23L).containsEntry("org_handled_persons", 15L);
        assertThat(FigureExtractor.extract("其中第一种形态批评教育和谈话提醒245人次。")).containsEntry("reminded_persons", 245L);
        assertThat(FigureExtractor.extract("追回被侵占挪用资金约1.2亿元。")).containsEntry("funds_recovered_yuan", 1.2e8);
        assertThat(FigureExtractor.extract("出台《关于加强村级财务管理的规定》等制度文件32个。"))
                .containsEntry("rules_established", 32L);
        assertThat(FigureExtractor.extract("反馈问题整改完成率达到92%，已完成整改46个。"))
                .containsEntry("problems_total", 50L).containsEntry("problems_rectified", 46L);
        assertThat(FigureExtractor.extract("共立案审查调查违纪违法问题二百一十二件，处分二百零五人，其中给予党纪处分一百六十人、政务处分四十五人。"))
                .containsEntry("cases_filed", 212L).containsEntry("disciplined_persons", 205L);
        assertThat(FigureExtractor.extract("对3个党组织、12名党员干部进行问责。")).containsEntry("held_accountable_persons", 12L);
    }
}
