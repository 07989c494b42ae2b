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
 * Finds dated promises in rectification text (将于2021年12月31日前…, 年底前, 6月底前, 上半年, 预计到2022年, 三年内)
 * and normalises their due date: 年底 → 12-31, M月底 → last day of M, 上半年 → 06-30, a year alone → 12-31,
 * 本月底 → end of the month of publication,
 * a missing year from the report's context year; a relative window without anchor (三年内) → due null.
 * The quoted text is the sentence holding the promise.
 */
public final class CommitmentExtractor {
    private static final String YEAR = "(?:(\\d{4})年|(今年|明年|当年|本年|年))";
    private static final String NUM = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
    /** Year? then month (with day or 底/末/中旬), or a year-level period, or a year alone. */
    private static final KeywordPattern DUE = FastPatterns.of("0123456789今明当本年底末上下第一二三四五六七八九十",
            "(?:(\\d{4})年|(今年|明年|当年|本年))?" + NUM + "月(?:份)?(?:" + NUM + "[日号]|(底|末|中旬|下旬|上旬))?"
                    + "|(?<![一二两三四五六七八九十\\d个])" + YEAR + "?(底|末|上半年|下半年|第?[一二三四1-4]季度|度内(?![部容])|内(?![部容外涵在设控审陆地蒙]))"
                    + "|(?<![\\d年])(\\d{4})年(?!\\d|以来|起|至今|度)"
                    + "|(本月|当月)(底|末|中旬|下旬)?");
    private static final KeywordPattern WINDOW = FastPatterns.of("一二两三四五六七八九十0123456789",
            "(?:[一二两三四五六七八九十\\d]+)(?:个)?(?:年|月|周|季度|个工作日|日|天)(?:内|时间内|之内|左右时间|时间)");
    /** Words before a date that make it a promise. */
    private static final Pattern PROMISE_BEFORE = Pattern.compile("将于|将在|将|计划于|计划在|计划|预计到|预计于|预计在|预计|"
            + "力争于|力争在|力争到|力争|争取于|争取在|争取|确保于|确保在|确保|拟于|拟在|拟|要求于|限期|力促|"
            + "时限|期限");
    /** Words after a date that make it a deadline. */
    private static final Pattern DEADLINE_AFTER = Pattern.compile("^(?:底|末)?(?:前|以前|之前|内|完成|全部完成|建成|达到|实现)");
    /** A date after the report's anchor followed by its goal is a promise even without 前 (2025年6月完成…). */
    private static final Pattern GOAL_AFTER = Pattern.compile("(?:全部|全面|基本)?(?:完成|建成|投用|投入使用|办结|竣工|到位)");
    /** A window followed by its goal is a promise even without 将/力争 (三年内实现…全覆盖). */
    private static final Pattern WINDOW_GOAL_AFTER = Pattern.compile("(?:全部|基本)?(?:实现|完成|达到|建成|消除|化解|整改)");
    private static final Pattern PAST_BEFORE = Pattern.compile("已于$|已在$|已$|截至$|截止$|截至到$|自$|从$|已经$");

    private CommitmentExtractor() {
    }

