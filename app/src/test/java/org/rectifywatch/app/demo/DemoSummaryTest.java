package org.rectifywatch.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.rectifywatch.model.json.Json;

/** The demo's alert lines and its last line, from alert documents as the sink indexes them. */
class DemoSummaryTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void aUnitThatOwesItsReportReadsAsSuchWithDaysOverdueCountedFromTheDueDate() {
        JsonNode a = Json.read("""
                {"alert_id":"p1","alert_kind":"report_overdue","state":"raised","target":"中共松岭县委","inspector":"省委第一巡视组",
                 "problem":null,"due_date":"2025-07-16","feedback_date":"2025-01-16",
                 "report_url":"https://example.gov.cn/notice-songling.html"}""", JsonNode.class);
        assertThat(DemoSummary.alertLine(a, TODAY)).isEqualTo("  due 2025-07-16,  503 days overdue, report_overdue: 中共松岭县委"
                + " — no rectification report since feedback on 2025-01-16 (省委第一巡视组)  https://example.gov.cn/notice-songling.html");
        assertThat(DemoSummary.alertLine(a, TODAY.plusDays(1))).contains(" 504 days overdue");
    }

    @Test
    void anIssuesAlertShowsItsProblemAndReport() {
        JsonNode a = Json.read("""
                {"alert_id":"a1","alert_kind":"commitment_overdue","state":"raised","target":"卫滨区","problem":"理论学习浅表化",
                 "due_date":"2021-12-31","report_url":"https://example.gov.cn/r1.html"}""", JsonNode.class);
        assertThat(DemoSummary.alertLine(a, TODAY)).isEqualTo("  due 2021-12-31, 1796 days overdue, commitment_overdue: 卫滨区 — 理论学习浅表化"
                + System.lineSeparator() + "      https://example.gov.cn/r1.html");
    }

    @Test
    void theLastLineCountsOpenAlertsAndThePublicationOverdueAmongThem() {
        DemoRunner.Result r = new DemoRunner.Result(12, 95, 9, 2, "http://127.0.0.1:9200", "127.0.0.1:9092");
        assertThat(r.lastLine()).isEqualTo("demo: 12 reports, 95 issues, 9 overdue alerts (2 publication overdue) indexed at http://127.0.0.1:9200");
    }
}
