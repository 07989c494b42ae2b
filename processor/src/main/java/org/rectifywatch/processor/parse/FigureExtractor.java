package org.rectifywatch.processor.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Report-wide outcome figures (codes of the annotation schema) from the text outside the issues: counts in
 * Arabic or Chinese numerals, money in 元/万元/亿元 converted to yuan. A "含" sub-amount is read as its own code
 * and never added to its parent; the first statement of each code wins.
 */
public final class FigureExtractor {
    private static final String NUM = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万]+)";
    /** "163余人", "62.5多万元": approximate amounts keep their number. */
    private static final String ABOUT = "(?:余|多)?";
    /** Text allowed between keyword and number: no digits, numerals or clause breaks (立案审查调查违纪违法问题103件). */
    private static final String GAP = "[^\\d零〇一二两三四五六七八九十百千万。;；,，、:：()（）]{0,12}?";
    private static final String MONEY = NUM + ABOUT + "\\s*(亿元|万元|元)";

    private record Rule(String code, FastPatterns.KeywordPattern pattern, boolean money) {
    }

    private static final List<Rule> RULES = List.of(
            count("disciplined_persons", "党纪政务处分", "人|名"),
            count("org_handled_persons", "组织处理", "人|名"),
            count("admonished_persons", "诫勉", "人|名"),
            count("reminded_persons", "(?:教育提醒|批评教育|提醒教育)", "人|名|人次"),
            count("held_accountable_persons", "(?<!追责)问责", "人|名"),
            count("cases_filed", "立案", "件|起"),
            count("rules_established", "(?:建立|完善|健全|制定|修订|出台)[^\\d。;；,，]{0,4}?制度", "项|个|件|条"),
            money("funds_returned_yuan", "清退"),
            money("funds_confiscated_yuan", "收缴"),
            money("funds_recovered_yuan", "追回"),
            money("losses_recovered_yuan", "挽回[^\\d。;；,，]{0,2}?损失"));

    private static final String RECTIFIED = "(?:已完成整改|已整改完成|已整改到位|完成整改|已整改|整改完成|已销号)";
    /** "反馈问题25个,已完成整改19个" (the count after the word 问题). */
    private static final FastPatterns.KeywordPattern PROBLEMS_AFTER = FastPatterns.of("反指交移",
            "(?:反馈|指出|交办|移交)(?:的)?问题(?:共)?" + NUM + "个[^。;；]{0,16}?" + RECTIFIED + NUM + "个");
    /** "反馈的18个问题已全部整改完成". */
    private static final FastPatterns.KeywordPattern PROBLEMS_ALL = FastPatterns.of("反指交移",
            "(?:反馈|指出|交办|移交)(?:的)?[^。;；]{0,12}?" + NUM + "个(?:具体)?问题[^。;；0-9]{0,10}?已全部(?:完成)?整改(?:完成|到位)?");
    /** "反馈的4个方面14个问题,镇党委逐项制定整改措施,截至目前,已完成整改9个" (one sentence). */
    private static final FastPatterns.KeywordPattern PROBLEMS = FastPatterns.of("反指交移",
            "(?:反馈|指出|交办|移交)(?:的)?[^。;；]{0,12}?" + NUM + "个(?:具体)?问题[^。;；]{0,32}?"
                    + "(?:已完成整改|已整改完成|已整改到位|完成整改|已整改|整改完成)" + NUM + "个");

    private FigureExtractor() {
    }

    /** First characters of a keyword written as "word", "(?<!x)word" or "(?:a|b)…". */
    private static String firstChars(String keyword) {
        String k = keyword.replaceFirst("^\\(\\?<!.*?\\)", "");
        if (k.startsWith("(?:")) {
            StringBuilder b = new StringBuilder();
            for (String alt : k.substring(3, k.indexOf(')')).split("\\|")) {
                b.append(alt.charAt(0));
            }
            return b.toString();
        }
        return k.substring(0, 1);
    }

    private static Rule count(String code, String keyword, String unit) {
        return new Rule(code, FastPatterns.of(firstChars(keyword), keyword + GAP + NUM + ABOUT + "\\s*(?:" + unit + ")"), false);
    }

    private static Rule money(String code, String keyword) {
        return new Rule(code, FastPatterns.of(firstChars(keyword), keyword + GAP + MONEY), true);
    }

    /** Figures of the given non-issue text, in code order; counts as Long, money (yuan) as Double. */
    public static Map<String, Number> extract(String text) {
        Map<String, Number> out = new LinkedHashMap<>();
        Matcher pm = PROBLEMS.find(text, 0);
        if (pm == null) {
            pm = PROBLEMS_AFTER.find(text, 0);
        }
        Matcher all = pm == null ? PROBLEMS_ALL.find(text, 0) : null;
        if (all != null) {
            Double total = ChineseNumbers.parse(all.group(1));
            if (total != null) {
                out.put("problems_total", total.longValue());
                out.put("problems_rectified", total.longValue());
            }
        }
        if (pm != null) {
            Double total = ChineseNumbers.parse(pm.group(1));
            Double done = ChineseNumbers.parse(pm.group(2));
            if (total != null && done != null && done <= total) {
                out.put("problems_total", total.longValue());
                out.put("problems_rectified", done.longValue());
            }
        }
        for (Rule rule : RULES) {
            int from = 0;
            Matcher m;
            Number first = null;
            while ((m = rule.pattern().find(text, from)) != null) {
                from = m.end();
                Double v = ChineseNumbers.parse(m.group(1));
                if (v == null) {
                    continue;
                }
                Number value = rule.money() ? (Number) yuan(v, m.group(2)) : (Number) v.longValue();
                if (first == null) {
                    first = value;
                }
                if (totalled(text, m.start())) {
                    first = value; // a stated total (全县共给予…) outranks a partial count told earlier
                    break;
                }
            }
            if (first != null) {
                out.put(rule.code(), first);
            }
        }
        return order(out);
    }

    /** Words that announce a report-wide total: 共, 累计, 总计, 全县/全市…. */
    private static final Pattern TOTAL_WORD = Pattern.compile("共|累计|总计|合计|全[省市县区州旗镇乡]|全系统|全行业");

    /** True when the sentence part before {@code at} (back to the last 。;；) announces a total. */
    private static boolean totalled(String text, int at) {
        int b = at;
        while (b > 0 && at - b < 40 && "。;；\n".indexOf(text.charAt(b - 1)) < 0) {
            b--;
        }
        return TOTAL_WORD.matcher(text.substring(b, at)).find();
    }

    private static double yuan(double v, String unit) {
        double factor = switch (unit) {
            case "亿元" -> 1e8;
            case "万元" -> 1e4;
            default -> 1;
        };
        return Math.round(v * factor * 100) / 100.0;
    }

    private static Map<String, Number> order(Map<String, Number> found) {
        Map<String, Number> out = new LinkedHashMap<>();
        for (String code : List.of("disciplined_persons", "org_handled_persons", "admonished_persons",
                "reminded_persons", "held_accountable_persons", "cases_filed", "rules_established",
                "funds_returned_yuan", "funds_confiscated_yuan", "funds_recovered_yuan", "losses_recovered_yuan",
                "problems_total", "problems_rectified")) {
            if (found.containsKey(code)) {
                out.put(code, found.get(code));
            }
        }
        return out;
    }
}
