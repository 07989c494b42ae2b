package org.rectifywatch.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

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

    public record Totals(long reports, long issues, long openAlerts) {
    }

    public Totals totals() {
        return new Totals(search.count("rectify-reports", "{\"match_all\":{}}"),
                search.count("rectify-issues", "{\"match_all\":{}}"),
                search.count("rectify-alerts", "{\"term\":{\"state\":\"raised\"}}"));
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
        out.println("== Open overdue alerts ==");
        JsonNode alerts = search.search("rectify-alerts", """
                {"size":100,"query":{"term":{"state":"raised"}},"sort":[{"due_date":"asc"}]}""");
        LocalDate today = LocalDate.now(zone);
        for (JsonNode h : alerts.at("/hits/hits")) {
            JsonNode a = h.path("_source");
            String due = a.path("due_date").asText();
            long days = due.length() >= 10 ? ChronoUnit.DAYS.between(LocalDate.parse(due.substring(0, 10)), today) : a.path("days_overdue").asLong();
            out.printf("  due %s, %4d days overdue, %s: %s — %s%n      %s%n", due, days, a.path("alert_kind").asText(),
                    a.path("target").asText(), shorten(a.path("problem").asText(), 40), a.path("report_url").asText());
        }
        long resolved = search.count("rectify-alerts", "{\"term\":{\"state\":\"resolved\"}}");
        out.printf("  (%d alert(s) resolved by later reports)%n", resolved);
        out.println("== Explore ==");
        out.println("  Elasticsearch: " + esUrl);
        out.println("  curl -s '" + esUrl + "/rectify-issues/_search?pretty' -H 'Content-Type: application/json' "
                + "-d '{\"query\":{\"match\":{\"problem_tokens\":\"营商环境\"}},\"_source\":[\"target\",\"problem\",\"topic\",\"status\"]}'");
        out.println("  curl -s '" + esUrl + "/rectify-issues/_search?pretty' -H 'Content-Type: application/json' "
                + "-d '{\"size\":0,\"query\":{\"term\":{\"status\":\"in_progress\"}},\"aggs\":{\"by_unit\":{\"terms\":{\"field\":\"target\"}}}}'");
        return totals();
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
