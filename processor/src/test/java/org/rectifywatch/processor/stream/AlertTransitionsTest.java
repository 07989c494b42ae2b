package org.rectifywatch.processor.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectifywatch.processor.stream.UnitReports.Item.done;
import static org.rectifywatch.processor.stream.UnitReports.Item.due;
import static org.rectifywatch.processor.stream.UnitReports.Item.ongoing;
import static org.rectifywatch.processor.stream.UnitReports.report;

import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.wire.AlertKind;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.processor.deadline.DeadlineSettings;
import org.rectifywatch.processor.deadline.DeadlineTracker;
import org.rectifywatch.processor.deadline.TrackedIssue;

/** Every transition of an issue's overdue alert, through the whole topology. */
class AlertTransitionsTest {
    private static final String URL = "https://qc.example.gov.cn/xczg/t1.html";
    private static final String FOLLOW_UP = "https://qc.example.gov.cn/xczg/t2.html";
    private static final String TOILETS = "农村人居环境整治不到位";
    private static final String CADRES = "选人用人不规范";
    private static final String FRUGALITY = "落实中央八项规定精神不严";
    private static final String TEAM = "省委第二巡视组";
    private static final String FEEDBACK = "2025年6月10日";

    private PipelineDriver d;

    @AfterEach
    void close() {
        if (d != null) {
            d.close();
        }
    }

    private static String v(boolean phone, UnitReports.Item... items) {
        return report("中共青川县委", "青川县", TEAM, FEEDBACK, "2025年9月1日", phone, List.of(items));
    }

