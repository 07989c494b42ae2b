package org.rectifywatch.sink.notify.digest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.sink.notify.config.ChannelKind;

/**
 * A digest as each receiver reads it: robot markdown, the generic JSON (items with their own keys), and email in
 * HTML and plain text rendered from the same markdown. Pure. Every webhook payload carries
 * {@code idempotency_key}, the digest id.
 */
public final class DigestText {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)\\s]+)\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    /** Above this many items of several units a digest is grouped by unit. */
    static final int GROUP_ABOVE = 3;

    private DigestText() {
    }

    public static String title(Digest d) {
        if (d.items().size() == 1 && !d.compact()) {
            return d.items().get(0).headline();
        }
        return (d.compact() ? "整改动态汇总（回溯）：" : "整改动态汇总：") + d.items().size() + " 条";
    }

    public static String markdown(Digest d, String dashboardUrl) {
        StringBuilder b = new StringBuilder("### ").append(title(d)).append("\n\n");
        if (d.summary() != null) {
            b.append(d.summary()).append("\n\n");
        }
        if (d.items().size() > 1 || d.compact()) {
            b.append("本条共 ").append(d.items().size()).append(" 条。\n\n");
        }
        List<Notice> items = d.items();
        boolean group = items.size() > GROUP_ABOVE && items.stream().map(Notice::unit).distinct().count() > 1;
        Map<String, List<Notice>> byUnit = new LinkedHashMap<>();
        if (group) {
            items.stream().sorted((x, y) -> nz(x.unit()).compareTo(nz(y.unit())))
                    .forEach(n -> byUnit.computeIfAbsent(nz(n.unit()), u -> new ArrayList<>()).add(n));
        } else {
            byUnit.put("", items);
        }
        for (Map.Entry<String, List<Notice>> e : byUnit.entrySet()) {
            if (group) {
                b.append("#### ").append(e.getKey().isEmpty() ? "（单位不详）" : e.getKey()).append("（").append(e.getValue().size())
                        .append(" 条）\n\n");
            }
            for (Notice n : e.getValue()) {
                b.append(d.compact() ? compact(n) : full(n, items.size() > 1));
            }
        }
        if (dashboardUrl != null) {
            b.append("[在看板中查看](").append(dashboardUrl).append(dashboardPath(d)).append(")\n\n");
        }
        return b.append("汇总编号：").append(d.id()).toString();
    }

    /** A markdown line for one item: a backfill lists everything, briefly. */
    static String compact(Notice n) {
        return "- " + n.category() + "：" + nz(n.unit()) + (n.url() == null ? "" : " [原文](" + n.url() + ")") + " `" + n.ref() + "`\n";
    }

    static String full(Notice n, boolean several) {
        StringBuilder b = new StringBuilder(several ? "**" + n.headline() + "**\n\n" : "");
        for (String line : n.details()) {
            b.append("- ").append(line).append("\n");
        }
        return b.append("\n").toString();
    }

    private static String dashboardPath(Digest d) {
        boolean alerts = d.items().stream().anyMatch(n -> String.valueOf(n.payload().get("event")).startsWith("alert."));
        return "/app/dashboards#/view/" + (alerts ? "rw-dashboard-overdue" : "rw-dashboard-reports");
    }

    public static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The webhook body in the channel's dialect. */
    public static String payload(Digest d, ChannelKind kind, String dashboardUrl) {
        String md = markdown(d, dashboardUrl);
        return switch (kind) {
            case dingtalk -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("msgtype", "markdown");
                m.put("markdown", Map.of("title", title(d), "text", md));
                m.put("idempotency_key", d.id());
                yield Json.write(m);
            }
            case wecom -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("msgtype", "markdown");
                m.put("markdown", Map.of("content", md));
                m.put("idempotency_key", d.id());
                yield Json.write(m);
            }
            case generic, email -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("event", "digest");
                m.put("idempotency_key", d.id());
                m.put("title", title(d));
                m.put("count", d.items().size());
                m.put("backfill", d.compact());
                if (dashboardUrl != null) {
                    m.put("dashboard", dashboardUrl + dashboardPath(d));
                }
                m.put("text", md);
                List<Map<String, Object>> items = new ArrayList<>();
                for (Notice n : d.items()) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("idempotency_key", n.key());
                    item.putAll(n.payload());
                    items.add(item);
                }
                m.put("items", items);
                yield Json.write(m);
            }
        };
    }

    /** The markdown as plain text: links as {@code text (url)}, no markup. */
    public static String plain(String markdown) {
        StringBuilder b = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            String l = line.replaceFirst("^#{1,6} ", "");
            l = LINK.matcher(l).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " (" + m.group(2) + ")"));
            l = BOLD.matcher(l).replaceAll("$1").replace("`", "");
            b.append(l).append("\n");
        }
        return b.toString().strip() + "\n";
    }

    /** The markdown as a small HTML document (headings, lists, bold, links; everything else escaped). */
    public static String html(String title, String markdown) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title></head><body>\n");
        boolean inList = false;
        for (String line : markdown.split("\n")) {
            boolean item = line.startsWith("- ");
            if (inList && !item) {
                b.append("</ul>\n");
                inList = false;
            }
            if (line.isBlank()) {
                continue;
            }
            if (item) {
                if (!inList) {
                    b.append("<ul>\n");
                    inList = true;
                }
                b.append("<li>").append(inline(line.substring(2))).append("</li>\n");
            } else if (line.startsWith("#### ")) {
                b.append("<h4>").append(inline(line.substring(5))).append("</h4>\n");
            } else if (line.startsWith("### ")) {
                b.append("<h3>").append(inline(line.substring(4))).append("</h3>\n");
            } else {
                b.append("<p>").append(inline(line)).append("</p>\n");
            }
        }
        if (inList) {
            b.append("</ul>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static String inline(String s) {
        StringBuilder b = new StringBuilder();
        Matcher m = LINK.matcher(s);
        int at = 0;
        while (m.find()) {
            b.append(emphasis(esc(s.substring(at, m.start()))));
            b.append("<a href=\"").append(esc(m.group(2))).append("\">").append(esc(m.group(1))).append("</a>");
            at = m.end();
        }
        b.append(emphasis(esc(s.substring(at))));
        return b.toString();
    }

    private static String emphasis(String escaped) {
        String s = BOLD.matcher(escaped).replaceAll("<b>$1</b>");
        return s.replaceAll("`([^`]+)`", "<code>$1</code>");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
