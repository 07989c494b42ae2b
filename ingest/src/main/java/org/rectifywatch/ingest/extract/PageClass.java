package org.rectifywatch.ingest.extract;

import java.util.Optional;
import org.rectifywatch.ingest.profile.TitleFilter;

/**
 * The one rule that tells what a page is, shared by the crawler (list links and fetched pages) and by
 * {@link PageInspector} ({@code pipeline extract}), in this order:
 * <ol>
 *   <li>a title the profile's {@link TitleFilter} takes for a report is a {@link Kind#REPORT}: a report title always
 *       wins;</li>
 *   <li>otherwise, unless a title speaks of 整改 (then it is about rectification, never a feedback announcement), an
 *       inspection feedback announcement ({@link FeedbackNotice}: in the title, or in the lead of the body) is a
 *       {@link Kind#FEEDBACK_NOTICE}, even when the title filter calls its title noise (巡察反馈会);</li>
 *   <li>otherwise a title the filter calls noise is {@link Kind#NOISE}, anything else {@link Kind#UNKNOWN}.</li>
 * </ol>
 * Reports and feedback notices are published; noise and unknown pages are not.
 */
public final class PageClass {
    /** What a page is. */
    public enum Kind { REPORT, FEEDBACK_NOTICE, NOISE, UNKNOWN }

    /**
     * @param kind   the class
     * @param reason why, in words (for logs and {@code pipeline extract})
     */
    public record Verdict(Kind kind, String reason) {
        /** True for the pages the crawler publishes: reports and feedback notices. */
        public boolean kept() {
            return kind == Kind.REPORT || kind == Kind.FEEDBACK_NOTICE;
        }
    }

    /** A title with this word is about rectification (a report, or noise such as a 整改推进会), never a notice. */
    static final String RECTIFICATION = "整改";

    private PageClass() {
    }

    /** A list link by its title alone, before anything is fetched: {@link Kind#NOISE} is not fetched at all. */
    public static Verdict ofTitle(TitleFilter filter, String title) {
        return of(filter, title, null, null);
    }

    /**
     * A fetched page.
     *
     * @param filter        the profile's title filter
     * @param title         the page's title (the link title when the page has none)
     * @param fallbackTitle consulted when the title filter has no verdict on {@code title} (the list link's title), or null
     * @param body          the extracted text, whose lead is read for a feedback announcement, or null
     */
    public static Verdict of(TitleFilter filter, String title, String fallbackTitle, String body) {
        TitleFilter.Verdict verdict = filter.verdict(title);
        if (verdict == TitleFilter.Verdict.UNKNOWN && fallbackTitle != null) {
            verdict = filter.verdict(fallbackTitle);
        }
        if (verdict == TitleFilter.Verdict.REPORT) {
            return new Verdict(Kind.REPORT, "title passes the title filter");
        }
        if (!aboutRectification(title) && !aboutRectification(fallbackTitle)) {
            Optional<String> feedback = FeedbackNotice.match(title, body);
            if (feedback.isEmpty() && fallbackTitle != null) {
                feedback = FeedbackNotice.match(fallbackTitle, null).map(s -> "link " + s);
            }
            if (feedback.isPresent()) {
                return new Verdict(Kind.FEEDBACK_NOTICE, "inspection feedback announcement (" + feedback.get() + ")");
            }
        }
        if (verdict == TitleFilter.Verdict.NOISE) {
            String noisy = filter.verdict(title) == TitleFilter.Verdict.NOISE ? title : fallbackTitle;
            return new Verdict(Kind.NOISE, "title filter: noise (exclude pattern " + filter.excludedBy(noisy).orElse("?") + ")");
        }
        return new Verdict(Kind.UNKNOWN, "title filter: no include pattern matches the title");
    }

    private static boolean aboutRectification(String title) {
        return title != null && title.contains(RECTIFICATION);
    }
}
