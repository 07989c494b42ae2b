package org.rectifywatch.ingest.extract;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises an inspection <em>feedback</em> announcement (省委第三巡视组向XX反馈巡视情况, 巡察反馈会召开, 反馈巡察意见):
 * the news that an inspection team has handed over its findings. It precedes a rectification report by months
 * and is not one, but it tells that a report is due.
 */
public final class FeedbackNotice {
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(巡视|巡察)组.{0,40}?向.{0,40}?反馈.{0,6}?(巡视|巡察|专项巡视|专项巡察)?(情况|意见)"),
            Pattern.compile("(巡视|巡察)(工作)?(情况)?反馈会"),
            Pattern.compile("反馈(专项)?(巡视|巡察)(情况|意见)"));
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