    private AlertRecord only(List<AlertRecord> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    @Test
    void aRevisedDueDateSupersedesTheAlertAndTheNewDateRaisesItsOwnWhenItPasses() {
        d = new PipelineDriver("2026-01-10");
        d.report(URL, v(true, due(TOILETS, "2025年12月31日"), done(CADRES)), "2025-09-01");
        AlertRecord first = only(d.read());
        assertThat(first.state()).isEqualTo(AlertState.raised);
        assertThat(first.dueDate()).isEqualTo("2025-12-31");
        assertThat(first.daysOverdue(LocalDate.parse("2026-01-10"))).isEqualTo(10);

        d.report(URL, v(true, due(TOILETS, "2026年6月30日"), done(CADRES)), "2025-09-01");
        AlertRecord superseded = only(d.read());
        assertThat(superseded.alertId()).isEqualTo(first.alertId());
        assertThat(superseded.state()).isEqualTo(AlertState.superseded);
        assertThat(superseded.reason()).contains("2026-06-30");
        assertThat(superseded.closedAt()).isNotNull();

        d.advanceTo("2026-06-30");
        assertThat(d.read()).as("the new due day itself is not overdue").isEmpty();
        d.advanceTo("2026-07-01");
        AlertRecord second = only(d.read());
        assertThat(second.state()).isEqualTo(AlertState.raised);
        assertThat(second.alertId()).isEqualTo(superseded.supersededBy()).isNotEqualTo(first.alertId());
        assertThat(second.dueDate()).isEqualTo("2026-06-30");
        d.advanceTo("2027-03-01");
        assertThat(d.read()).as("nothing is raised twice").isEmpty();
    }

    @Test
    void anAlertCarriesTheTimestampOfItsCauseTheReportsOrTheAgendasWallClock() {
        d = new PipelineDriver("2026-01-10");
        java.time.Instant published = java.time.Instant.parse("2025-09-02T01:00:00Z");
        d.reportAt(URL, v(true, due(TOILETS, "2025年12月31日"), due(CADRES, "2026年3月31日")), "2025-09-01", published);
        var raised = d.readRecords();
        assertThat(raised).singleElement().satisfies(r -> {
            assertThat(r.value().dueDate()).isEqualTo("2025-12-31");
            assertThat(r.getRecordTime()).as("raised while the report is handled: the report's timestamp, as a backlog's")
                    .isEqualTo(published);
            assertThat(r.value().raisedAt()).as("the alert's own field keeps the wall clock").isEqualTo(PipelineDriver.at("2026-01-10"));
        });

        d.advanceTo("2026-04-01");
        assertThat(d.readRecords()).singleElement().satisfies(r -> {
            assertThat(r.value().dueDate()).isEqualTo("2026-03-31");
            assertThat(r.getRecordTime()).as("raised by the agenda: the wall clock").isEqualTo(PipelineDriver.at("2026-04-01"));
        });
    }

    @Test
    void anIssueRemovedFromItsReportWithdrawsItsAlertAndComingBackRaisesANewOne() {
        d = new PipelineDriver("2026-01-10");
        // issue ids follow positions: the issue that leaves is the last one
        d.report(URL, v(true, done(CADRES), due(TOILETS, "2025年12月31日")), "2025-09-01");
        AlertRecord raised = only(d.read());

        d.report(URL, v(true, done(CADRES)), "2025-09-01");
        AlertRecord withdrawn = only(d.read());
        assertThat(withdrawn.alertId()).isEqualTo(raised.alertId());
        assertThat(withdrawn.state()).isEqualTo(AlertState.withdrawn);
        assertThat(withdrawn.reason()).contains("removed");

        d.report(URL, v(true, done(CADRES), due(TOILETS, "2025年12月31日")), "2025-09-01");
        AlertRecord again = only(d.read());
        assertThat(again.state()).isEqualTo(AlertState.raised);
        assertThat(again.alertId()).as("a new alert, not the withdrawn one raised again").isNotEqualTo(raised.alertId());
        assertThat(d.current().values()).extracting(AlertRecord::state)
                .containsExactlyInAnyOrder(AlertState.withdrawn, AlertState.raised);
    }

    @Test
    void anEditOfTheProblemTextUpdatesTheOpenAlert() {
        d = new PipelineDriver("2026-01-10");
        d.report(URL, v(true, due(TOILETS, "2025年12月31日"), done(CADRES)), "2025-09-01");
        AlertRecord raised = only(d.read());
        assertThat(raised.problem()).contains(TOILETS);

        d.report(URL, v(true, due("农村人居环境整治和改厕工作推进不到位", "2025年12月31日"), done(CADRES)), "2025-09-01");
        AlertRecord updated = only(d.read());
        assertThat(updated.alertId()).isEqualTo(raised.alertId());
        assertThat(updated.state()).isEqualTo(AlertState.raised);
        assertThat(updated.problem()).contains("改厕工作推进不到位");
        assertThat(updated.reason()).contains("edited");
        assertThat(updated.raisedAt()).isEqualTo(raised.raisedAt());
    }

    @Test
    void anEditThatDropsTheContactLineAndCompletesTheIssueResolvesItsAlert() {
        d = new PipelineDriver("2026-01-10");
        d.report(URL, v(true, due(TOILETS, "2025年12月31日"), done(CADRES)), "2025-09-01");
        AlertRecord raised = only(d.read());
        assertThat(raised.provinceHint()).as("the phone's area code gives the province").isNotNull();

        d.report(URL, v(false, done(TOILETS), done(CADRES)), "2025-09-01");
        AlertRecord resolved = only(d.read());
        assertThat(resolved.alertId()).isEqualTo(raised.alertId());
        assertThat(resolved.state()).isEqualTo(AlertState.resolved);
        d.advanceTo("2027-02-14");
        assertThat(d.read()).isEmpty();
        assertThat(d.current().values()).noneMatch(a -> a.state().isOpen());
    }

    @Test
    void aFollowUpWithoutContactLineResolvesWhatTheFirstReportRaised() {
        d = new PipelineDriver("2026-03-10");
        d.report(URL, v(true, due(TOILETS, "2025年12月31日"), ongoing(FRUGALITY)), "2025-09-01");
        List<AlertRecord> raised = d.read();
        assertThat(raised).hasSize(2).allMatch(a -> a.state() == AlertState.raised);

        d.report(FOLLOW_UP, report("中共青川县委", "青川县", TEAM, FEEDBACK, "2026年3月1日", false,
                List.of(done(TOILETS), done(FRUGALITY))), "2026-03-01");
        List<AlertRecord> resolved = d.read();
        assertThat(resolved).hasSize(2).allSatisfy(a -> {
            assertThat(a.state()).isEqualTo(AlertState.resolved);
            assertThat(a.resolvedByReportUrl()).isEqualTo(FOLLOW_UP);
        });
        assertThat(resolved).extracting(AlertRecord::alertId)
                .containsExactlyInAnyOrderElementsOf(raised.stream().map(AlertRecord::alertId).toList());
    }

    @Test
    void aFollowUpNamingTheUnitByAnotherOfItsNamesResolves() {
        d = new PipelineDriver("2026-03-10");
        d.report(URL, report("中共青川县委员会", "青川县", TEAM, FEEDBACK, "2025年9月1日", true,
                List.of(due(TOILETS, "2025年12月31日"))), "2025-09-01");
        AlertRecord raised = only(d.read());
        d.report(FOLLOW_UP, report("青川县人民政府", "青川县", TEAM, FEEDBACK, "2026年3月1日", false, List.of(done(TOILETS))),
                "2026-03-01");
        AlertRecord resolved = only(d.read());
        assertThat(resolved.alertId()).isEqualTo(raised.alertId());
        assertThat(resolved.state()).isEqualTo(AlertState.resolved);
    }

    @Test
    void aReportThatNowNamesAnotherUnitTakesItsTrackedIssuesWithIt() {
        d = new PipelineDriver("2026-01-10");
        d.report(URL, report("中共青州县委", "青州县", TEAM, FEEDBACK, "2025年9月1日", true,
                List.of(due(TOILETS, "2025年12月31日"), done(CADRES))), "2025-09-01");
        AlertRecord raised = only(d.read());
        assertThat(raised.target()).isEqualTo("青州县");
        assertThat(unitsTracked()).containsOnly("/青州县");

        // the unit's name was mistyped and is corrected: same issues, another unit key
        d.report(URL, v(true, due(TOILETS, "2025年12月31日"), done(CADRES)), "2025-09-01");
        AlertRecord moved = only(d.read());
        assertThat(moved.alertId()).isEqualTo(raised.alertId());
        assertThat(moved.state()).isEqualTo(AlertState.raised);
        assertThat(moved.target()).isEqualTo("青川县");
        assertThat(unitsTracked()).as("no entry is left behind").containsOnly("/青川县");
        TrackedIssue entry = d.<TrackedIssue>store(DeadlineTracker.STORE).stream()
                .filter(kv -> kv.value.alerts().size() > 0).findFirst().orElseThrow().value;
        assertThat(entry.alerts()).singleElement().satisfies(a -> assertThat(a.raisedAtMs())
                .isEqualTo(raised.raisedAt().toEpochMilli()));

        d.advanceTo("2027-02-14");
        assertThat(d.read()).as("the moved entry is not raised again").isEmpty();
        d.report(URL, v(false, done(TOILETS), done(CADRES)), "2025-09-01");
        assertThat(only(d.read()).state()).isEqualTo(AlertState.resolved);
    }

    @Test
    void aRetractedReportWithdrawsItsAlerts() {
        d = new PipelineDriver("2026-01-10");
        d.report(URL, v(true, due(TOILETS, "2025年12月31日"), ongoing(FRUGALITY)), "2025-09-01");
        assertThat(d.read()).hasSize(2);
        d.retract(URL);
        assertThat(d.read()).hasSize(2).allSatisfy(a -> {
            assertThat(a.state()).isEqualTo(AlertState.withdrawn);
            assertThat(a.reason()).contains("retracted");
        });
    }

    @Test
    void closedEntriesArePrunedAfterTheirRetentionAndOpenOnesStay() {
        d = new PipelineDriver("2026-01-10", DeadlineSettings.defaults().withZone(PipelineDriver.SHANGHAI).withRetentionDays(30));
        d.report(URL, v(true, due(TOILETS, "2025年12月31日"), done(CADRES), due(FRUGALITY, "2027年6月30日")), "2025-09-01");
        assertThat(d.read()).hasSize(1);
        assertThat(d.store(DeadlineTracker.STORE)).hasSize(3);
        d.report(URL, v(true, done(TOILETS), done(CADRES), due(FRUGALITY, "2027年6月30日")), "2025-09-01");
        assertThat(only(d.read()).state()).isEqualTo(AlertState.resolved);
        d.advanceTo("2026-02-08");
        assertThat(d.store(DeadlineTracker.STORE)).hasSize(3);
        d.advanceTo("2026-02-10");
        List<KeyValue<String, TrackedIssue>> left = d.store(DeadlineTracker.STORE);
        assertThat(left).singleElement().satisfies(kv -> assertThat(kv.value.problem()).contains(FRUGALITY));
        assertThat(d.store(DeadlineTracker.AGENDA)).as("only the open issue's due date is on the agenda").hasSize(1);
        assertThat(d.metrics.entriesPruned.get()).isEqualTo(2);
        d.advanceTo("2027-07-02");
        assertThat(only(d.read()).kind()).isEqualTo(AlertKind.commitment_overdue);
    }

    private List<String> unitsTracked() {
        return d.<TrackedIssue>store(DeadlineTracker.STORE).stream().map(kv -> kv.key.substring(0, kv.key.indexOf('\u0001')))
                .distinct().toList();
    }
}
