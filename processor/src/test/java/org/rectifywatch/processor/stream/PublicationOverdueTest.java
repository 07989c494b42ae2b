package org.rectifywatch.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectifywatch.processor.stream.UnitReports.Item.done;
import static org.rectifywatch.processor.stream.UnitReports.notice;
import static org.rectifywatch.processor.stream.UnitReports.report;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.wire.AlertKind;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.processor.publication.PublicationTracker;

/** {@code report_overdue}: a unit that received an inspection's feedback and publishes no rectification report. */
class PublicationOverdueTest {
    private static final String NOTICE = "https://sj.example.gov.cn/xsfk/n1.html";
    private static final String ROUND = "https://sj.example.gov.cn/xsfk/n2.html";
    private static final String REPORT = "https://qc.example.gov.cn/xczg/t1.html";
    private static final String TITLE = "省委第二巡视组向青川县委反馈巡视情况";

    private PipelineDriver d;

    @AfterEach
    void close() {
        if (d != null) {
            d.close();
        }
    }

    private void feedbackNotice() {
        d.notice(NOTICE, TITLE, notice("省委第二巡视组", "中共青川县委", "2025年6月10日"), "2025-06-11");
    }

    private void reportPublished(String signed, String pageDate) {
        d.report(REPORT, report("中共青川县委", "青川县", "省委第二巡视组", "2025年6月10日", signed, true,
                List.of(done("农村人居环境整治不到位"))), pageDate);
    }

    @Test
    void aUnitWithoutReportSixMonthsAfterFeedbackIsOverdueUntilItsReportArrives() {
        d = new PipelineDriver("2025-12-01");
        feedbackNotice();
        assertThat(d.read()).isEmpty();
        d.advanceTo("2025-12-10");
        assertThat(d.read()).as("due on 2025-12-10, overdue from the next day").isEmpty();
        d.advanceTo("2025-12-11");
        List<AlertRecord> raised = d.read();
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.report_overdue);
            assertThat(a.state()).isEqualTo(AlertState.raised);
            assertThat(a.target()).isEqualTo("中共青川县委");
            assertThat(a.inspector()).isEqualTo("省委第二巡视组");
            assertThat(a.feedbackDate()).isEqualTo("2025-06-10");
            assertThat(a.dueDate()).isEqualTo("2025-12-10");
            assertThat(a.reportUrl()).isEqualTo(NOTICE);
            assertThat(a.reportTitle()).isEqualTo(TITLE);
            assertThat(a.daysOverdue(LocalDate.parse("2026-01-09"))).isEqualTo(30);
        });
        d.advanceTo("2026-02-01");
        assertThat(d.read()).isEmpty();

        reportPublished("2026年1月28日", "2026-01-28");
        assertThat(d.read()).singleElement().satisfies(a -> {
            assertThat(a.alertId()).isEqualTo(raised.get(0).alertId());
            assertThat(a.state()).isEqualTo(AlertState.resolved);
            assertThat(a.resolvedByReportUrl()).isEqualTo(REPORT);
        });
    }

    @Test
    void aLateReportGivesTheSameResolvedAlertWhetherItOrTheNoticeCameFirst() {
        d = new PipelineDriver("2026-02-01");
        feedbackNotice();
        reportPublished("2026年1月28日", "2026-01-28");
        java.util.Map<String, AlertRecord> noticeFirst = d.current();
        d.close();

        d = new PipelineDriver("2026-02-01");
        reportPublished("2026年1月28日", "2026-01-28");
        assertThat(d.read()).as("the report names its feedback: its inspection is tracked from the report alone")
                .filteredOn(a -> a.kind() == AlertKind.report_overdue)
                .extracting(AlertRecord::state).containsExactly(AlertState.raised, AlertState.resolved);
        feedbackNotice();
        java.util.Map<String, AlertRecord> reportFirst = d.current();
        assertThat(reportFirst.keySet()).isEqualTo(noticeFirst.keySet());
        assertThat(reportFirst.values()).filteredOn(a -> a.kind() == AlertKind.report_overdue).singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.resolved));
    }

    @Test
    void aReportPublishedOnTimeRaisesNothingAndWithdrawsAnAlertRaisedBecauseItWasFoundLate() {
        d = new PipelineDriver("2026-02-01");
        reportPublished("2025年9月1日", "2025-09-01");
        feedbackNotice();
        assertThat(d.read()).noneMatch(a -> a.kind() == AlertKind.report_overdue);
        d.close();

        d = new PipelineDriver("2026-02-01");
        feedbackNotice();
        assertThat(d.read()).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.raised));
        reportPublished("2025年9月1日", "2025-09-01");
        assertThat(d.read()).filteredOn(a -> a.kind() == AlertKind.report_overdue).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.withdrawn);
            assertThat(a.reason()).contains("2025-09-01");
        });
    }

    @Test
    void centralInspectionsHaveNineMonths() {
        d = new PipelineDriver("2025-06-01");
        d.notice(NOTICE, "中央第七巡视组向中国澄江能源集团有限公司党组反馈巡视情况",
                notice("中央第七巡视组", "中国澄江能源集团有限公司党组", "2024年9月26日"), "2024-09-27");
        d.advanceTo("2025-06-26");
        assertThat(d.read()).isEmpty();
        d.advanceTo("2025-06-27");
        assertThat(d.read()).singleElement().satisfies(a -> assertThat(a.dueDate()).isEqualTo("2025-06-26"));
    }

    @Test
    void aRoundNoticeRaisesOneAlertPerUnitAndASecondNoticeOfTheSameFeedbackJoinsIt() {
        d = new PipelineDriver("2026-01-10");
        d.notice(ROUND, "十三届省委第五轮巡视反馈情况", """
                近日,十三届省委第五轮巡视的反馈工作全部完成。
                2025年6月10日,省委第二巡视组向中共青川县委反馈巡视情况;省委第三巡视组向中共白河区委反馈巡视情况。
                各被巡视党组织要认真抓好整改落实。
                """, "2025-06-12");
        feedbackNotice();
        List<AlertRecord> raised = d.read();
        assertThat(raised).hasSize(2).allMatch(a -> a.state() == AlertState.raised);
        assertThat(raised).extracting(AlertRecord::inspector).containsExactlyInAnyOrder("省委第二巡视组", "省委第三巡视组");
        assertThat(d.store(PublicationTracker.STORE)).hasSize(2);
    }

    @Test
    void aRetractedNoticeWithdrawsItsAlert() {
        d = new PipelineDriver("2026-01-10");
        feedbackNotice();
        assertThat(d.read()).hasSize(1);
        d.retract(NOTICE);
        assertThat(d.read()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.withdrawn);
            assertThat(a.reason()).contains("retracted");
        });
    }

    @Test
    void aNoticeWithoutAnyUnitIsADeadLetterNotASilentDrop() {
        d = new PipelineDriver("2026-01-10");
        d.notice(NOTICE, "巡视工作动员部署会召开", "会议对巡视工作作出部署。\n", "2025-06-11");
        assertThat(d.read()).isEmpty();
        assertThat(d.metrics.deadLetters.get()).isEqualTo(1);
    }
}
