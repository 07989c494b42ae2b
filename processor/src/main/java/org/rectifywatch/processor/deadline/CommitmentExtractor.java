package org.rectifywatch.processor.deadline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rectifywatch.model.report.Commitment;
import org.rectifywatch.processor.parse.ChineseNumbers;
import org.rectifywatch.processor.parse.DateText;
import org.rectifywatch.processor.parse.FastPatterns;
import org.rectifywatch.processor.parse.FastPatterns.KeywordPattern;

/**
 * Finds dated promises in rectification text and normalises their due date.
 *
 * <p>Date forms: a full date (2021年12月31日, 12月31日), a month (2026年3月, 明年6月, 6月) → its last day, 底/末/下旬 → the
 * last day, 上旬 → the 10th, 中旬 → the 20th; a year-level period with an explicit or relative year (2025年底, 年底,
 * 今年底, 明年年底, 年内, 本年度内, 2025年内) → 12-31, 上半年 → 06-30, 下半年 → 12-31, (第)N季度 → the quarter's last day;
 * a year alone (2025年, 今年, 明年) → 12-31; 本月(底) → the end of the anchor's month; a numeric date (2025.6.30,
 * 2025/12) only in a 时限 cell or before 前. A missing year is the context year, and a month written without any year
 * that would fall before the anchor moves to the following year. A relative window without anchor (三年内,
 * 两年时间内) has due null. Movable feasts and seasons (春节前, 汛期前, 国庆前) are not read: their date differs by
 * year and region, and a guessed due date would raise false overdue alerts.
 *
 * <p>What makes a date a promise: a promise word before it (将于, 计划, 力争, 确保, 预计…), a deadline after it (前,
 * 以前, 之前, 内), a 时限/期限/截止时间 label cell ({@code 整改时限：2025年6月}, even without 前 and even when passed), or —
 * for a date after the anchor written with a year (explicit or relative) — a goal verb right after it (2025年6月完成,
 * 明年上半年完成) or 到/至 right before it. History is not a promise: 已于/截至/自…起/以来, a clause told in the past
 * (…了, 已完成), a passed deadline without promise word (均在3月底前填报了), 2024年度考核, 2023年版, recurring
 * deadlines (每月底前, 每年年底前) and superseded plans (原计划2024年底完成).
 *
 * <p>At most one commitment per sentence: the sentence holding the promise is quoted.
 */
public final class CommitmentExtractor {
    private static final String CN_YEAR = "[〇零一二三四五六七八九]{4}";
    private static final String NUM = "(?:\\d{1,2}|[一二三四五六七八九十]{1,3})";
    private static final String REL = "今年|明年|当年|本年";

    private static final KeywordPattern DUE = FastPatterns.of(
            "0123456789〇零一二三四五六七八九十今明当本年上下第",
            // a month: year? month (day | 底/末/旬)?
            "(?<![\\d\\-—–~～])(?:(?<y1>\\d{4}|" + CN_YEAR + ")年|(?<r1>" + REL + "))?(?<mo>" + NUM + ")月份?"
                    + "(?:(?<d>" + NUM + ")[日号]|(?<part>底|末|中旬|下旬|上旬))?"
                    // a year-level end: (2025年|今年|明年|年)年? 底/末/内/度内
                    + "|(?:(?<y2>\\d{4}|" + CN_YEAR + ")年年?|(?<r2>" + REL + ")年?|(?<![一二两三四五六七八九十\\d个多几数近连续历])年)"
                    + "(?<end>底|末|度内(?![部容])|内(?![部容外涵在设控审陆地蒙]))"
                    // a half or a quarter: (2025年|今年|明年)? 上半年/下半年/第N季度
                    + "|(?:(?<y3>\\d{4}|" + CN_YEAR + ")年|(?<r3>" + REL + "))?(?<half>上半年|下半年|第?[一二三四1-4]季度)(?:末|底)?"
                    // a year alone
                    + "|(?<![\\d年])(?<y4>\\d{4}|" + CN_YEAR + ")年(?![\\d一二三四五六七八九十]|以来|起|至今|度|版|初|代|[上下]半年|第|[季期]|[春夏秋冬]|寒假|暑假|暑期|汛期|春节)"
                    + "|(?<r4>今年|明年)(?![\\d一二三四五六七八九十上下底末内度年第季])"
                    // this month
                    + "|(?<cur>本月|当月)(?<curpart>底|末|中旬|下旬|内)?"
                    // numeric: 2025.6.30, 2025-06, 2025/12/31
                    + "|(?<![\\d.．/\\-])(?<ny>20\\d{2})[.．/\\-](?<nm>\\d{1,2})(?:[.．/\\-](?<nd>\\d{1,2}))?(?![\\d.．/\\-]|万|亿|元|%)");

