package org.rectifywatch.sink.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rectifywatch.model.wire.AlertRecord;
import org.rectifywatch.model.wire.AlertState;
import org.rectifywatch.model.wire.IssueRecord;
import org.rectifywatch.model.wire.ReportRecord;
import org.rectifywatch.sink.notify.config.NotificationConfig;
import org.rectifywatch.sink.notify.digest.Notice;
import org.rectifywatch.sink.notify.watch.Watch;

/**
 * Turns the records the notifier reads into the items each channel is told about: alert events the policy pushes
 * (to the alert channels) and every report, issue or alert event a watch matches (to the watch's channels). Ledger
 * keys: {@code <alert id>|<state>} on the default channel (as before channels existed, so an upgrade repeats
 * nothing), {@code …@<channel>} on the others, {@code watch|<watch>|report|<id>@<channel>} and the like for watches.
 */
final class NoticeFactory {
    private final NotificationConfig config;
    private final Clock clock;

    NoticeFactory(NotificationConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    static String alertKey(String channel, String alertId, AlertState state) {
        String k = NotifiedLedger.key(alertId, state);
        return channel.equals(NotificationConfig.DEFAULT_CHANNEL) ? k : k + "@" + channel;
    }

    static String watchKey(String channel, Watch w, String what, String id) {
        return "watch|" + w.name() + "|" + what + "|" + id + "@" + channel;
    }

    List<Notice> alert(AlertRecord a, Notice.Source source) {
        List<Notice> out = new ArrayList<>();
        String category = AlertMessage.title(a).split("：", 2)[0];
        Instant at = a.state() == AlertState.raised || a.closedAt() == null ? a.raisedAt() : a.closedAt();
        List<String> pushedTo = config.policy().pushes(a.kind(), a.state()) ? config.alertChannels() : List.of();
        if (!pushedTo.isEmpty()) {
            for (String ch : pushedTo) {
                out.add(new Notice(alertKey(ch, a.alertId(), a.state()), a.alertId(), ch, a.target(), a.provinceHint(), category,
                        AlertMessage.title(a), AlertMessage.detailLines(a, clock), a.reportUrl(), at, AlertMessage.item(a, clock), source));
            }
        }
        if (a.state() == AlertState.raised || a.state() == AlertState.resolved) {
            for (Watch w : config.watches()) {
                if (w.matches(a)) {
                    Map<String, Object> payload = new LinkedHashMap<>(AlertMessage.item(a, clock));
                    payload.put("watch", w.name());
                    for (String ch : w.channels()) {
                        if (pushedTo.contains(ch)) {
                            continue; // the channel hears of this event anyway: once is enough
                        }
                        out.add(new Notice(watchKey(ch, w, "alert", a.alertId() + "|" + a.state()), a.alertId(), ch, a.target(),
                                a.provinceHint(), "关注「" + w.name() + "」" + category, "关注「" + w.name() + "」" + AlertMessage.title(a),
                                AlertMessage.detailLines(a, clock), a.reportUrl(), at, payload, source));
                    }
                }
            }
        }
        return out;
    }

    List<Notice> report(ReportRecord r, Notice.Source source) {
        List<Notice> out = new ArrayList<>();
        for (Watch w : config.watches()) {
            if (!w.matches(r)) {
                continue;
            }
            String unit = r.meta().target();
            List<String> details = new ArrayList<>();
            details.add("报告：[" + esc(nz(r.title())) + "](" + r.url() + ")");
            details.add("单位：" + nz(unit) + (r.meta().provinceHint() == null ? "" : "（" + r.meta().provinceHint() + "）"));
            if (r.meta().reportKind() != null) {
                details.add("类型：" + r.meta().reportKind());
            }
            details.add("发布日期：" + nz(r.meta().publishedDate() != null ? r.meta().publishedDate() : r.pageDate()));
            details.add("问题：" + r.issueCount() + " 个");
            details.add("编号：" + r.reportId());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("event", "watch.report");
            payload.put("watch", w.name());
            payload.put("report_id", r.reportId());
            payload.put("title", r.title());
            payload.put("url", r.url());
            payload.put("target", unit);
            payload.put("province", r.meta().provinceHint());
            payload.put("report_kind", r.meta().reportKind());
            payload.put("published_date", r.meta().publishedDate());
            payload.put("issue_count", r.issueCount());
            for (String ch : w.channels()) {
                out.add(new Notice(watchKey(ch, w, "report", r.reportId()), r.reportId(), ch, unit, r.meta().provinceHint(),
                        "关注「" + w.name() + "」新报告", "关注「" + w.name() + "」新整改报告：" + nz(unit), details, r.url(),
                        day(r.meta().publishedDate() != null ? r.meta().publishedDate() : r.pageDate(), r.fetchedAt()), payload, source));
            }
        }
        return out;
    }

    List<Notice> issue(IssueRecord i, Notice.Source source) {
        List<Notice> out = new ArrayList<>();
        for (Watch w : config.watches()) {
            if (!w.matches(i)) {
                continue;
            }
            List<String> details = new ArrayList<>();
            details.add("问题：" + shorten(nz(i.problem()), 200));
            details.add("单位：" + nz(i.target()) + (i.provinceHint() == null ? "" : "（" + i.provinceHint() + "）"));
            details.add("主题：" + nz(i.topic()) + (i.pillar() == null ? "" : " / " + i.pillar()));
            details.add("状态：" + nz(i.status()));
            if (i.reportUrl() != null) {
                details.add("报告：[" + esc(nz(i.reportTitle()).isEmpty() ? i.reportUrl() : i.reportTitle()) + "](" + i.reportUrl() + ")");
            }
            details.add("编号：" + i.issueId());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("event", "watch.issue");
            payload.put("watch", w.name());
            payload.put("issue_id", i.issueId());
            payload.put("report_id", i.reportId());
            payload.put("problem", i.problem());
            payload.put("topic", i.topic());
            payload.put("pillar", i.pillar());
            payload.put("status", i.status());
            payload.put("target", i.target());
            payload.put("province", i.provinceHint());
            payload.put("report_url", i.reportUrl());
            for (String ch : w.channels()) {
                out.add(new Notice(watchKey(ch, w, "issue", i.issueId()), i.issueId(), ch, i.target(), i.provinceHint(),
                        "关注「" + w.name() + "」新问题", "关注「" + w.name() + "」新问题：" + nz(i.target()), details, i.reportUrl(),
                        day(i.publishedDate(), i.processedAt()), payload, source));
            }
        }
        return out;
    }

    /** The start of a publication day in the configured zone; the fallback when the date is missing or partial. */
    private Instant day(String date, Instant fallback) {
        if (date != null) {
            try {
                return LocalDate.parse(date).atStartOfDay(clock.getZone()).toInstant();
            } catch (DateTimeParseException e) {
                // "2021-06" and the like: the fallback
            }
        }
        return fallback;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static String esc(String s) {
        return s.replace("[", "【").replace("]", "】");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
