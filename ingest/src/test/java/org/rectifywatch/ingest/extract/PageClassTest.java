package org.rectifywatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.extract.PageClass.Kind;
import org.rectifywatch.ingest.profile.TitleFilter;

/** The one rule for report, feedback notice and noise, and the feedback phrases it relies on. */
class PageClassTest {
    private static final TitleFilter DEFAULTS = TitleFilter.defaults();
    /** The lead of a feedback announcement, which is also how many reports open. */
    private static final String FEEDBACK_LEAD = "6月20日，省委第六巡视组向中共示例县委反馈巡视情况。巡视组组长反馈了巡视意见。";

    private static Kind title(String t) {
        return PageClass.ofTitle(DEFAULTS, t).kind();
    }

    private static Kind page(String t, String body) {
        return PageClass.of(DEFAULTS, t, null, body).kind();
    }

    @Test
    void singleUnitRoundWideAndMeetingTitlesAreFeedbackNotices() {
        assertThat(title("省委第六巡视组向桐溪县委反馈巡视情况")).isEqualTo(Kind.FEEDBACK_NOTICE);
        assertThat(title("中央第七巡视组向中国澄川能源控股集团有限公司党组反馈巡视情况")).isEqualTo(Kind.FEEDBACK_NOTICE);
        assertThat(title("市委第四巡察组向青岩县委反馈巡察情况")).isEqualTo(Kind.FEEDBACK_NOTICE);
        assertThat(title("区委第二巡察组向区卫生健康局党委反馈巡察情况")).isEqualTo(Kind.FEEDBACK_NOTICE);
        assertThat(title("十三届省委第五轮巡视反馈情况")).isEqualTo(Kind.FEEDBACK_NOTICE);
        assertThat(title("十三届省委第五轮巡视完成反馈")).isEqualTo(Kind.FEEDBACK_NOTICE);
        assertThat(title("十四届省委第三轮巡视全部完成反馈")).isEqualTo(Kind.FEEDBACK_NOTICE);
        assertThat(title("十二届市委第9轮巡察集中反馈")).isEqualTo(Kind.FEEDBACK_NOTICE);
        assertThat(title("省委巡视组完成对15家单位巡视反馈")).isEqualTo(Kind.FEEDBACK_NOTICE);
        // 反馈会 is noise to the title filter, and still a notice
        assertThat(DEFAULTS.verdict("示例县召开巡察反馈会")).isEqualTo(TitleFilter.Verdict.NOISE);
        assertThat(title("示例县召开巡察反馈会")).isEqualTo(Kind.FEEDBACK_NOTICE);
        assertThat(title("市委第一巡察组巡察反馈会召开")).isEqualTo(Kind.FEEDBACK_NOTICE);
        assertThat(title("县委第二巡察组反馈会召开")).isEqualTo(Kind.FEEDBACK_NOTICE);
        assertThat(title("省委第二巡视组向示例市委反馈巡视情况反馈会召开")).isEqualTo(Kind.FEEDBACK_NOTICE);
    }

    @Test
    void theRoundWidePhrasesWereNotRecognisedByTheOlderPatterns() {
        // the phrases added for whole rounds: each is found, and by the round or completion pattern
        assertThat(FeedbackNotice.match("十三届省委第五轮巡视反馈情况", null)).get().asString().isEqualTo("title: 第五轮巡视反馈情况");
        assertThat(FeedbackNotice.match("十三届省委第五轮巡视完成反馈", null)).get().asString().isEqualTo("title: 第五轮巡视完成反馈");
        assertThat(FeedbackNotice.match("示例县召开巡察反馈会", null)).get().asString().isEqualTo("title: 巡察反馈会");
    }

    @Test
    void otherInspectionNewsIsNotANotice() {
        assertThat(title("省委第六巡视组巡视桐溪县工作动员会召开")).isEqualTo(Kind.NOISE);
        assertThat(title("十三届省委第五轮巡视完成进驻")).isEqualTo(Kind.NOISE);
        assertThat(title("十三届省委第五轮巡视工作动员部署会召开")).isEqualTo(Kind.NOISE);
        assertThat(title("示例县开展党纪学习教育")).isEqualTo(Kind.UNKNOWN);
        assertThat(title("十三届省委第五轮巡视将进驻12个地方和单位")).isEqualTo(Kind.NOISE);
        assertThat(page("示例县开展党纪学习教育", "本县开展党纪学习教育。".repeat(30) + FEEDBACK_LEAD)).isEqualTo(Kind.UNKNOWN);
        assertThat(title(null)).isEqualTo(Kind.UNKNOWN);
    }

    @Test
    void aReportTitleAlwaysWins() {
        String report = "中共示例县委关于省委巡视整改情况的通报";
        // a report opens with the feedback it answers
        assertThat(FeedbackNotice.match(report, FEEDBACK_LEAD)).isPresent();
        assertThat(page(report, FEEDBACK_LEAD)).isEqualTo(Kind.REPORT);
        assertThat(title("关于十三届省委第五轮巡视反馈意见整改进展情况的通报")).isEqualTo(Kind.REPORT);
    }

    @Test
    void aTitleAboutRectificationIsNeverANotice() {
        // titles the filter does not take for reports, whose phrases or leads would otherwise make them notices
        String unknownReport = "十三届省委第五轮巡视反馈情况整改落实";
        assertThat(DEFAULTS.verdict(unknownReport)).isEqualTo(TitleFilter.Verdict.UNKNOWN);
        assertThat(FeedbackNotice.match(unknownReport, null)).isPresent();
        assertThat(page(unknownReport, FEEDBACK_LEAD)).isEqualTo(Kind.UNKNOWN);

        String meeting = "桐溪县召开巡视整改工作推进会";
        assertThat(FeedbackNotice.match(meeting, FEEDBACK_LEAD)).isPresent();
        assertThat(page(meeting, FEEDBACK_LEAD)).isEqualTo(Kind.NOISE);
        assertThat(PageClass.of(DEFAULTS, meeting, null, FEEDBACK_LEAD).reason()).isEqualTo("title filter: noise (exclude pattern 推进会)");

        // the same lead under a title that says nothing of rectification is a notice
        assertThat(page("示例县委召开常委会会议", FEEDBACK_LEAD)).isEqualTo(Kind.FEEDBACK_NOTICE);
    }

    @Test
    void theLinkTitleIsConsultedWhenThePageTitleSaysNothing() {
        assertThat(PageClass.of(DEFAULTS, "示例网", "中共示例县委关于省委巡视整改情况的通报", "").kind()).isEqualTo(Kind.REPORT);
        PageClass.Verdict v = PageClass.of(DEFAULTS, "示例网", "省委第六巡视组向示例县委反馈巡视情况", "");
        assertThat(v.kind()).isEqualTo(Kind.FEEDBACK_NOTICE);
        assertThat(v.reason()).isEqualTo("inspection feedback announcement (link title: 巡视组向示例县委反馈巡视情况)");
        assertThat(v.kept()).isTrue();
        assertThat(PageClass.of(DEFAULTS, "示例网", "示例县召开巡视工作动员会", "").kept()).isFalse();
    }
}