    private static final KeywordPattern WINDOW = FastPatterns.of("一二两三四五六七八九十0123456789",
            "(?<![\\d一二两三四五六七八九十〇零])(?:[一二两三四五六七八九十]{1,3}|\\d{1,3})(?:个)?(?:年|月|周|季度|个工作日|日|天)"
                    + "(?:内|时间内|之内|左右时间|时间)");
    /** Words before a date that make it a promise. */
    private static final Pattern PROMISE_BEFORE = Pattern.compile("将于|将在|将|计划于|计划在|计划|预计到|预计于|预计在|预计|"
            + "力争于|力争在|力争到|力争|争取于|争取在|争取|确保于|确保在|确保|拟于|拟在|拟|要求于|要求在|限期|限于|限|力促|"
            + "时限|期限|承诺|延期至|延期到|推迟至|推迟到|延长至|调整为|务必|必须于|必须在|定于|预期");
    /** A label cell whose value is the due date: 整改时限：2025年6月, 截止时间：2025.10. */
    private static final Pattern LABEL_BEFORE = Pattern.compile(
            "(?:时限|期限|时间节点|完成时间|整改时间|办结时间|销号时间|截止时间|截止日期|完成日期)(?:要求)?(?:为|是)?[：:]?$");
    /** Words after a date that make it a deadline. */
    private static final Pattern DEADLINE_AFTER = Pattern.compile("^(?:底|末)?(?:前|以前|之前)");
    /** 内 after a month or a year: 6月内, 2025年内 (the year-level 内 is part of the date match). */
    private static final Pattern WITHIN_AFTER = Pattern.compile("^(?:底|末)?(?:以内|之内|内)(?![部容外涵在设控审陆地蒙])");
    /** A date after the report's anchor followed by its goal is a promise even without 前 (2025年6月完成…). */
    private static final Pattern GOAL_AFTER = Pattern.compile("^(?:底|末|份)?(?:前后)?(?:将|要|要求|须|必须)?"
            + "(?:全部|全面|基本|彻底|如期|全|逐步|陆续|确保)?"
            + "(?:完成|建成|投用|投入使用|办结|竣工|完工|到位|实现|达到|整改|消除|化解|销号|清零|交付|验收|投产|上线|运行|"
            + "出台|印发|消化|清理|清退|拆除|补齐|达标|覆盖|解决|落实|启用|开工|移交|取得|形成)");
    /** A window followed by its goal is a promise even without 将/力争 (三年内实现…全覆盖). */
    private static final Pattern WINDOW_GOAL_AFTER = Pattern.compile("^(?:全部|基本)?(?:实现|完成|达到|建成|消除|化解|整改)");
    /** A rescheduled deadline: 延期至, 推迟到, 调整为. */
    private static final Pattern RESCHEDULED = Pattern.compile("(?:延期|推迟|延长|顺延|调整)(?:至|到|为)");
    /** History right before a date: 已于, 截至, 自, 从, 于…起. */
    private static final Pattern PAST_BEFORE = Pattern.compile("(?:已于|已在|已|截至|截止|截至到|自|从|已经|早在|曾于|曾在|曾)$");
    /** Recurring deadlines, not promises: 每月底前, 每年年底前, 每季度末, 逐月. */
    private static final Pattern RECURRING_BEFORE = Pattern.compile("(?:每|逐|按)(?:一|个)?(?:年|月|季|季度|半年)?(?:的)?$");
    /** A plan that was superseded: 原计划2024年底完成, 原定于. */
    private static final Pattern SUPERSEDED_BEFORE = Pattern.compile("原(?:计划|定|要求|承诺)");
    /** 到/至 right before a future date: 到2025年底, 全县…. */
    private static final Pattern TO_BEFORE = Pattern.compile("(?<![\\d年月日号底末截直])(?:到|至)$");
    /** The date opens a span or tells a start (2015年7月至2016年2月期间, 2023年以来, 自4月起). */
    private static final Pattern SPAN_AFTER = Pattern.compile("^(?:底|末)?(?:期间|间|以来|至今|起|开始|伊始|至|到|—|－|-|~|～)");
    /** The connector of a span: 至, 到, —. */
    private static final Pattern RANGE_AFTER = Pattern.compile("^(?:至|到|—|－|-|~|～)");
    /** A period of the past: 近三年内, 过去两年. */
    private static final Pattern PAST_WINDOW_BEFORE = Pattern.compile("(?:近|过去|以往|连续|前)$");
    /** A completion reported in the clause (…已完成, …完成了). */
    private static final Pattern DONE_IN_CLAUSE = Pattern.compile("了|已(?:经)?(?:全部|全面|基本|如期|按期|提前)?(?:完成|建成|办结|整改|到位|实现|达到|落实|消化|化解|销号)");

