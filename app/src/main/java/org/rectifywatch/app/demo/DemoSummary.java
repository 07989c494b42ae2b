package org.rectifywatch.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rectifywatch.model.wire.AlertKind;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.AlertState;

/** The demo's closing report, read back from Elasticsearch (not from in-memory counters). */
public final class DemoSummary {
    private final SearchClient search;
    private final String esUrl;
    private final ZoneId zone;

    public DemoSummary(SearchClient search, String esUrl, ZoneId zone) {
        this.search = search;
        this.esUrl = esUrl;
        this.zone = zone;
    }

    /**
     * @param openAlerts        open (raised) alerts of every kind
     * @param openReportOverdue of them, units that owe a rectification report since their feedback ({@code report_overdue})
     */
    public record Totals(long reports, long issues, long openAlerts, long openReportOverdue) {
    }

    public Totals totals() {
        return new Totals(search.count("rectify-reports", "{\"match_all\":{}}"),
                search.count("rectify-issues", "{\"match_all\":{}}"),
                search.count("rectify-alerts", "{\"term\":{\"state\":\"raised\"}}"),
                search.count("rectify-alerts", "{\"bool\":{\"filter\":[{\"term\":{\"state\":\"raised\"}},"
                        + "{\"term\":{\"alert_kind\":\"report_overdue\"}}]}}"));
    }

    public Totals print(PrintStream out) {
        out.println();
        out.println("== Reports by inspected unit (issues) ==");
        JsonNode units = search.search("rectify-reports", """
                {"size":0,"aggs":{"unit":{"terms":{"field":"target","size":50,"missing":"(unknown)"},
                  "aggs":{"issues":{"sum":{"field":"issue_count"}}}}}}""");
        for (JsonNode b : units.at("/aggregations/unit/buckets")) {
            out.printf("  %2d report(s) %3d issues  %s%n", b.path("doc_count").asLong(), b.at("/issues/value").asLong(),
                    b.path("key").asText());
        }
        JsonNode issues = search.search("rectify-issues", """
                {"size":0,"aggs":{
                  "pillar":{"terms":{"field":"pillar","size":10,"missing":"-"}},
                  "topic":{"terms":{"field":"topic","size":30,"missing":"-"}},
                  "status":{"terms":{"field":"status","size":10}}}}""");
        out.println("== Issues by pillar (D decisions, S strict governance, O organisational line, R rectification) ==");
        out.println("  " + buckets(issues.at("/aggregations/pillar/buckets")));
        out.println("== Issues by topic ==");
        for (JsonNode b : issues.at("/aggregations/topic/buckets")) {
            out.printf("  %-22s %3d%n", b.path("key").asText(), b.path("doc_count").asLong());
        }
        out.println("== Status mix ==");
        out.println("  " + buckets(issues.at("/aggregations/status/buckets")));
        out.println("== Open overdue alerts (days overdue as of today, " + zone + ") ==");
        JsonNode alerts = search.search("rectify-alerts", """
                {"size":100,"query":{"term":{"state":"raised"}},"sort":[{"due_date":"asc"},{"alert_id":"asc"}]}""");
        LocalDate today = LocalDate.now(zone);
        for (JsonNode h : alerts.at("/hits/hits")) {
            out.println(alertLine(h.path("_source"), today));
        }
        JsonNode closed = search.search("rectify-alerts", """
                {"size":0,"query":{"bool":{"must_not":[{"term":{"state":"raised"}}]}},
                 "aggs":{"state":{"terms":{"field":"state","size":10}}}}""");
        Map<String, Long> byState = new LinkedHashMap<>();
        for (AlertState s : AlertState.values()) {
            if (!s.isOpen()) {
                byState.put(s.name(), 0L);
            }
        }
        for (JsonNode b : closed.at("/aggregations/state/buckets")) {
            byState.put(b.path("key").asText(), b.path("doc_count").asLong());
        }
        StringBuilder closedLine = new StringBuilder("  closed alerts:");
        byState.forEach((state, n) -> closedLine.append(' ').append(n).append(' ').append(state).append(','));
        closedLine.setLength(closedLine.length() - 1);
        out.println(closedLine);
        out.println("== Explore ==");
        out.println("  Elasticsearch: " + esUrl);
        // a plain query: the issues index points it at the segmented token fields, so it finds the word, not its characters
        out.println("  curl -s -G '" + esUrl + "/rectify-issues/_search?pretty' --data-urlencode 'q=营商环境' "
                + "--data-urlencode '_source=target,problem,topic,status'");
        out.println("  curl -s '" + esUrl + "/rectify-issues/_search?pretty' -H 'Content-Type: application/json' "
                + "-d '{\"size\":0,\"query\":{\"term\":{\"status\":\"in_progress\"}},\"aggs\":{\"by_unit\":{\"terms\":{\"field\":\"target\"}}}}'");
        return totals();
    }

    /**
     * One open alert: days overdue counted from its due date as of {@code today}; a unit that owes its report
     * reads as such, an issue's alert shows its problem with the report on the next line.
     */
    static String alertLine(JsonNode a, LocalDate today) {
        String due = a.path("due_date").asText("");
        long days = AlertRecord.daysOverdue(due, today);
        String kind = a.path("alert_kind").asText();
        if (AlertKind.report_overdue.name().equals(kind)) {
            return String.format("  due %s, %4d days overdue, %s: %s — no rectification report since feedback on %s (%s)  %s", due,
                    days, kind, a.path("target").asText(), a.path("feedback_date").asText("?"), a.path("inspector").asText("?"),
                    a.path("report_url").asText());
        }
        return String.format("  due %s, %4d days overdue, %s: %s — %s%n      %s", due, days, kind, a.path("target").asText(),
                shorten(a.path("problem").asText(), 40), a.path("report_url").asText());
    }

    private static String buckets(JsonNode buckets) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode b : buckets) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(b.path("key").asText()).append(' ').append(b.path("doc_count").asLong());
        }
        return sb.toString();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
