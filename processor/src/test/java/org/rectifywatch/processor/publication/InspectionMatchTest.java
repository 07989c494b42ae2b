package org.rectifywatch.processor.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.report.ReportMeta;
import org.rectifywatch.processor.parse.ReportInput;
import org.rectifywatch.processor.parse.ReportParser;
import org.rectifywatch.samples.SampleReports;
import org.rectifywatch.samples.SampleReports.Sample;

/**
 * Team normalisation, the rules of {@link InspectionMatch#answers}, and the sample reports as the report parser
 * reads them, each against a notice written for its inspection and against notices of other inspections.
 */
class InspectionMatchTest {
    private static final ReportParser PARSER = new ReportParser();

    private static InspectionFeedback notice(String team, String date) {
        return new InspectionFeedback("中共鹿鸣县委", team, null, date, InspectionLevel.PROVINCIAL);
    }

    // ---- team()

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "十三届省委第三巡视组|省委第三巡视组",
        "第十三届省委第三巡视组|省委第三巡视组",
        "省委第3巡视组|省委第三巡视组",
        " 省委 第 三 巡视组 |省委第三巡视组",
        "省委第五轮巡视第二组|省委第二巡视组",
        "中共中央第七巡视组|中央第七巡视组",
        "中央巡视组|中央巡视组",
        "云岗市委第十二巡察组|市委第十二巡察组",
        "区委第二巡察组|区委第二巡察组",
        "市委巡察组|市委巡察组",
        "自治区党委第一巡视组|自治区党委第一巡视组",
        "县委第一轮机动巡察|县委第一轮机动巡察",
        "十届县委第一轮机动巡察|县委第一轮机动巡察",
    })
    void teamsAreNormalised(String raw, String normal) {
        assertThat(InspectionMatch.team(raw)).isEqualTo(normal);
    }

    @Test
    void noTeamIsNull() {
        assertThat(InspectionMatch.team(null)).isNull();
        assertThat(InspectionMatch.team(" \u3000")).isNull();
    }

    // ---- teams

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "省委第三巡视组|省委第三巡视组|true",
        "省委第三巡视组|十三届省委第三巡视组|true",
        "省委第三巡视组|省委巡视组|true",
        "省委巡视组|省委第三巡视组|true",
        "中央第七巡视组|中央巡视组|true",
        "省委第三巡视组|巡视组|true",
        "省委第三巡视组|省委第四巡视组|false",
        "省委第三巡视组|省委第三巡察组|false",
        "市委巡察组|市委巡视组|false",
        "省委巡视组|市委巡视组|false",
        "省委第三巡视组|市委第三巡察组|false",
        "中央巡视组|省委巡视组|false",
        "县委第二巡察组|县委第一轮机动巡察|true",
        "县委第二巡察组|区委第二巡察组|false",
    })
    void teamCompatibility(String noticeTeam, String inspector, boolean compatible) {
        assertThat(InspectionMatch.answers(notice(noticeTeam, "2025-06-20"), inspector, "2025-06-20", "2025-08-12"))
                .isEqualTo(compatible);
    }

    @Test
    void anUnknownTeamOnEitherSideIsCompatible() {
        assertThat(InspectionMatch.answers(notice(null, "2025-06-20"), "市委第三巡察组", "2025-06-20", null)).isTrue();
        assertThat(InspectionMatch.answers(notice("省委第三巡视组", "2025-06-20"), null, "2025-06-20", null)).isTrue();
        assertThat(InspectionMatch.answers(notice("省委第三巡视组", "2025-06-20"), " ", "2025-06-20", null)).isTrue();
    }

    // ---- dates

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // notice feedback | report feedback | report published | answers
        "2025-06-20|2025-06-20|2025-08-12|true",
        "2025-06-20|2025-06|2025-08-12|true",
        "2025-06|2025-06-20|2025-08-12|true",
        "2025-06-20|2025-06-21|2025-08-12|false",
        "2025-06-20|2024-06-20|2025-08-12|false",
        "2025-06-20|2025-07|2025-08-12|false",
        "2025-06-20|2025-6-20|2025-08-12|true",
        "2025-06-20|-|2025-08-12|true",
        "2025-06-20|-|2025-06-20|true",
        "2025-06-20|-|2025-06|true",
        "2025-06-20|-|2025-06-19|false",
        "2025-06-20|-|2025-05|false",
        "2025-06-20|-|-|true",
        "2025-06-20|2025-06-20|2025-06-10|false",
        "2025-06|-|2025-06-01|true",
        "-|2025-06-20|2025-08-12|true",
        "2025-06-20|2025-06-20T00:00:00Z|2025-08-12T09:00:00Z|true",
        "2025-06-20|not a date|2025-08-12|true",
    })
    void datesAreComparedAtTheirCommonPrecision(String noticeDate, String reportFeedback, String published,
            boolean answers) {
        assertThat(InspectionMatch.answers(notice("省委第三巡视组", noticeDate), "省委巡视组", reportFeedback, published))
                .isEqualTo(answers);
    }

    @Test
    void datesAreComparedAsDatesNotAsStrings() {
        // as strings "2025-10-01" < "2025-9-30" would hold
        assertThat(InspectionMatch.answers(notice("省委第三巡视组", "2025-9-30"), null, null, "2025-10-01")).isTrue();
        assertThat(InspectionMatch.answers(notice("省委第三巡视组", "2025-10-01"), null, null, "2025-9-30")).isFalse();
    }

    @Test
    void noNoticeAnswersNothing() {
        assertThat(InspectionMatch.answers(null, "省委巡视组", "2025-06-20", null)).isFalse();
    }

    // ---- the sample reports, as the report parser reads them

    /** A sample's inspection: its team and feedback date from the sample's expected JSON, and its meta as parsed. */
    private record Inspection(Sample sample, String team, String feedbackDate, String unit, ReportMeta parsed) {
    }

    private static List<Inspection> inspections() throws Exception {
        List<Inspection> out = new ArrayList<>();
        for (Sample s : SampleReports.all()) {
            JsonNode meta = Json.MAPPER.readTree(s.expectedJson()).path("meta");
            ReportMeta parsed = PARSER.parse(new ReportInput(s.text(), s.title(), null, s.pageDate(), s.file())).meta();
            out.add(new Inspection(s, meta.path("inspector").asText(), meta.path("feedback_date").asText(),
                    meta.path("target").asText(), parsed));
        }
        return out;
    }

    /** Notices of our own wording for an inspection, in several forms, read by the notice parser. */
    private static List<InspectionFeedback> noticesFor(String team, String feedbackDate, String unit) {
        LocalDate d = LocalDate.parse(feedbackDate);
        String page = d.plusDays(3).toString();
        String kind = team.contains("巡察") ? "巡察" : "巡视";
        String withYear = d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        String noYear = d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        List<String[]> forms = List.of(
                new String[] {team + "向" + unit + "反馈" + kind + "情况", noYear + "，" + team + "向" + unit + "反馈" + kind
                        + "情况。"},
                new String[] {null, withYear + "，十三届" + team + "向" + unit + "领导班子反馈了" + kind + "意见。"},
                new String[] {"关于" + kind + "反馈的通报", noYear + "，" + kind + "反馈会召开。会上，" + team + "组长王建国向"
                        + unit + "反馈了" + kind + "情况。"});
        List<InspectionFeedback> out = new ArrayList<>();
        for (String[] f : forms) {
            NoticeReading r = FeedbackNoticeParser.parse(f[0], f[1], page);
            assertThat(r.feedbacks()).as("notice %s", f[1]).singleElement().satisfies(fb -> {
                assertThat(fb.unit()).isEqualTo(unit);
                assertThat(fb.team()).isEqualTo(InspectionMatch.team(team));
                assertThat(fb.feedbackDate()).isEqualTo(feedbackDate);
            });
            out.add(r.feedbacks().get(0));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> eachSampleReportAnswersTheNoticesOfItsInspectionOnly() throws Exception {
        List<Inspection> all = inspections();
        assertThat(all).hasSizeGreaterThanOrEqualTo(10);
        return all.stream().map(report -> DynamicTest.dynamicTest(report.sample().name(), () -> {
            ReportMeta m = report.parsed();
            // what the report parser gives is what the samples' expected JSON says (the matching runs on it)
            assertThat(m.feedbackDate()).isEqualTo(report.feedbackDate());
            for (Inspection other : all) {
                boolean same = InspectionMatch.team(other.team()).equals(InspectionMatch.team(report.team()))
                        && other.feedbackDate().equals(report.feedbackDate());
                for (InspectionFeedback f : noticesFor(other.team(), other.feedbackDate(), report.unit())) {
                    assertThat(InspectionMatch.answers(f, m.inspector(), m.feedbackDate(), m.publishedDate()))
                            .as("report %s (inspector %s, feedback %s, published %s) against the notice of %s: %s",
                                    report.sample().name(), m.inspector(), m.feedbackDate(), m.publishedDate(),
                                    other.sample().name(), f)
                            .isEqualTo(same);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachSampleReportRejectsOtherInspectionsOfItsOwnUnit() throws Exception {
        return inspections().stream().map(report -> DynamicTest.dynamicTest(report.sample().name(), () -> {
            ReportMeta m = report.parsed();
            LocalDate d = LocalDate.parse(report.feedbackDate());
            String team = InspectionMatch.team(report.team());
            String otherOrdinal = team.replaceFirst("第[一二三四五六七八九十]+", "第十九");
            String otherKind = team.contains("巡察") ? team.replace("巡察", "巡视") : team.replace("巡视", "巡察");
            // the same team two years earlier (an earlier round), another team the same day, the other kind
            InspectionFeedback earlier = noticesFor(report.team(), d.minusYears(2).toString(), report.unit()).get(0);
            InspectionFeedback later = noticesFor(report.team(), d.plusYears(2).toString(), report.unit()).get(0);
            InspectionFeedback otherTeam = noticesFor(otherOrdinal, report.feedbackDate(), report.unit()).get(0);
            InspectionFeedback kind = noticesFor(otherKind, report.feedbackDate(), report.unit()).get(0);
            assertThat(InspectionMatch.answers(earlier, m.inspector(), m.feedbackDate(), m.publishedDate())).isFalse();
            assertThat(InspectionMatch.answers(later, m.inspector(), m.feedbackDate(), m.publishedDate())).isFalse();
            assertThat(InspectionMatch.answers(kind, m.inspector(), m.feedbackDate(), m.publishedDate())).isFalse();
            if (Teams.parts(m.inspector()).ordinal() != null) {
                // an inspector with ordinal tells the teams apart
                assertThat(InspectionMatch.answers(otherTeam, m.inspector(), m.feedbackDate(), m.publishedDate()))
                        .isFalse();
            }
            // a report that gives no feedback date still answers its own notice unless published before it
            InspectionFeedback own = noticesFor(report.team(), report.feedbackDate(), report.unit()).get(0);
            assertThat(InspectionMatch.answers(own, m.inspector(), null, m.publishedDate())).isTrue();
            assertThat(InspectionMatch.answers(later, m.inspector(), null, m.publishedDate()))
                    .isEqualTo(m.publishedDate() == null);
        }));
    }
}
