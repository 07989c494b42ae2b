package org.rectifywatch.sink.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.AlertState;

/** The webhook payload of one alert event in each supported dialect. Pure. */
public final class AlertMessage {
    private AlertMessage() {
    }

    public static String event(AlertRecord a) {
        return a.state() == AlertState.resolved ? "alert.resolved" : "alert.raised";
    }

    public static String payload(AlertRecord a, WebhookFormat format) {
        return switch (format) {
            case generic -> Json.write(Map.of("event", event(a), "alert", a));
            case dingtalk -> {
                Map<String, Object> md = new LinkedHashMap<>();
                md.put("title", title(a));
                md.put("text", markdown(a));
                yield Json.write(Map.of("msgtype", "markdown", "markdown", md));
            }
            case wecom -> Json.write(Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown(a))));
        };
    }

    static String title(AlertRecord a) {
        return (a.state() == AlertState.resolved ? "整改逾期已销号" : "整改逾期提醒") + "：" + nz(a.target());
    }

    static String markdown(AlertRecord a) {
        StringBuilder b = new StringBuilder();
        b.append("### ").append(title(a)).append("\n\n");
        b.append("- 问题：").append(nz(a.problem())).append("\n");
        if (a.commitmentText() != null) {
            b.append("- 承诺：").append(a.commitmentText()).append("\n");
        }
        b.append("- 期限：").append(nz(a.dueDate())).append("（逾期 ").append(a.daysOverdue()).append(" 天）\n");
        b.append("- 类型：").append(a.kind()).append("\n");
        if (a.reportUrl() != null) {
            b.append("- 报告：[").append(nz(a.reportTitle()).isEmpty() ? a.reportUrl() : a.reportTitle()).append("](")
                    .append(a.reportUrl()).append(")\n");
        }
        if (a.state() == AlertState.resolved && a.resolvedByReportUrl() != null) {
            b.append("- 销号依据：").append(a.resolvedByReportUrl()).append("\n");
        }
        b.append("- 编号：").append(a.alertId());
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
