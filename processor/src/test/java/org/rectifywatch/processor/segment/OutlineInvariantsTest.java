package org.rectifywatch.processor.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.report.Issue;
import org.rectifywatch.model.report.ParseWarning;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.report.WarningCode;
import org.rectifywatch.processor.parse.ReportInput;
import org.rectifywatch.processor.parse.ReportParser;

/** The structural invariants of the outline: sequence continuity, roles per run, accounting with line warnings. */
class OutlineInvariantsTest {
    private static final ReportParser PARSER = new ReportParser();
    private static final String HEAD = "中共青禾县委关于巡察整改进展情况的通报\n"
            + "根据县委统一部署，2023年4月10日至6月10日，县委第二巡察组对青禾镇党委开展了常规巡察。2023年7月10日，"
            + "巡察组向青禾镇党委反馈了巡察意见。现将整改进展情况予以公布。\n";
    private static final String TAIL = "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0571-1234567。\n";

    private static ParsedReport parse(String body) {
        return PARSER.parse(ReportInput.ofText(HEAD + body + TAIL).withFile("t.txt"));
    }

    private static List<String> problems(ParsedReport r) {
        return r.issues().stream().map(Issue::problem).toList();
    }

    @Test
    void itemsOpeningWithAnActionVerbTakeTheRoleOfTheirProblemRun() {
        ParsedReport r = parse("""
                一、关于落实党的路线方针政策方面的问题
                （一）聚焦主责主业力度不大。
                整改情况：镇党委制定专项方案，明确责任分工，相关工作已完成整改。
                （二）乡村振兴产业项目推进缓慢。
                整改情况：3个产业项目中2个已建成投产，1个正在建设。
                （三）推动基层治理举措不多。
                整改情况：建立网格化管理机制，落实村干部包片联户制度。
                （四）深化作风建设仍有短板。
                整改情况：开展作风建设专项整治，查处问题3起。
                """);
        assertThat(problems(r)).containsExactly("聚焦主责主业力度不大", "乡村振兴产业项目推进缓慢", "推动基层治理举措不多",
                "深化作风建设仍有短板");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void theNextOrdinalOfARunIsAnItemEvenWhenItsTextStartsWithANumber() {
        StringBuilder b = new StringBuilder("一、关于全面从严治党方面的问题\n");
        for (int k = 1; k <= 18; k++) {
            b.append(k).append(".部分村级财务管理不规范问题").append(k).append("。\n整改情况：已完成整改。\n");
        }
        b.append("19.2023年上半年部分项目资金拨付滞后。\n整改情况：正在推进，将于2024年6月底前完成。\n");
        b.append("20.3个村集体经济收入偏低。\n整改情况：制定增收方案。\n");
        ParsedReport r = parse(b.toString());
        assertThat(r.issues()).hasSize(20);
        Issue nineteen = r.issues().get(18);
        assertThat(nineteen.label()).isEqualTo("19");
        assertThat(nineteen.problem()).isEqualTo("2023年上半年部分项目资金拨付滞后");
        assertThat(nineteen.status()).isEqualTo("in_progress");
        assertThat(r.issues().get(17).status()).as("item 18 does not inherit item 19's text").isEqualTo("completed");
        assertThat(r.issues().get(17).commitments()).isEmpty();
    }

    @Test
    void aGapInTheSourcesNumberingIsWarnedWithItsLine() {
        ParsedReport r = parse("""
                一、关于全面从严治党方面的问题
                1.部分党支部“三会一课”制度落实不严格。
                整改情况：已完成整改。
                2.村级财务管理不规范。
                整改情况：已完成整改。
                4.干部作风不够扎实。
                整改情况：开展作风整治。
                """);
        assertThat(r.issues()).hasSize(3);
        assertThat(r.warnings()).extracting(ParseWarning::code, ParseWarning::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(WarningCode.NUMBERING_GAP, 8));
    }

    @Test
    void anItemOfAProblemRunThatIsNotTakenIsWarnedWithItsLine() {
        ParsedReport r = parse("""
                一、关于全面从严治党方面的问题
                （一）部分党支部“三会一课”制度落实不严格。
                整改情况：已完成整改。
                （二）村级财务管理不规范。
                整改情况：已完成整改。
                （三）干部作风不够扎实。
                整改情况：开展作风整治。
                （四）加强村级组织建设
                """);
        assertThat(r.issues()).hasSize(3);
        assertThat(r.warnings()).extracting(ParseWarning::code, ParseWarning::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(WarningCode.ITEM_NOT_AN_ISSUE, 10));
    }

    @Test
    void figuresNeverComeFromAnIssuesRectificationText() {
        ParsedReport r = parse("""
                整改以来，共给予党纪政务处分12人，组织处理5人。
                一、关于全面从严治党方面的问题
                （一）部分党支部“三会一课”制度落实不严格。
                整改情况：对3名党支部书记给予党纪政务处分，诫勉谈话4人。
                （二）推动村级财务管理举措不多。
                整改情况：追回违规资金12.5万元，立案2件。
                """);
        assertThat(r.issues()).hasSize(2);
        assertThat(r.figures()).containsEntry("disciplined_persons", 12L).containsEntry("org_handled_persons", 5L)
                .doesNotContainKeys("admonished_persons", "funds_recovered_yuan", "cases_filed");
    }

    @Test
    void aRunOfActionsKeepsItsRoleWhenOneActionNamesTheShortcomingItAnswers() {
        ParsedReport r = parse("""
                一、关于“党的领导作用发挥不够充分”方面问题的整改情况
                （一）学习贯彻党的创新理论不够深入。
                1.健全理论学习制度。修订党委理论学习中心组学习规则，全年开展集体学习12次。
                2.补齐二级党组织理论学习机制不健全的短板。制定二级党组织学习办法，已印发实施。
                3.开展专题轮训。举办处级干部专题培训班3期。
                （二）落实立德树人根本任务有差距。
                1.完善思政课程体系。新开设思政选修课8门。
                2.加强辅导员队伍建设。辅导员配备比例已达到1:200。
                二、关于“全面从严治党不够有力”方面问题的整改情况
                （一）在压实管党治党责任上下功夫
                1.制定主体责任清单，明确班子成员“一岗双责”。
                2.解决部分基层党组织责任落实不到位问题，开展专项督查。
                （二）在强化监督执纪上下功夫
                1.开展警示教育，通报典型案例6起。
                2.强化日常监督，谈话提醒42人次。
                """);
        assertThat(problems(r)).containsExactly("学习贯彻党的创新理论不够深入", "落实立德树人根本任务有差距",
                "全面从严治党不够有力");
    }
}