    private CommitmentExtractor() {
    }

    /**
     * Commitments of one rectification text. {@code contextYear} supplies the year of dates written without one
     * (null: such dates get due null); {@code anchorIso} (published or feedback date) moves a month-only date that
     * would fall before it into the following year and tells a future date from a past one.
     */
    public static List<Commitment> extract(String text, Integer contextYear, String anchorIso) {
        List<Commitment> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String quoted : sentences(text)) {
            String sentence = normalise(quoted);
            if (!containsDateHint(sentence)) {
                continue;
            }
            Found f = firstDated(sentence, 0, contextYear, anchorIso);
            if (f != null) {
                add(out, seen, quoted, f.due);
            } else if (hasWindowPromise(sentence)) {
                add(out, seen, quoted, null);
            }
        }
        return out;
    }

    private record Found(String due) {
    }

    /** The first date of the sentence that is a promise, with its due date; null when none is. */
    private static Found firstDated(String sentence, int start, Integer contextYear, String anchorIso) {
        int from = start;
        int spanEnd = -1; // where the end of a span starts (2025年7月至|9月): it is read with its start's context
        String spanBefore = null;
        Integer spanYear = null;
        Matcher m = null;
        while ((m = DUE.find(sentence, from, m)) != null) {
            from = m.end() > m.start() ? m.end() : m.start() + 1;
            boolean spanEndHere = m.start() == spanEnd;
            String before = spanEndHere ? spanBefore : sentence.substring(Math.max(0, m.start() - 8), m.start());
            String immediate = before.length() > 3 ? before.substring(before.length() - 3) : before;
            String after = sentence.substring(m.end(), Math.min(sentence.length(), m.end() + 10));
            String due = spanEndHere && !hasYear(m) && spanYear != null ? due(m, spanYear, null) : due(m, contextYear, anchorIso);
            Matcher range = RANGE_AFTER.matcher(after);
            if (range.find()) {
                spanEnd = m.end() + range.end();
                spanBefore = before;
                spanYear = DateText.yearOf(due(m, contextYear, null));
                continue; // the span's end is the due date
            }
            if (RECURRING_BEFORE.matcher(before).find() || SUPERSEDED_BEFORE.matcher(before).find()) {
                continue;
            }
            if (m.group("half") != null && m.group("half").contains("季度") && before.endsWith("前")) {
                continue; // 前三季度: the first three quarters, a cumulative figure
            }
            boolean numeric = m.group("ny") != null;
            if (LABEL_BEFORE.matcher(before).find()) {
                if (due != null || (contextYear == null && !hasYear(m))) {
                    return new Found(due);
                }
                continue;
            }
            if (PAST_BEFORE.matcher(immediate).find() || SPAN_AFTER.matcher(after).find()) {
                continue;
            }
            boolean deadline = DEADLINE_AFTER.matcher(after).find();
            if (numeric && !deadline) {
                continue; // 2025.6 outside a 时限 cell may be a version, an amount or a figure
            }
            // the promise word belongs to the date's own clause (制定学习计划并严格执行，2022年已开展… is history), and
            // 已 in an earlier clause (已完成9个，将于…) does not undo the promise of this one
            String own = clauseBefore(before);
            boolean promiseWord = PROMISE_BEFORE.matcher(own).find() && !own.contains("已");
            boolean within = (m.group("end") != null && m.group("end").endsWith("内")) || "内".equals(m.group("curpart"))
                    || WITHIN_AFTER.matcher(after).find();
            boolean future = due != null && (anchorIso != null ? due.compareTo(anchorIso) > 0 : isRelative(m));
            boolean yearWritten = hasYear(m) || m.group("end") != null || m.group("half") != null;
            boolean goal = yearWritten && future && (GOAL_AFTER.matcher(after).find() || TO_BEFORE.matcher(before).find());
            if (!promiseWord && !deadline && !within && !goal) {
                continue;
            }
            String clause = clauseAfter(sentence, m.end());
            if (promiseWord ? DONE_IN_CLAUSE.matcher(clause).find() : pastClause(clause)) {
                continue;
            }
            if (!promiseWord && due != null && anchorIso != null && due.compareTo(anchorIso) < 0) {
                continue; // a past deadline told as history (均在3月底前填报了…, 2013年以前成立…)
            }
            if (due == null && (contextYear != null || hasYear(m))) {
                continue;
            }
            if (start == 0) {
                // a later deadline that replaces this one (…计划2024年底前完成，因故延期至2025年6月底)
                Matcher r = RESCHEDULED.matcher(sentence);
                if (r.find(m.end())) {
                    Found later = firstDated(sentence, r.end(), contextYear, anchorIso);
                    if (later != null) {
                        return later;
                    }
                }
            }
            return new Found(due);
        }
        return null;
    }

    /** A relative window (三年内, 两年时间内) with a promise word before it or its goal after it. */
    private static boolean hasWindowPromise(String sentence) {
        int wf = 0;
        Matcher w = null;
        while ((w = WINDOW.find(sentence, wf, w)) != null) {
            wf = w.end() > w.start() ? w.end() : w.start() + 1;
            String before = sentence.substring(Math.max(0, w.start() - 8), w.start());
            String after = sentence.substring(w.end(), Math.min(sentence.length(), w.end() + 4));
            if (PAST_WINDOW_BEFORE.matcher(before).find() || RECURRING_BEFORE.matcher(before).find()
                    || clauseBefore(before).contains("已")
                    || pastClause(clauseAfter(sentence, w.end()))) {
                continue;
            }
            if ((PROMISE_BEFORE.matcher(before).find() && !clauseBefore(before).contains("已"))
                    || WINDOW_GOAL_AFTER.matcher(after).find()) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Commitment> out, Set<String> seen, String sentence, String due) {
        if (seen.add(sentence + "|" + due)) {
            out.add(new Commitment(sentence, due));
        }
    }

    private static boolean containsDateHint(String s) {
        return s.indexOf('年') >= 0 || s.indexOf('月') >= 0 || s.indexOf('内') >= 0 || s.indexOf('季') >= 0
                || s.indexOf('限') >= 0 || s.indexOf('间') >= 0 || s.indexOf('前') >= 0;
    }

    /** Full-width digits and punctuation of dates as ASCII, spaces inside dates dropped (2025 年 6 月). */
    static String normalise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '０' && c <= '９') {
                c = (char) (c - '０' + '0');
            }
            if (Character.isWhitespace(c) || c == '\u3000') {
                char prev = b.length() == 0 ? ' ' : b.charAt(b.length() - 1);
                char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
                if (next >= '０' && next <= '９') {
                    next = (char) (next - '０' + '0');
                }
                if (isDateChar(prev) && isDateChar(next)) {
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    private static boolean isDateChar(char c) {
        return (c >= '0' && c <= '9') || c == '年' || c == '月' || c == '日' || c == '底' || c == '前';
    }

    /** The rest of the clause after a date (up to the next comma). */
    private static String clauseAfter(String sentence, int from) {
        int end = from;
        while (end < sentence.length() && ",，、".indexOf(sentence.charAt(end)) < 0) {
            end++;
        }
        return sentence.substring(from, end);
    }

    /** The part of {@code before} in the date's own clause. */
    private static String clauseBefore(String before) {
        int i = Math.max(before.lastIndexOf('，'), before.lastIndexOf(','));
        return before.substring(i + 1);
    }

    /** The clause reports something done (…了, 已…). */
    private static boolean pastClause(String clause) {
        return clause.contains("了") || clause.contains("已");
    }

    /** The date has a year of its own, written (2025年) or relative (今年, 明年, 本年). */
    private static boolean hasYear(Matcher m) {
        return m.group("y1") != null || m.group("y2") != null || m.group("y3") != null || m.group("y4") != null
                || m.group("ny") != null || isRelative(m);
    }

    private static boolean isRelative(Matcher m) {
        return isForward(m.group("r1")) || isForward(m.group("r2")) || isForward(m.group("r3")) || m.group("r4") != null
                || (m.group("end") != null && m.group("y2") == null) || (m.group("half") != null && m.group("y3") == null);
    }

    /** 今年/明年/本年 point at the report's year; 当年 also tells history (当年完成投资5亿元). */
    private static boolean isForward(String relative) {
        return relative != null && !"当年".equals(relative);
    }

    /** ISO due date of a {@link #DUE} match; null when no year can be determined or the date is invalid. */
    static String due(Matcher m, Integer contextYear, String anchorIso) {
        if (m.group("mo") != null) {
            Integer year = year(m.group("y1"), m.group("r1"), contextYear);
            Integer month = ChineseNumbers.parseSmall(m.group("mo"));
            if (year == null || month == null || month < 1 || month > 12) {
                return null;
            }
            Integer day = m.group("d") == null ? null : ChineseNumbers.parseSmall(m.group("d"));
            if (day == null && m.group("part") != null) {
                day = switch (m.group("part")) {
                    case "上旬" -> 10;
                    case "中旬" -> 20;
                    default -> null; // 下旬, 底, 末: the end of the month
                };
            }
            String iso = day != null ? DateText.isoDate(year, month, day) : DateText.endOfMonth(year, month);
            boolean anyYear = m.group("y1") != null || m.group("r1") != null;
            if (iso != null && !anyYear && anchorIso != null && iso.compareTo(anchorIso) < 0) {
                iso = day != null ? DateText.isoDate(year + 1, month, day) : DateText.endOfMonth(year + 1, month);
            }
            return iso;
        }
        if (m.group("end") != null) {
            Integer year = year(m.group("y2"), m.group("r2"), contextYear);
            return year == null ? null : year + "-12-31";
        }
        if (m.group("half") != null) {
            Integer year = year(m.group("y3"), m.group("r3"), contextYear);
            if (year == null) {
                return null;
            }
            String period = m.group("half");
            if (period.equals("上半年")) {
                return year + "-06-30";
            }
            if (period.equals("下半年")) {
                return year + "-12-31";
            }
            int q = ChineseNumbers.digitOf(period.charAt(period.length() - 3));
            return q >= 1 && q <= 4 ? DateText.endOfMonth(year, q * 3) : null;
        }
        if (m.group("y4") != null || m.group("r4") != null) {
            Integer year = year(m.group("y4"), m.group("r4"), contextYear);
            return year == null ? null : year + "-12-31";
        }
        if (m.group("cur") != null) {
            if (anchorIso == null || anchorIso.length() < 7) {
                return null;
            }
            int year = Integer.parseInt(anchorIso.substring(0, 4));
            int month = Integer.parseInt(anchorIso.substring(5, 7));
            String part = m.group("curpart");
            if ("上旬".equals(part) || "中旬".equals(part)) {
                return DateText.isoDate(year, month, "上旬".equals(part) ? 10 : 20);
            }
            // 本月底 is the month the report was published (or fed back) in
            return DateText.endOfMonth(year, month);
        }
        if (m.group("ny") != null) {
            int year = Integer.parseInt(m.group("ny"));
            int month = Integer.parseInt(m.group("nm"));
            if (month < 1 || month > 12) {
                return null;
            }
            return m.group("nd") != null ? DateText.isoDate(year, month, Integer.parseInt(m.group("nd")))
                    : DateText.endOfMonth(year, month);
        }
        return null;
    }

    private static Integer year(String written, String relative, Integer contextYear) {
        if (written != null) {
            return ChineseNumbers.parseYearDigits(written);
        }
        if (contextYear == null) {
            return null;
        }
        if ("明年".equals(relative)) {
            return contextYear + 1;
        }
        return contextYear;
    }

    /** An item's ordinal at the start of a sentence: （一）, (2), 3., 一是, ①. */
    private static final Pattern LEADING_ORDINAL = Pattern.compile(
            "^(?:[（(][一二三四五六七八九十\\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}是|\\d{1,3}[.、．](?!\\d)|[①-⑳])\\s*");

    /** Sentences split on 。；;！？ and line breaks, without a leading item ordinal. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || "。；;！？!?\n".indexOf(text.charAt(i)) >= 0) {
                String s = text.substring(start, i).trim();
                if (!s.isEmpty() && "（(一二三四五六七八九十0123456789①②③④⑤⑥⑦⑧⑨⑩".indexOf(s.charAt(0)) >= 0) {
                    s = LEADING_ORDINAL.matcher(s).replaceFirst("");
                }
                if (!s.isEmpty()) {
                    out.add(s);
                }
                start = i + 1;
            }
        }
        return out;
    }
}
