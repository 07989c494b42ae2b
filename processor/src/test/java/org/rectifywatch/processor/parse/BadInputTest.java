package org.rectifywatch.processor.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.report.ParsedReport;
import org.rectifywatch.model.report.WarningCode;
import org.rectifywatch.samples.SampleReports;

/** Bad input never throws; the result carries typed warnings that route it to the dead-letter topic. */
class BadInputTest {
    private final ReportParser parser = new ReportParser();

    @Test
    void emptyAndNullText() {
        assertThat(parser.parse(ReportInput.ofText("")).hasWarning(WarningCode.NOT_A_REPORT)).isTrue();
        assertThat(parser.parse(ReportInput.ofText(" \n\n ")).hasWarning(WarningCode.NOT_A_REPORT)).isTrue();
        assertThat(parser.parse(ReportInput.ofText(null)).issues()).isEmpty();
        assertThat(parser.parse(null).hasWarning(WarningCode.NOT_A_REPORT)).isTrue();
    }

    @Test
    void newsArticleAboutAMeetingIsNotAReport() {
        String news = """
                市委召开常委会会议研究部署近期重点工作
                11月20日,市委书记主持召开市委常委会会议,传达学习中央经济工作会议精神,研究部署全市经济工作。
                会议强调,要坚持稳中求进工作总基调,扎实推进高质量发展,确保全年目标任务圆满完成。
                会议还研究了其他事项。
                """;
        ParsedReport r = parser.parse(ReportInput.ofText(news));
        assertThat(r.hasWarning(WarningCode.NOT_A_REPORT)).isTrue();
        assertThat(r.issues()).isEmpty();
    }

    @Test
    void newsAboutAFeedbackMeetingIsNotAReport() {
        String news = """
                省委第三巡视组向某县反馈巡视情况
                11月20日,省委第三巡视组巡视某县情况反馈会召开。巡视组组长通报了巡视情况,指出该县在落实主体责任等方面存在一些问题。
                县委书记表示,将照单全收、全面整改。
                """;
        ParsedReport r = parser.parse(ReportInput.ofText(news));
        assertThat(r.hasWarning(WarningCode.NOT_A_REPORT)).isTrue();
        assertThat(r.issues()).isEmpty();
    }

    @Test
    void binaryJunkIsNotAReport() {
        byte[] bytes = new byte[50_000];
        new Random(7).nextBytes(bytes);
        String junk = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        ParsedReport r = parser.parse(ReportInput.ofText(junk));
        assertThat(r.hasWarning(WarningCode.NOT_A_REPORT)).isTrue();
        assertThat(r.issues()).isEmpty();
    }

    @Test
    void truncatedReportKeepsWhatWasFoundAndSaysSo() {
        String full = SampleReports.byName("s01_tongxi_county_2025").text();
        String cut = full.substring(0, full.indexOf("对全县1320卷") + 20);
        ParsedReport r = parser.parse(ReportInput.ofText(cut));
        assertThat(r.hasWarning(WarningCode.TRUNCATED)).isTrue();
        assertThat(r.issues()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(r.meta().target()).isEqualTo("桐溪县");
    }

    @Test
    void reportWithoutRecognisableIssuesSaysNoIssuesFound() {
        String text = "根据省委统一部署,2021年3月1日至4月30日,省委第一巡视组对某县进行了巡视。6月1日反馈了巡视意见。现将巡视整改情况予以公布。\n"
                + "县委高度重视整改工作,召开会议专题研究部署。\n";
        ParsedReport r = parser.parse(ReportInput.ofText(text));
        assertThat(r.hasWarning(WarningCode.NO_ISSUES_FOUND)).isTrue();
        assertThat(r.hasWarning(WarningCode.NOT_A_REPORT)).isFalse();
        assertThat(r.meta().feedbackDate()).isEqualTo("2021-06-01");
    }

    @Test
    void tenMegabyteTextIsCutAndFlagged() {
        String report = SampleReports.byName("s03_chengchuan_energy_central_2025").text();
        StringBuilder b = new StringBuilder(report);
        while (b.length() < 10_000_000) {
            b.append("会议强调,要坚持稳中求进工作总基调,扎实推进高质量发展。\n");
        }
        ParsedReport r = parser.parse(ReportInput.ofText(b.toString()));
        assertThat(r.hasWarning(WarningCode.TOO_LARGE)).isTrue();
        assertThat(r.issues()).hasSize(6);
    }

    @Test
    void aReportWithTwoThousandNumberedItemsKeepsEveryItem() {
        StringBuilder b = new StringBuilder("中共千项县委关于巡视整改情况的通报\n")
                .append("根据省委统一部署，2025年3月10日至5月16日，省委第九巡视组对千项县开展了常规巡视，6月20日反馈了巡视意见。现将巡视整改情况予以公布。\n")
                .append("一、巡视反馈问题整改落实情况\n");
        for (int i = 1; i <= 2000; i++) {
            b.append(i).append(".关于“第").append(i).append("项专项资金管理不规范”问题。整改情况：已建立台账，该问题已整改完成。\n");
        }
        b.append("中共千项县委\n2025年9月1日\n");
        ParsedReport r = new ReportParser().parse(ReportInput.ofText(b.toString()));
        assertThat(r.issueCount()).isEqualTo(2000);
        assertThat(r.issues().get(1999).label()).isEqualTo("2000");
        assertThat(r.issues().get(1999).problem()).isEqualTo("第2000项专项资金管理不规范");
    }

    @Test
    void pageDateIsTheFallbackForThePublishedDate() {
        String text = SampleReports.byName("s06_guangyuan_education_special_2025").text();
        ParsedReport r = parser.parse(new ReportInput(text, null, null, "2025-02-14T08:00:00Z", "x.txt"));
        assertThat(r.meta().publishedDate()).isEqualTo("2025-02-14");
        assertThat(r.parserVersion()).isEqualTo(ReportParser.VERSION);
    }
}