    /**
     * Commitments of one rectification text. {@code contextYear} supplies the year of dates written without one
     * (null: such dates get due null); {@code anchorIso} (published or feedback date) moves a month-only date that
     * would fall before it into the following year.
     */
    public static List<Commitment> extract(String text, Integer contextYear, String anchorIso) {
        List<Commitment> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String sentence : sentences(text)) {
            if (!containsDateHint(sentence)) {
                continue;
            }
            boolean found = false;
            int from = 0;
            Matcher m;
            while (!found && (m = DUE.find(sentence, from)) != null) {
                from = m.end() > m.start() ? m.end() : m.start() + 1;
                String before = sentence.substring(Math.max(0, m.start() - 8), m.start());
                String after = sentence.substring(m.end(), Math.min(sentence.length(), m.end() + 6));
                String due = due(m, contextYear, anchorIso);
                boolean withinYear = m.group(8) != null && m.group(8).endsWith("内"); // 年内, 今年内, 本年度内
                // only with a written year: a bare month may be history that the anchor rule moved a year on
                boolean futureGoal = hasExplicitYear(m) && due != null && anchorIso != null && due.compareTo(anchorIso) > 0
                        && GOAL_AFTER.matcher(after).lookingAt() && !pastClause(sentence, m.end())
                        && !PAST_BEFORE.matcher(before).find();
                if (!withinYear && !futureGoal && !isPromise(before, after)) {
                    continue;
                }
                boolean promiseWord = PROMISE_BEFORE.matcher(before).find();
                if (!promiseWord && (pastClause(sentence, m.end())
                        || (due != null && anchorIso != null && due.compareTo(anchorIso) < 0))) {
                    continue; // a past deadline told as history (均在3月底前填报了…, 2013年以前成立…)
                }
                if (due == null && (contextYear != null || hasExplicitYear(m))) {
                    continue;
                }
                found = add(out, seen, sentence, due);
            }
            if (!found) {
                int wf = 0;
                Matcher w;
                while ((w = WINDOW.find(sentence, wf)) != null) {
                    wf = w.end() > w.start() ? w.end() : w.start() + 1;
                    String before = sentence.substring(Math.max(0, w.start() - 8), w.start());
                    String after = sentence.substring(w.end(), Math.min(sentence.length(), w.end() + 4));
                    if (PROMISE_BEFORE.matcher(before).find() || WINDOW_GOAL_AFTER.matcher(after).lookingAt()) {
                        add(out, seen, sentence, null);
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static boolean add(List<Commitment> out, Set<String> seen, String sentence, String due) {
        if (seen.add(sentence + "|" + due)) {
            out.add(new Commitment(sentence, due));
        }
        return true;
    }

    private static boolean containsDateHint(String s) {
        return s.indexOf('年') >= 0 || s.indexOf('月') >= 0 || s.contains("内");
    }

    private static boolean isPromise(String before, String after) {
        String immediate = before.length() > 3 ? before.substring(before.length() - 3) : before;
        if (PAST_BEFORE.matcher(immediate).find()) {
            return false;
        }
        boolean promiseWord = PROMISE_BEFORE.matcher(before).find() && !before.contains("已");
        boolean deadline = DEADLINE_AFTER.matcher(after).find() && (after.startsWith("前") || after.startsWith("底前")
                || after.startsWith("末前") || after.startsWith("以前") || after.startsWith("之前") || promiseWord);
        return promiseWord || deadline;
    }

    /** The clause after the date reports something done (…了, 已…). */
    private static boolean pastClause(String sentence, int from) {
        int end = from;
        while (end < sentence.length() && ",，".indexOf(sentence.charAt(end)) < 0) {
            end++;
        }
        String rest = sentence.substring(from, end);
        return rest.contains("了") || rest.contains("已");
    }

    private static boolean hasExplicitYear(Matcher m) {
        return m.group(1) != null || m.group(6) != null || m.group(9) != null;
    }

    /** ISO due date of a {@link #DUE} match; null when no year can be determined. */
    static String due(Matcher m, Integer contextYear, String anchorIso) {
        if (m.group(3) != null) {
            Integer year = year(m.group(1), m.group(2), contextYear);
            Integer month = ChineseNumbers.parseSmall(m.group(3));
            if (year == null || month == null || month < 1 || month > 12) {
                return null;
            }
            Integer day = m.group(4) == null ? null : ChineseNumbers.parseSmall(m.group(4));
            if (day == null && m.group(5) != null) {
                day = switch (m.group(5)) {
                    case "上旬" -> 10;
                    case "中旬" -> 20;
                    default -> null; // 下旬, 底, 末: the end of the month
                };
            }
            String iso = day != null ? DateText.isoDate(year, month, day) : DateText.endOfMonth(year, month);
            boolean explicitYear = m.group(1) != null;
            if (iso != null && !explicitYear && m.group(2) == null && anchorIso != null && iso.compareTo(anchorIso) < 0) {
                iso = day != null ? DateText.isoDate(year + 1, month, day) : DateText.endOfMonth(year + 1, month);
            }
            return iso;
        }
        if (m.group(8) != null) {
            Integer year = year(m.group(6), m.group(7), contextYear);
            if (year == null) {
                return null;
            }
            String period = m.group(8);
            if (period.equals("上半年")) {
                return year + "-06-30";
            }
            if (period.contains("季度")) {
                int q = ChineseNumbers.digitOf(period.charAt(period.length() - 3));
                return q >= 1 && q <= 4 ? DateText.endOfMonth(year, q * 3) : null;
            }
            return year + "-12-31";
        }
        if (m.group(9) != null) {
            return Integer.parseInt(m.group(9)) + "-12-31";
        }
        if (m.group(10) != null && anchorIso != null && anchorIso.length() >= 7) {
            // 本月底 is the month the report was published (or fed back) in
            return DateText.endOfMonth(Integer.parseInt(anchorIso.substring(0, 4)),
                    Integer.parseInt(anchorIso.substring(5, 7)));
        }
        return null;
    }

    private static Integer year(String digits, String relative, Integer contextYear) {
        if (digits != null) {
            return Integer.parseInt(digits);
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
