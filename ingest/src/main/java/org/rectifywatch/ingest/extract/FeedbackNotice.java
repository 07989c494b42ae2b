package org.rectifywatch.ingest.extract;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises an inspection <em>feedback</em> announcement (省委第三巡视组向XX反馈巡视情况, 巡察反馈会召开, 反馈巡察意见,
 * 十三届省委第五轮巡视反馈情况): the news that an inspection team has handed over its findings. It precedes a
 * rectification report by months and is not one, but it tells that a report is due.
 *
 * <p>This is the phrase rule only; whether a page is a report, a notice or noise is decided by {@link PageClass},
 * where a report title always wins.
 */
public final class FeedbackNotice {
    private static final List<Pattern> PATTERNS = List.of(
            // 省委第三巡视组向中共示例县委反馈巡视情况
            Pattern.compile("(巡视|巡察)组.{0,40}?向.{0,40}?反馈.{0,6}?(巡视|巡察|专项巡视|专项巡察)?(情况|意见)"),
            // 示例县召开巡察反馈会, 巡视工作情况反馈会, 巡察组反馈会, 巡察意见反馈会
            Pattern.compile("(巡视|巡察)组?(工作)?(情况|意见)?反馈会"),
            Pattern.compile("反馈(专项)?(巡视|巡察)(情况|意见)"),
            // a whole round: 十三届省委第五轮巡视反馈情况, 第五轮巡视全部完成反馈, 第三轮巡察集中反馈
            Pattern.compile("第[一二三四五六七八九十0-9]{1,3}轮(常规|专项|机动)?(巡视|巡察)(工作)?.{0,8}?"
                    + "(反馈情况|情况反馈|完成反馈|集中反馈|反馈工作)"),
            // 省委巡视组完成对15家单位巡视反馈
            Pattern.compile("(巡视|巡察)组.{0,20}?完成.{0,12}?(巡视|巡察)?反馈"));
    /** Only the opening of the body counts: a report's body also tells, further down, when feedback was given. */
    static final int LEAD_CHARS = 200;

    private FeedbackNotice() {
    }

    /** The phrase that makes the page a feedback announcement, or empty. */
    public static Optional<String> match(String title, String body) {
        Optional<String> t = find(title);
        if (t.isPresent()) {
            return t.map(s -> "title: " + s);
        }
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        String lead = body.strip();
        return find(lead.substring(0, Math.min(lead.length(), LEAD_CHARS))).map(s -> "body: " + s);
    }

    private static Optional<String> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.replaceAll("\\s+", "");
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(t);
            if (m.find()) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }
}
