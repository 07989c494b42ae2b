package org.rectifywatch.ingest.profile;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells rectification reports from the news that shares their columns (sites.md "Telling reports from
 * noise"). Titles are matched after folding full-width punctuation, so 「（一）」 and "(一)" are the same.
 *
 * @param include a title must match one of these (regular expressions, found anywhere in the title)
 * @param exclude a title matching any of these is noise even if it matches an include pattern
 */
public record TitleFilter(List<String> include, List<String> exclude) {

    public static final List<String> DEFAULT_INCLUDE = List.of(
            "关于.{0,40}(巡视|巡察).{0,12}(整改|反馈意见整改|反馈问题整改)(工作)?(进展|落实|落实进展|阶段性进展)?情况的(通报|报告|公告|公示)",
            "(巡视|巡察)(集中)?整改(进展|落实)?情况(的)?(通报|公告|公示)",
            "(巡视|巡察)组反馈意见整改(落实)?情况的通报");

    public static final List<String> DEFAULT_EXCLUDE = List.of(
            "进驻", "动员会", "反馈会", "民主生活会", "推进会", "调度会", "部署会", "座谈会", "培训",
            "工作会议", "受理信访举报");

    public TitleFilter {
        include = include == null || include.isEmpty() ? DEFAULT_INCLUDE : List.copyOf(include);
        exclude = exclude == null ? DEFAULT_EXCLUDE : List.copyOf(exclude);
    }

    public static TitleFilter defaults() {
        return new TitleFilter(null, null);
    }

    /** True when the title reads like a rectification report. */
    public boolean isReport(String title) {
        return verdict(title) == Verdict.REPORT;
    }

    /** True when the title is clearly noise (an exclude pattern matches), e.g. a 反馈会 news item. */
    public boolean isNoise(String title) {
        return verdict(title) == Verdict.NOISE;
    }

    public enum Verdict { REPORT, NOISE, UNKNOWN }

    public Verdict verdict(String title) {
        if (title == null || title.isBlank()) {
            return Verdict.UNKNOWN;
        }
        String t = fold(title);
        for (String e : exclude) {
            if (Pattern.compile(e).matcher(t).find()) {
                return Verdict.NOISE;
            }
        }
        for (String i : include) {
            if (Pattern.compile(i).matcher(t).find()) {
                return Verdict.REPORT;
            }
        }
        return Verdict.UNKNOWN;
    }

    /** The exclude pattern that makes the title noise, if any (for explaining a verdict). */
    public Optional<String> excludedBy(String title) {
        if (title == null || title.isBlank()) {
            return Optional.empty();
        }
        String t = fold(title);
        return exclude.stream().filter(e -> Pattern.compile(e).matcher(t).find()).findFirst();
    }

    /** Full-width ASCII variants to ASCII, ideographic space to space, whitespace removed. */
    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (!Character.isWhitespace(c) && c != '\u3000' && c != '\u00A0') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
