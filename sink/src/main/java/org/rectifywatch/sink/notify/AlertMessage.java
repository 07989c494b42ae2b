package org.rectifywatch.sink.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.model.wire.AlertKind;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.AlertState;

/**
 * The text of one alert event: its title, its markdown details, its generic JSON item and its log line. Pure: the clock (instant and time zone) says
 * which day it is, because days overdue are not part of the alert but counted from its due date when the message
 * is written — as of that day while the alert is raised, as of the day it closed once it is closed.
 */
public final class AlertMessage {
    private AlertMessage() {
    }

    /** {@code alert.raised}, {@code alert.resolved}, {@code alert.withdrawn} or {@code alert.superseded}. */
    public static String event(AlertRecord a) {
        return "alert." + (a.state() == null ? AlertState.raised : a.state()).name();
    }

    /** Days past the due date: as of the clock's day while raised, as of the closing day once closed. */
    public static long daysOverdue(AlertRecord a, Clock clock) {
        return a.daysOverdue(asOf(a, clock));
    }

    /** The day {@link #daysOverdue} counts to. */
    public static LocalDate asOf(AlertRecord a, Clock clock) {
        if (a.state() != null && !a.state().isOpen() && a.closedAt() != null) {
            return a.closedAt().atZone(clock.getZone()).toLocalDate();
        }
        return LocalDate.now(clock);
    }

    /** One log line for the event (no webhook configured). */
    public static String line(AlertRecord a, Clock clock) {
        StringBuilder b = new StringBuilder(event(a)).append(' ').append(a.alertId()).append(": ").append(title(a));
        if (a.kind() == AlertKind.report_overdue) {
            b.append(" — 巡视组 ").append(nz(a.inspector())).append(", 反馈 ").append(nz(a.feedbackDate()));
        } else {
            b.append(" — ").append(nz(a.problem()));
        }
        b.append(" (due ").append(nz(a.dueDate())).append(", ").append(daysOverdue(a, clock)).append(" days overdue");
        if (reason(a) != null) {
            b.append(", ").append(reason(a));
        }
        if (a.supersededBy() != null) {
            b.append(", superseded by ").append(a.supersededBy());
        }
        return b.append(") ").append(nz(a.reportUrl())).toString();
    }

    static String title(AlertRecord a) {
        boolean report = a.kind() == AlertKind.report_overdue;
        String what = switch (a.state() == null ? AlertState.raised : a.state()) {
            case raised -> report ? "整改报告逾期未公开" : "整改逾期提醒";
            case resolved -> report ? "整改报告已公开" : "整改逾期已销号";
            case withdrawn -> report ? "整改报告逾期提醒已撤回" : "整改逾期提醒已撤回";
            case superseded -> report ? "整改报告公开期限已调整" : "整改期限已调整";
        };
        return what + "：" + nz(a.target());
    }

    static String markdown(AlertRecord a, Clock clock) {
        boolean open = a.state() == null || a.state().isOpen();
        String days = (open ? "（逾期 " : "（关闭时逾期 ") + daysOverdue(a, clock) + " 天）";
        StringBuilder b = new StringBuilder();
        b.append("### ").append(title(a)).append("\n\n");
        if (a.kind() == AlertKind.report_overdue) {
            b.append("- 巡视组：").append(nz(a.inspector())).append("\n");
            b.append("- 反馈日期：").append(nz(a.feedbackDate())).append("\n");
            b.append("- 应公开日期：").append(nz(a.dueDate())).append(days).append("\n");
        } else {
            b.append("- 问题：").append(nz(a.problem())).append("\n");
            if (a.commitmentText() != null) {
                b.append("- 承诺：").append(a.commitmentText()).append("\n");
            }
            b.append("- 期限：").append(nz(a.dueDate())).append(days).append("\n");
        }
        b.append("- 类型：").append(kind(a.kind())).append("\n");
        String reason = reason(a);
        if (reason != null) {
            b.append("- ").append(open ? "说明：" : "原因：").append(reason).append("\n");
        }
        if (a.reportUrl() != null) {
            b.append(a.kind() == AlertKind.report_overdue ? "- 反馈通知：[" : "- 报告：[")
                    .append(nz(a.reportTitle()).isEmpty() ? a.reportUrl() : a.reportTitle()).append("](")
                    .append(a.reportUrl()).append(")\n");
        }
        if (a.state() == AlertState.resolved && a.resolvedByReportUrl() != null) {
            b.append(a.kind() == AlertKind.report_overdue ? "- 整改报告：" : "- 销号依据：").append(a.resolvedByReportUrl()).append("\n");
        }
        if (a.state() == AlertState.superseded && a.supersededBy() != null) {
            b.append("- 后续提醒：").append(a.supersededBy()).append("\n");
        }
        b.append("- 编号：").append(a.alertId());
        return b.toString();
    }

    /** The {@code 标签：值} lines of {@link #markdown}, without its heading and list marks. */
    static java.util.List<String> detailLines(AlertRecord a, Clock clock) {
        String[] lines = markdown(a, clock).split("\n");
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            out.add(lines[i].startsWith("- ") ? lines[i].substring(2) : lines[i]);
        }
        return out;
    }

    /** The generic webhook's view of one alert event: event, title, days overdue and the alert. */
    static Map<String, Object> item(AlertRecord a, Clock clock) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event(a));
        m.put("title", title(a));
        m.put("days_overdue", daysOverdue(a, clock));
        m.put("days_overdue_as_of", asOf(a, clock).toString());
        m.put("alert", a);
        return m;
    }

    /** The record's reason; for a withdrawal or a supersession without one, what those states mean. */
    private static String reason(AlertRecord a) {
        if (a.reason() != null && !a.reason().isBlank()) {
            return a.reason();
        }
        if (a.state() == AlertState.withdrawn) {
            return a.kind() == AlertKind.report_overdue ? "反馈通知已撤回" : "问题已从报告中删除，或报告已撤回";
        }
        if (a.state() == AlertState.superseded) {
            return "期限已调整";
        }
        return null;
    }

    private static String kind(AlertKind k) {
        if (k == null) {
            return "";
        }
        return switch (k) {
            case commitment_overdue -> "承诺期限已过，问题未完成整改";
            case rectification_overdue -> "整改时限已过（无明确承诺期限）";
            case report_overdue -> "收到巡视反馈后未按期公开整改报告";
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
