package org.rectifywatch.processor.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-written notices of every form the parser reads (fictional units), and what it must not read. */
class FeedbackNoticeParserTest {

    private static InspectionFeedback fb(String unit, String team, String round, String date, InspectionLevel level) {
        return new InspectionFeedback(unit, team, round, date, level);
    }

    // ---- single unit

    @Test
    void theUnitReferredToAsTheGroupOrTheCompanyIsTheUnitNamedInFull() {
        NoticeReading r = FeedbackNoticeParser.parse("中央第五巡视组向中国岭南港航集团有限公司党组反馈巡视情况", """
                3月4日，中央第五巡视组向中国岭南港航集团有限公司党组反馈巡视情况。巡视组组长向集团公司党组书记、董事长反馈了巡视情况，\
                并向集团公司领导班子反馈了巡视情况。
                巡视组指出，集团公司党组要坚决扛起巡视整改政治责任。
                """, "2025-03-05");
        assertThat(r.feedbacks()).containsExactly(
                fb("中国岭南港航集团有限公司党组", "中央第五巡视组", null, "2025-03-04", InspectionLevel.CENTRAL));
        assertThat(FeedbackNoticeParser.refersTo("集团公司党组", "中国岭南港航集团有限公司党组")).isTrue();
        assertThat(FeedbackNoticeParser.refersTo("学校党委", "中国岭南港航集团有限公司党组")).isFalse();
        assertThat(FeedbackNoticeParser.refersTo("市财政局党组", "市财政局税政处党支部")).isFalse();
    }

