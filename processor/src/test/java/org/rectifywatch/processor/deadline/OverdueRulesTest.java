package org.rectifywatch.processor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.report.Commitment;
import org.rectifywatch.model.wire.AlertKind;

class OverdueRulesTest {
    private final OverdueRules rules = new OverdueRules(6);

    private static TrackedIssue issue(String status, String feedback, Commitment... commitments) {
        return new TrackedIssue("r1-1", "r1", "青川县", "青川县", "四川", "省委第二巡视组", "农村人居环境整治不到位", "rural", "D",
                status, List.of(commitments), feedback, "2025-09-01", "https://x/1", "t", List.of(), null, null);
    }

    @Test
    void aPassedDueDateOfAnOpenIssueIsOverdueByTheDaysSince() {
        List<DueAlert> due = rules.dueAlerts(issue("in_progress", "2025-06-10",
                new Commitment("将于2025年12月31日前全部完成", "2025-12-31")), LocalDate.parse("2026-01-10"));
        assertThat(due).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.commitment_overdue);
            assertThat(a.daysOverdue()).isEqualTo(10);
            assertThat(a.dueDate()).isEqualTo(LocalDate.parse("2025-12-31"));
        });
    }

    @Test
    void theDueDayItselfIsNotOverdueAndACompletedIssueNeverIs() {
        Commitment c = new Commitment("年底前完成", "2025-12-31");
        assertThat(rules.dueAlerts(issue("in_progress", "2025-06-10", c), LocalDate.parse("2025-12-31"))).isEmpty();
        assertThat(rules.dueAlerts(issue("completed", "2025-06-10", c), LocalDate.parse("2027-01-01"))).isEmpty();
    }

    @Test
    void commitmentsSharingADueDateMakeOneAlertAndUnanchoredOnesNone() {
        List<DueAlert> due = rules.dueAlerts(issue("long_term", "2025-06-10",
                new Commitment("A于6月底前完成", "2025-06-30"), new Commitment("B于6月底前完成", "2025-06-30"),
                new Commitment("三年内完成", null)), LocalDate.parse("2025-08-01"));
        assertThat(due).singleElement().satisfies(a -> assertThat(a.commitmentText()).contains("A于").contains("B于"));
    }

    @Test
    void anInProgressIssueWithoutDatedCommitmentIsOverdueAfterTheWindow() {
        TrackedIssue open = issue("in_progress", "2025-06-10");
        assertThat(rules.dueAlerts(open, LocalDate.parse("2025-12-10"))).isEmpty();
        assertThat(rules.dueAlerts(open, LocalDate.parse("2025-12-11"))).singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(AlertKind.rectification_overdue));
        assertThat(rules.dueAlerts(issue("long_term", "2025-06-10"), LocalDate.parse("2027-01-01"))).isEmpty();
        assertThat(rules.dueAlerts(issue("in_progress", "2025-06"), LocalDate.parse("2027-01-01"))).as("month-only date").isEmpty();
    }

    @Test
    void alertIdsAreStablePerIssueDueDateAndKind() {
        LocalDate d = LocalDate.parse("2025-12-31");
        assertThat(OverdueRules.alertId("r1-1", d, AlertKind.commitment_overdue))
                .isEqualTo(OverdueRules.alertId("r1-1", d, AlertKind.commitment_overdue))
                .isNotEqualTo(OverdueRules.alertId("r1-2", d, AlertKind.commitment_overdue))
                .isNotEqualTo(OverdueRules.alertId("r1-1", d.plusDays(1), AlertKind.commitment_overdue))
                .isNotEqualTo(OverdueRules.alertId("r1-1", d, AlertKind.rectification_overdue));
    }
}
