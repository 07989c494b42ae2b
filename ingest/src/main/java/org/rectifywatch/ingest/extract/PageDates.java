package org.rectifywatch.ingest.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a publish date in page text or an article URL, as ISO yyyy-MM-dd. */
public final class PageDates {
    private static final Pattern DATE = Pattern.compile(
            "((?:19|20)\\d{2})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:[-/.]|月)\\s*(\\d{1,2})");
    private static final Pattern LABELLED = Pattern.compile(
            "(?:发布时间|发布日期|发文日期|成文日期|日期|时间)\\s*[:：]\\s*((?:19|20)\\d{2}\\s*(?:[-/.]|年)\\s*\\d{1,2}\\s*(?:[-/.]|月)\\s*\\d{1,2})");
    /** A list date without its year: [06-12], (06.12), 06/12, 6月12日 — not part of a longer number or date. */
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![\\d年./-])(\\d{1,2})\\s*(?:[-/.]|月)\\s*(\\d{1,2})(?:日|(?![\\d./:-]))");
    private static final Pattern URL_TRS = Pattern.compile("/t((?:19|20)\\d{2})(\\d{2})(\\d{2})_\\d+");
    private static final Pattern URL_HANWEB = Pattern.compile("/art/((?:19|20)\\d{2})/(\\d{1,2})/(\\d{1,2})/");

    private PageDates() {
    }

    /** The first date in the text, or null. */
    public static String first(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            String iso = iso(m.group(1), m.group(2), m.group(3));
            if (iso != null) {
                return iso;
            }
        }
        return null;
    }

    /** A date after a label such as 发布时间： or 日期： in the text, or null. */
    public static String labelled(String text) {
        Matcher m = LABELLED.matcher(text);
        return m.find() ? first(m.group(1)) : null;
    }

    /**
     * The date a list shows next to a link (ISO yyyy-MM-dd, or null): a full date (2025-06-12, 2025年6月12日,
     * 2025.06.12), else a month and day without the year ([06-12], 6月12日), dated in the year of the link's URL
     * date when it has one, else in the latest year that does not put it after {@code today}.
     */
    public static String listed(String text, String linkUrl, LocalDate today) {
        String full = first(text);
        if (full != null || text == null) {
            return full;
        }
        Matcher m = MONTH_DAY.matcher(text);
        while (m.find()) {
            MonthDay md;
            try {
                md = MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } catch (DateTimeException | NumberFormatException e) {
                continue;
            }
            String fromUrl = fromUrl(linkUrl);
            int year = fromUrl != null ? Integer.parseInt(fromUrl.substring(0, 4)) : today.getYear();
            if (fromUrl == null && md.atYear(year).isAfter(today)) {
                year--;
            }
            if (md.isValidYear(year)) {
                return md.atYear(year).toString();
            }
        }
        return null;
    }

    public static String fromUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_TRS.matcher(url);
        if (m.find()) {
            return iso(m.group(1), m.group(2), m.group(3));
        }
        m = URL_HANWEB.matcher(url);
        if (m.find()) {
            return iso(m.group(1), m.group(2), m.group(3));
        }
        return null;
    }

    private static String iso(String y, String mo, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d)).toString();
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