    @Test
    void aProvincialTeamAndAUnitNamedInTitleAndTextAreReadOnceWithTheTextsSpelling() {
        NoticeReading r = FeedbackNoticeParser.parse("省委第六巡视组向鹿鸣县委反馈巡视情况",
                "6月20日，省委第六巡视组向中共鹿鸣县委反馈巡视情况。巡视组组长陈晓峰通报了巡视发现的问题。", "2025-06-21");
        assertThat(r.feedbacks()).containsExactly(
                fb("中共鹿鸣县委", "省委第六巡视组", null, "2025-06-20", InspectionLevel.PROVINCIAL));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void aCentralTeamWithAFullDate() {
        NoticeReading r = FeedbackNoticeParser.parse("中央第七巡视组向中国翠屏能源控股集团有限公司党组反馈巡视情况",
                "2024年9月26日，中央第七巡视组向中国翠屏能源控股集团有限公司党组反馈巡视情况。", "2024-09-28");
        assertThat(r.feedbacks()).containsExactly(fb("中国翠屏能源控股集团有限公司党组", "中央第七巡视组", null,
                "2024-09-26", InspectionLevel.CENTRAL));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void recentlyMeansThePageDate() {
        NoticeReading r = FeedbackNoticeParser.parse("区委第二巡察组向区卫生健康局党委反馈巡察情况",
                "近日，区委第二巡察组向区卫生健康局党委反馈了巡察情况。", "2025-03-02T10:00:00+08:00");
        assertThat(r.feedbacks()).containsExactly(
                fb("区卫生健康局党委", "区委第二巡察组", null, "2025-03-02", InspectionLevel.LOCAL));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void aCityTeamWithoutOrdinalIsTheOneTheTextNames() {
        NoticeReading r = FeedbackNoticeParser.parse("市委巡察组向晴岚县委反馈巡察意见",
                "1月22日，市委第四巡察组向中共晴岚县委反馈巡察意见。", "2024-01-25");
        assertThat(r.feedbacks()).containsExactly(
                fb("中共晴岚县委", "市委第四巡察组", null, "2024-01-22", InspectionLevel.LOCAL));
        NoticeReading bare = FeedbackNoticeParser.parse("市委巡察组向晴岚县委反馈巡察意见",
                "1月22日，市委巡察组向中共晴岚县委反馈巡察意见。", "2024-01-25");
        assertThat(bare.feedbacks()).extracting(InspectionFeedback::team).containsExactly("市委巡察组");
    }

    @Test
    void aFeedbackMeetingThenTheTeamLeaderAddressingTheUnitsLeadership() {
        NoticeReading r = FeedbackNoticeParser.parse("省委第一巡视组巡视湄潭县反馈会召开",
                "12月5日，省委第一巡视组巡视湄潭县反馈会召开。会上，省委第一巡视组组长刘向东向中共湄潭县委领导班子反馈了巡视情况。"
                        + "县委书记吴海燕主持会议并作表态发言。",
                "2025-01-03");
        assertThat(r.feedbacks()).containsExactly(
                fb("中共湄潭县委", "省委第一巡视组", null, "2024-12-05", InspectionLevel.PROVINCIAL));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void audienceWordsAreNotPartOfTheUnit() {
        NoticeReading r = FeedbackNoticeParser.parse(null,
                "3月8日，县委第三巡察组向枫林镇党委主要负责同志和领导班子成员反馈了巡察情况。", "2025-03-10");
        assertThat(r.feedbacks()).containsExactly(
                fb("枫林镇党委", "县委第三巡察组", null, "2025-03-08", InspectionLevel.LOCAL));
        NoticeReading secretary = FeedbackNoticeParser.parse(null,
                "3月8日，县委第三巡察组向枫林镇党委书记孙明反馈了巡察情况。", "2025-03-10");
        assertThat(secretary.feedbacks()).extracting(InspectionFeedback::unit).containsExactly("枫林镇党委");
        NoticeReading chairman = FeedbackNoticeParser.parse(null, "9月2日，中央第十巡视组向中国云翠电力控股集团有限公司党组书记、"
                + "董事长周志强和领导班子反馈了巡视情况。", "2025-09-05");
        assertThat(chairman.feedbacks()).extracting(InspectionFeedback::unit)
                .containsExactly("中国云翠电力控股集团有限公司党组");
        assertThat(chairman.warnings()).isEmpty();
    }

    @Test
    void aTitleThatOnlyNamesTheHostUnitIsReadWithAWarningWhenTheTextNamesNone() {
        NoticeReading r = FeedbackNoticeParser.parse("金沙县召开巡察反馈会",
                "6月3日，县委第二巡察组巡察反馈会召开，县委巡察办有关同志出席会议。", "2025-06-04");
        assertThat(r.feedbacks()).containsExactly(
                fb("金沙县", "县委第二巡察组", null, "2025-06-03", InspectionLevel.LOCAL));
        assertThat(r.warnings()).singleElement().asString().contains("金沙县召开巡察反馈会");
    }

    @Test
    void aFeedbackMeetingTitleAloneGivesTheUnitAndTheTeam() {
        NoticeReading r = FeedbackNoticeParser.parse("省委第一巡视组巡视丰饶县工作反馈会召开",
                "近日，反馈会在县会议中心召开，会议通报了巡视发现的问题。", "2025-05-12");
        assertThat(r.feedbacks()).containsExactly(
                fb("丰饶县", "省委第一巡视组", null, "2025-05-12", InspectionLevel.PROVINCIAL));
    }

    @Test
    void aReportLikeOpeningDatesTheFeedbackNotTheInspection() {
        NoticeReading r = FeedbackNoticeParser.parse(null,
                "2024年4月12日至7月10日，中央第三巡视组对中国玉峰银行党委进行了常规巡视，9月26日向中国玉峰银行党委反馈了巡视意见。",
                "2024-10-08");
        assertThat(r.feedbacks()).containsExactly(
                fb("中国玉峰银行党委", "中央第三巡视组", null, "2024-09-26", InspectionLevel.CENTRAL));
        NoticeReading undated = FeedbackNoticeParser.parse(null,
                "2024年4月12日至7月10日，中央第三巡视组对中国玉峰银行党委进行了常规巡视，并向中国玉峰银行党委反馈了巡视意见。",
                "2024-10-08");
        assertThat(undated.feedbacks()).extracting(InspectionFeedback::feedbackDate).containsExactly("2024-10-08");
        assertThat(undated.warnings()).singleElement().asString().contains("page date");
    }

    @Test
    void aUnitNamedByAPronounIsTheOneInspected() {
        NoticeReading r = FeedbackNoticeParser.parse(null,
                "2025年3月至5月，县委第一巡察组对县教育局党组进行了常规巡察，7月8日向其反馈了巡察意见。", "2025-07-10");
        assertThat(r.feedbacks()).containsExactly(
                fb("县教育局党组", "县委第一巡察组", null, "2025-07-08", InspectionLevel.LOCAL));
        assertThat(r.warnings()).isEmpty();
    }

    // ---- dates

    @Test
    void aMonthLaterThanThePagesMonthIsInThePreviousYear() {
        NoticeReading r = FeedbackNoticeParser.parse(null, "12月28日，省委第二巡视组向中共鹿崖县委反馈巡视情况。", "2025-01-05");
        assertThat(r.feedbacks()).extracting(InspectionFeedback::feedbackDate).containsExactly("2024-12-28");
        NoticeReading same = FeedbackNoticeParser.parse(null, "1月3日，省委第二巡视组向中共鹿崖县委反馈巡视情况。", "2025-01-05");
        assertThat(same.feedbacks()).extracting(InspectionFeedback::feedbackDate).containsExactly("2025-01-03");
    }

    @Test
    void chineseNumeralsFullWidthDigitsAndMonthOnlyDates() {
        assertThat(date("二〇二四年六月二十日，省委第二巡视组向中共鹿崖县委反馈巡视情况。", "2024-07-01")).isEqualTo("2024-06-20");
        assertThat(date("２０２４年６月２０日，省委第二巡视组向中共鹿崖县委反馈巡视情况。", "2024-07-01")).isEqualTo("2024-06-20");
        assertThat(date("2024年6月，省委第二巡视组向中共鹿崖县委反馈巡视情况。", "2024-07-01")).isEqualTo("2024-06");
        assertThat(date("去年12月，省委第二巡视组向中共鹿崖县委反馈巡视情况。", "2025-03-01")).isEqualTo("2024-12");
    }

    @Test
    void noDateInTheTextIsThePageDateWithAWarningNamingTheSentence() {
        NoticeReading r = FeedbackNoticeParser.parse(null, "省委第二巡视组向中共鹿崖县委反馈巡视情况。", "2025-01-05");
        assertThat(r.feedbacks()).extracting(InspectionFeedback::feedbackDate).containsExactly("2025-01-05");
        assertThat(r.warnings()).singleElement().asString().contains("省委第二巡视组向中共鹿崖县委反馈巡视情况");
    }

    @Test
    void noYearAndNoPageDateLeavesTheDateOpenWithAWarning() {
        NoticeReading r = FeedbackNoticeParser.parse(null, "6月20日，省委第二巡视组向中共鹿崖县委反馈巡视情况。", null);
        assertThat(r.feedbacks()).extracting(InspectionFeedback::feedbackDate).containsExactly((String) null);
        assertThat(r.warnings()).singleElement().asString().contains("no year").contains("鹿崖");
    }

    @Test
    void aDateAfterThePageDateIsDoubtful() {
        NoticeReading r = FeedbackNoticeParser.parse(null, "2025年6月20日，省委第二巡视组向中共鹿崖县委反馈巡视情况。",
                "2025-06-01");
        assertThat(r.feedbacks()).extracting(InspectionFeedback::feedbackDate).containsExactly("2025-06-20");
        assertThat(r.warnings()).singleElement().asString().contains("after the page date").contains("鹿崖");
    }

    // ---- round-wide and lists

    @Test
    void aRoundWithASharedLeadAndSentencesWithTheirOwnDates() {
        String text = """
                1月14日至16日，十三届省委第五轮巡视集中反馈。
                省委第一巡视组向中共松溪县委反馈巡视情况
                省委第二巡视组向中共北崖区委反馈巡视情况
                1月15日，省委第三巡视组向省交通运输厅党组反馈巡视情况。
                省委第四巡视组分别向中共甲川县委、乙泉县人民政府、丙阳市财政局党组反馈。
                """;
        NoticeReading r = FeedbackNoticeParser.parse("十三届省委第五轮巡视反馈情况", text, "2025-01-20");
        String round = "十三届省委第五轮巡视";
        InspectionLevel p = InspectionLevel.PROVINCIAL;
        assertThat(r.feedbacks()).containsExactly(
                fb("中共松溪县委", "省委第一巡视组", round, "2025-01-16", p),
                fb("中共北崖区委", "省委第二巡视组", round, "2025-01-16", p),
                fb("省交通运输厅党组", "省委第三巡视组", round, "2025-01-15", p),
                fb("中共甲川县委", "省委第四巡视组", round, "2025-01-16", p),
                fb("乙泉县人民政府", "省委第四巡视组", round, "2025-01-16", p),
                fb("丙阳市财政局党组", "省委第四巡视组", round, "2025-01-16", p));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void clausesJoinedBySemicolonsShareTheFirstDateAndTeamsWithoutBodyTakeTheRounds() {
        NoticeReading r = FeedbackNoticeParser.parse("县委第三轮巡察完成反馈",
                "4月9日，第一巡察组向花溪镇党委反馈巡察情况；第二巡察组向县水利局党组和县住房和城乡建设局党组反馈巡察情况。"
                        + "4月10日，第三巡察组向柳塘街道党工委反馈巡察情况。",
                "2025-04-12");
        String round = "县委第三轮巡察";
        InspectionLevel l = InspectionLevel.LOCAL;
        assertThat(r.feedbacks()).containsExactly(
                fb("花溪镇党委", "县委第一巡察组", round, "2025-04-09", l),
                fb("县水利局党组", "县委第二巡察组", round, "2025-04-09", l),
                fb("县住房和城乡建设局党组", "县委第二巡察组", round, "2025-04-09", l),
                fb("柳塘街道党工委", "县委第三巡察组", round, "2025-04-10", l));
    }

    @Test
    void aRoundNamingTeamsAsRoundAndGroupAndAsciiPunctuationWithSpaces() {
        NoticeReading r = FeedbackNoticeParser.parse("十二届 省委 第二轮巡视 完成反馈",
                "近日, 十二届省委第二轮巡视 完成反馈. 省委第二轮巡视第3组 向 中共 云岗 县委反馈巡视情况;"
                        + " 省委第二轮巡视第四组向 兰泉市委 反馈巡视 情况.",
                "2024-11-30");
        assertThat(r.feedbacks()).extracting(InspectionFeedback::unit, InspectionFeedback::team,
                InspectionFeedback::feedbackDate).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("中共云岗县委", "省委第三巡视组", "2024-11-30"),
                        org.assertj.core.groups.Tuple.tuple("兰泉市委", "省委第四巡视组", "2024-11-30"));
        assertThat(r.feedbacks()).extracting(InspectionFeedback::round).containsOnly("十二届省委第二轮巡视");
    }

    @Test
    void aUnitListEndingInEtceteraIsDoubtful() {
        NoticeReading r = FeedbackNoticeParser.parse(null,
                "5月6日，市委第一巡察组分别向市教育局党组、市水务集团有限公司党委等3个单位反馈巡察情况。", "2025-05-08");
        assertThat(r.feedbacks()).extracting(InspectionFeedback::unit)
                .containsExactly("市教育局党组", "市水务集团有限公司党委");
        assertThat(r.warnings()).singleElement().asString().contains("等").contains("市教育局党组");
    }

    @Test
    void anOddUnitIsReadWithAWarning() {
        NoticeReading r = FeedbackNoticeParser.parse(null, "5月6日，市委第一巡察组向老张反馈巡察情况。", "2025-05-08");
        assertThat(r.feedbacks()).extracting(InspectionFeedback::unit).containsExactly("老张");
        assertThat(r.warnings()).singleElement().asString().contains("doubtful unit «老张»");
    }

    @Test
    void unnamedUnitsGiveNoFeedbackButTheirSentenceDatesTheRest() {
        NoticeReading r = FeedbackNoticeParser.parse(null,
                "3月2日至4日，省委各巡视组分别向被巡视党组织集中反馈巡视情况。其中，省委第九巡视组向中共南峰县委反馈。", "2025-03-06");
        assertThat(r.feedbacks()).containsExactly(
                fb("中共南峰县委", "省委第九巡视组", null, "2025-03-04", InspectionLevel.PROVINCIAL));
    }

    @Test
    void teamsSharingOneUnitListAreFlagged() {
        NoticeReading r = FeedbackNoticeParser.parse(null,
                "5月6日，省委第一巡视组、第二巡视组分别向中共石峰县委、中共临洮县委反馈巡视情况。", "2025-05-08");
        assertThat(r.feedbacks()).extracting(InspectionFeedback::unit).containsExactly("中共石峰县委", "中共临洮县委");
        assertThat(r.warnings()).singleElement().asString().contains("several teams").contains("石峰");
    }

    @Test
    void aDeadlineEndingIn日前IsNotRecently() {
        NoticeReading r = FeedbackNoticeParser.parse("省委第二轮巡视完成反馈",
                "3月4日，省委第二轮巡视完成反馈，要求各地于6月30日前报送整改方案。省委第五巡视组向中共江屏县委反馈巡视情况。",
                "2025-07-10");
        assertThat(r.feedbacks()).extracting(InspectionFeedback::feedbackDate).containsExactly("2025-03-04");
        NoticeReading own = FeedbackNoticeParser.parse(null,
                "3月4日，省委第五巡视组向中共江屏县委反馈巡视情况，要求于6月30日前报送整改方案。", "2025-07-10");
        assertThat(own.feedbacks()).extracting(InspectionFeedback::feedbackDate).containsExactly("2025-03-04");
    }

    @Test
    void aLeadThatDatesItsMeetingAfterTheWord反馈() {
        NoticeReading r = FeedbackNoticeParser.parse(null,
                "巡视反馈会于11月18日召开。会上，省委第八巡视组组长赵卫东向中共沙湄县委领导班子反馈了巡视情况。", "2025-11-20");
        assertThat(r.feedbacks()).extracting(InspectionFeedback::feedbackDate).containsExactly("2025-11-18");
    }

    // ---- nothing to read

    @Test
    void nothingReadableGivesNoFeedbackAndSaysWhatIsMissing() {
        assertThat(FeedbackNoticeParser.parse("县委召开常委会会议", "会议研究了近期重点工作。", "2025-01-01").warnings())
                .singleElement().asString().contains("反馈");
        NoticeReading noUnit = FeedbackNoticeParser.parse("巡视反馈工作动员会召开",
                "省委第一巡视组组长李明出席会议并讲话，要求做好反馈准备。", "2025-01-01");
        assertThat(noUnit.feedbacks()).isEmpty();
        assertThat(noUnit.warnings()).singleElement().asString().contains("no sentence names a unit");
        NoticeReading noTeam = FeedbackNoticeParser.parse("意见反馈", "欢迎读者反馈意见。", "2025-01-01");
        assertThat(noTeam.feedbacks()).isEmpty();
        assertThat(noTeam.warnings()).singleElement().asString().contains("巡视/巡察");
        NoticeReading empty = FeedbackNoticeParser.parse(null, null, null);
        assertThat(empty.feedbacks()).isEmpty();
        assertThat(empty.warnings()).singleElement().asString().contains("empty");
    }

    @Test
    void junkAndHugeInputDoNotThrow() {
        String junk = "向".repeat(5000) + "巡视组" + "反馈".repeat(3000) + "\u0000\uFFFD".repeat(1000);
        NoticeReading r = FeedbackNoticeParser.parse(junk, junk, "not a date");
        assertThat(r).isNotNull();
        String huge = "6月20日，省委第六巡视组向中共鹿鸣县委反馈巡视情况。" + "会议强调要抓好整改。".repeat(30000);
        NoticeReading big = FeedbackNoticeParser.parse(null, huge, "2025-06-21");
        assertThat(big.feedbacks()).extracting(InspectionFeedback::unit).containsExactly("中共鹿鸣县委");
        assertThat(big.warnings()).anyMatch(w -> w.contains("characters"));
    }

    @Test
    void theRecordsAreImmutable() {
        NoticeReading r = FeedbackNoticeParser.parse(null, "6月20日，省委第六巡视组向中共鹿鸣县委反馈巡视情况。", "2025-06-21");
        assertThat(r.feedbacks()).isUnmodifiable();
        assertThat(r.warnings()).isUnmodifiable();
        assertThat(new NoticeReading(null, null).feedbacks()).isEqualTo(List.of());
    }

    private static String date(String text, String page) {
        NoticeReading r = FeedbackNoticeParser.parse(null, text, page);
        assertThat(r.feedbacks()).hasSize(1);
        return r.feedbacks().get(0).feedbackDate();
    }
}
