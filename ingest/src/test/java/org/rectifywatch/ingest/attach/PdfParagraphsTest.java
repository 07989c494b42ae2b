package org.rectifywatch.ingest.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.attach.PdfParagraphs.Line;

/**
 * Printed lines joined into paragraphs, on lines laid out as word processors set them (positions as PDFBox reports
 * them for a LibreOffice export: 11 pt text from x 79.5 to about 528, paragraphs indented to 111.5, ragged right).
 */
class PdfParagraphsTest {
    private static final char GAP = PdfParagraphs.GAP;

    private static Line line(float start, float end, String text) {
        return new Line(1, text, start, end, 11);
    }

    @Test
    void aLineBrokenBeforeANumberOrAnEmailAddressGoesOnThoughItEndsShort() {
        List<Line> lines = List.of(
                line(111.5f, 527.8f, "将研发投入强度纳入所属企业负责人经营业绩考核,2024年研发经费投入同比增长"),
                line(79.5f, 300f, "26%。组建储能技术攻关联合体。"),
                line(111.5f, 511.4f, "欢迎广大干部群众对巡视整改落实情况进行监督。联系电话:0855-7621345;电子邮"),
                line(79.5f, 250f, "箱:txxwxcb@163.com。"),
                line(111.5f, 480f, "二、下一步工作打算"));
        assertThat(PdfParagraphs.paragraphs(lines)).containsExactly(
                "将研发投入强度纳入所属企业负责人经营业绩考核,2024年研发经费投入同比增长26%。组建储能技术攻关联合体。",
                "欢迎广大干部群众对巡视整改落实情况进行监督。联系电话:0855-7621345;电子邮箱:txxwxcb@163.com。",
                "二、下一步工作打算");
    }

    @Test
    void aLineEndingWellShortEndsItsParagraphEvenWithoutAnIndentAfterIt() {
        List<Line> lines = List.of(
                line(79.5f, 527f, "一、整改工作总体情况,局党组召开专题会议研究部署整改工作,明确责任领导和完成时"),
                line(79.5f, 200f, "限,实行清单化管理。"),
                line(79.5f, 527f, "二、巡察反馈问题整改情况"));
        assertThat(PdfParagraphs.paragraphs(lines)).containsExactly(
                "一、整改工作总体情况,局党组召开专题会议研究部署整改工作,明确责任领导和完成时限,实行清单化管理。",
                "二、巡察反馈问题整改情况");
    }

    @Test
    void gapsNextToChineseAreNoSpacesButSpaceCharactersAndGapsBetweenLatinWordsAre() {
        List<Line> lines = List.of(
                line(111.5f, 527f, "2025年" + GAP + "9月" + GAP + "1日至" + GAP + "10月" + GAP + "31日,市委第六巡察组对"),
                line(79.5f, 300f, "集团公司党委开展了常规巡察。"),
                line(111.5f, 400f, "发布时间:2025-08-12 来源:县纪委监委 浏览量:1236"),
                line(111.5f, 300f, "Rectification" + GAP + "report"));
        assertThat(PdfParagraphs.paragraphs(lines)).containsExactly(
                "2025年9月1日至10月31日,市委第六巡察组对集团公司党委开展了常规巡察。", "发布时间:2025-08-12 来源:县纪委监委 浏览量:1236",
                "Rectification report");
    }

    @Test
    void pageNumbersGoAndAParagraphRunsOnAcrossThePageBreak() {
        List<Line> lines = List.of(
                new Line(1, "整改措施:对欠缴土地出让金的项目逐一建立台账,追缴土地出让", 111.5f, 527f, 11),
                new Line(1, "-" + GAP + "1" + GAP + "-", 290f, 310f, 11),
                new Line(2, "金2.6亿元,已全部缴入国库。", 79.5f, 250f, 11),
                new Line(2, "第2页 共3页", 280f, 320f, 9));
        assertThat(PdfParagraphs.paragraphs(lines)).containsExactly("整改措施:对欠缴土地出让金的项目逐一建立台账,追缴土地出让金2.6亿元,已全部缴入国库。");
    }

    @Test
    void aTitleOverTwoCentredLinesInALargerSizeIsOneParagraph() {
        List<Line> lines = List.of(
                new Line(1, "中共岚溪水务集团有限公司委员会关于市委巡", 80.6f, 520.6f, 22),
                new Line(1, "察整改情况的通报", 212.6f, 388.6f, 22),
                line(111.5f, 512.4f, "根据市委统一部署,市委第六巡察组对岚溪水务集团有限公司党委开展了常规巡察。现将巡"),
                line(79.5f, 216f, "察整改情况予以公布。"),
                line(364.3f, 521.8f, "中共岚溪水务集团有限公司委员会"),
                line(430.5f, 521.8f, "2026年" + GAP + "3月" + GAP + "20日"));
        assertThat(PdfParagraphs.paragraphs(lines)).containsExactly("中共岚溪水务集团有限公司委员会关于市委巡察整改情况的通报",
                "根据市委统一部署,市委第六巡察组对岚溪水务集团有限公司党委开展了常规巡察。现将巡察整改情况予以公布。",
                "中共岚溪水务集团有限公司委员会", "2026年3月20日");
    }
}
