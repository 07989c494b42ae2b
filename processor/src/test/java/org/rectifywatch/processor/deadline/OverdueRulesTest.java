package org.rectifywatch.processor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.report.Commitment;
import org.rectifywatch.model.wire.AlertKind;

class OverdueRulesTest {
    private final OverdueRules rules = new OverdueRules(6);

    static TrackedIssue issue(String status, String feedback, Commitment... commitments) {
        return new TrackedIssue("r1-1", "r1", 1, "/青川县", "青川县", "四川", "省委第二巡视组", "农村人居环境整治不到位", "rural", "D",
                status, List.of(commitments), feedback, "2025-09-01", "https://x/1", "t", 0, null, List.of(), null, null, null,
                null, null);
    }

    @Test
    void aPassedDueDateOfAnOpenIssueIsOverdueFromTheNextDay() {
        TrackedIssue i = issue("in_progress", "2025-06-10", new Commitment("将于2025年12月31日前全部完成", "2025-12-31"));
        assertThat(rules.dueOn(i, LocalDate.parse("2025-12-31"))).as("the due day itself").isEmpty();
        assertThat(rules.dueOn(i, LocalDate.parse("2026-01-10"))).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.commitment_overdue);
            assertThat(a.dueDate()).isEqualTo(LocalDate.parse("2025-12-31"));
        });
    }

    @Test
    void aCompletedOrRemovedIssueOwesNothing() {
        Commitment c = new Commitment("年底前完成", "2025-12-31");
        assertThat(rules.owed(issue("completed", "2025-06-10", c))).isEmpty();
        assertThat(rules.owed(issue("in_progress", "2025-06-10", c).removed("removed"))).isEmpty();
        assertThat(rules.owed(issue("in_progress", "2025-06-10", c).completedBy("r2-1", "https://x/2", "2026-01-05"))).isEmpty();
    }

    @Test
    void commitmentsSharingADueDateMakeOneAlertAndUnanchoredOnesNone() {
        List<DueAlert> due = rules.dueOn(issue("long_term", "2025-06-10",
                new Commitment("A于6月底前完成", "2025-06-30"), new Commitment("B于6月底前完成", "2025-06-30"),
                new Commitment("三年内完成", null)), LocalDate.parse("2025-08-01"));
        assertThat(due).singleElement().satisfies(a -> assertThat(a.commitmentText()).contains("A于").contains("B于"));
    }

    @Test
    void anInProgressIssueWithoutDatedCommitmentIsOverdueAfterTheWindow() {
        TrackedIssue open = issue("in_progress", "2025-06-10");
        assertThat(rules.dueOn(open, LocalDate.parse("2025-12-10"))).isEmpty();
        assertThat(rules.dueOn(open, LocalDate.parse("2025-12-11"))).singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(AlertKind.rectification_overdue));
        assertThat(rules.owed(issue("long_term", "2025-06-10"))).isEmpty();
        assertThat(rules.owed(issue("in_progress", "2025-06"))).as("month-only date").isEmpty();
    }

    @Test
    void alertIdsAreStablePerIssueDueDateKindAndGeneration() {
        LocalDate d = LocalDate.parse("2025-12-31");
        String first = OverdueRules.alertId("r1-1", d, AlertKind.commitment_overdue, 0);
        assertThat(first)
                .isEqualTo(OverdueRules.alertId("r1-1", d, AlertKind.commitment_overdue, 0))
                .isNotEqualTo(OverdueRules.alertId("r1-2", d, AlertKind.commitment_overdue, 0))
                .isNotEqualTo(OverdueRules.alertId("r1-1", d.plusDays(1), AlertKind.commitment_overdue, 0))
                .isNotEqualTo(OverdueRules.alertId("r1-1", d, AlertKind.rectification_overdue, 0))
                .isNotEqualTo(OverdueRules.alertId("r1-1", d, AlertKind.commitment_overdue, 1));
    }
}
