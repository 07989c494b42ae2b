package org.rectifywatch.processor.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as the genre writes them: 2021年2月5日, 5月9日, 今年2月26日, 2015年11月, 二〇二一年六月三十日. */
public final class DateText {
    private static final String YEAR = "(\\d{4}|[〇零一二三四五六七八九]{4})";
    private static final String SMALL = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";

    /** An optional relative year word, optional year, month, optional day. */
    public static final Pattern DATE = Pattern.compile(
            "(今年|去年|同年|当年|明年)?(?:" + YEAR + "年)?" + SMALL + "月(?:" + SMALL + "[日号])?");

    /** A full date standing alone on a line (the date under the signature). */
    public static final Pattern DATE_LINE = Pattern.compile(
            "^" + YEAR + "年" + SMALL + "月" + SMALL + "日$");

    private DateText() {
    }

    /** A parsed, possibly partial date: year may be null (to be inferred), day may be null (month precision). */
    public record PartialDate(Integer year, int month, Integer day, String relativeYear) {
        public boolean hasYear() {
            return year != null;
        }

        public PartialDate withYear(int y) {
            return new PartialDate(y, month, day, relativeYear);
        }

        /** ISO "YYYY-MM-DD" or "YYYY-MM"; null when the year is unknown or the date is invalid. */
        public String iso() {
            if (year == null) {
                return null;
            }
            return day == null ? isoMonth(year, month) : isoDate(year, month, day);
        }

        /** Comparable key (day 0 for month precision); year must be set. */
        public int key() {
            return year * 10000 + month * 100 + (day == null ? 0 : day);
        }
    }

    /** Reads a {@link #DATE} match. Returns null when month/day are out of range. */
    public static PartialDate fromMatch(Matcher m) {
        Integer year = m.group(2) == null ? null : ChineseNumbers.parseYearDigits(m.group(2));
        Integer month = ChineseNumbers.parseSmall(m.group(3));
        Integer day = m.group(4) == null ? null : ChineseNumbers.parseSmall(m.group(4));
        if (month == null || month < 1 || month > 12 || (day != null && (day < 1 || day > 31))) {
            return null;
        }
        return new PartialDate(year, month, day, m.group(1));
    }

    public static String isoDate(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }

    public static String isoMonth(int year, int month) {
        if (month < 1 || month > 12 || year < 1900 || year > 2200) {
            return null;
        }
        return YearMonth.of(year, month).toString();
    }

    /** Last day of a month as ISO date. */
    public static String endOfMonth(int year, int month) {
        if (month < 1 || month > 12) {
            return null;
        }
        return YearMonth.of(year, month).atEndOfMonth().toString();
    }

    /** The year of an ISO date string ("2021-06-30" → 2021), or null. */
    public static Integer yearOf(String iso) {
        if (iso == null || iso.length() < 4) {
            return null;
        }
        try {
            return Integer.parseInt(iso.substring(0, 4));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Normalises a page date given by the crawler ("2021-06-30", "2021-06-30T10:00:00Z", "2021/6/30"). */
    public static String normalisePageDate(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        Matcher m = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})").matcher(s);
        return m.find() ? isoDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))) : null;
    }
}
