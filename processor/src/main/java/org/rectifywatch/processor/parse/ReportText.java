package org.rectifywatch.processor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The report split into lines (1-based numbering as in the annotation), with website boilerplate lines
 * (navigation, share buttons, footers, 信息索引号 blocks) flagged so that no later stage reads them as content.
 */
public final class ReportText {
    /** Openings of short lines that belong to the web page, not to the report (【打印】, but not 【反馈问题1】). */
    private static final Pattern BOILERPLATE_START = Pattern.compile(
            "(?:首页|当前位置|您的位置|位置[:：]|主办单位|承办单位|主办[:：]|承办[:：]|协办|技术支持|网站标识码|网站地图"
                    + "|版权所有|Copyright|信息索引号|索引号|发布机构|发文机关|生成日期|成文日期|发布日期|发布时间|主题分类"
                    + "|名称[:：]|文号[:：]|来源[:：]|作者[:：]|责任编辑|编辑[:：]|浏览|阅读|点击|字号|字体|【(?!(?:巡[视察])?(?:反馈|存在|指出)?问题|整改|落实情况|工作进展)|分享|扫一扫|朗读"
                    + "|打印|关闭|收藏|返回顶部|上一篇|下一篇|相关(?:链接|文章|阅读)|微信|微博|QQ|附件[:：]?$|[>›»]|(?:大|中|小)$)",
            Pattern.CASE_INSENSITIVE);
    /** Words that mark a short line as page furniture wherever they occur. */
    private static final List<String> BOILERPLATE_WORDS = List.of("ICP", "公网安备", "备案号", "浏览量", "浏览次数", "阅读量",
            "访问量", "扫一扫", "分享到", "【打印", "【关闭", "[打印", "[关闭", "> 信息公开", ">信息公开");

    private final List<String> lines;
    private final boolean[] boilerplate;

    private ReportText(List<String> lines) {
        this.lines = lines;
        this.boilerplate = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boilerplate[i] = l.length() <= 120 && isBoilerplateLine(l);
        }
    }

    private static boolean isBoilerplateLine(String l) {
        if (l.isEmpty()) {
            return false;
        }
        if (BOILERPLATE_START.matcher(l).lookingAt()) {
            return true;
        }
        for (String w : BOILERPLATE_WORDS) {
            if (l.contains(w)) {
                return true;
            }
        }
        return false;
    }

    public static ReportText of(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start <= n) {
            int i = text.indexOf('\n', start);
            if (i < 0) {
                i = n;
            }
            int end = i;
            if (end > start && text.charAt(end - 1) == '\r') {
                end--;
            }
            out.add(clean(text.substring(start, end)));
            start = i + 1;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty() && text.endsWith("\n")) {
            out.remove(out.size() - 1);
        }
        return new ReportText(out);
    }

    /** Trims ASCII and ideographic spaces and removes zero-width characters. */
    static String clean(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isSpace(s.charAt(b))) {
            b++;
        }
        while (e > b && isSpace(s.charAt(e - 1))) {
            e--;
        }
        String t = fullWidthDigitsToAscii(s.substring(b, e));
        return t.indexOf('\u200b') >= 0 || t.indexOf('\ufeff') >= 0 ? t.replace("\u200b", "").replace("\ufeff", "") : t;
    }

    /** "２０２１年" → "2021年": numbering and dates are matched on ASCII digits. */
    static String fullWidthDigitsToAscii(String s) {
        char[] chars = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '０' && c <= '９') {
                if (chars == null) {
                    chars = s.toCharArray();
                }
                chars[i] = (char) ('0' + (c - '０'));
            }
        }
        return chars == null ? s : new String(chars);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00a0' || c == '\ufeff' || c == '\u200b';
    }

    public int size() {
        return lines.size();
    }

    /** Line at 0-based index. */
    public String line(int i) {
        return lines.get(i);
    }

    public List<String> lines() {
        return lines;
    }

    public boolean isBoilerplate(int i) {
        return boilerplate[i];
    }

    /** A content line: not empty and not boilerplate. */
    public boolean isContent(int i) {
        return !lines.get(i).isEmpty() && !boilerplate[i];
    }
}
