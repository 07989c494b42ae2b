package org.rectifywatch.processor.publication;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a rectification report answers an inspection that a feedback notice announced. The unit is taken as
 * already matched; this decides the inspection, from the team and the dates. Pure and stateless.
 */
public final class InspectionMatch {
    private static final Pattern ISO = Pattern.compile("^(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

    private InspectionMatch() {
    }

    /**
     * Normalised team: session and round left out, ordinal in Chinese numerals, place before the body dropped.
     * "十三届省委第三巡视组" → "省委第三巡视组", "省委第五轮巡视第二组" → "省委第二巡视组", "云岗市委第3巡察组" → "市委第三巡察组",
     * "中共中央第七巡视组" → "中央第七巡视组"; a name that is no team ("县委第一轮机动巡察") comes back without its session
     * prefix and spaces; null/blank → null.
     */
    public static String team(String raw) {
        return Teams.team(raw);
    }

    /**
     * Whether a rectification report answers this inspection. The report's meta is what the report parser gives:
     * its inspector (a team name, possibly without ordinal: "省委巡视组"), feedback date and published date, each
     * possibly null; dates ISO, possibly "YYYY-MM".
     *
     * <ul>
     * <li>Teams are compatible when either is unknown, or the body (中央, 省委, 市委 …), the kind (巡视, 巡察) and the
     *     ordinal agree wherever both name them: "省委巡视组" ~ "省委第三巡视组", "中央巡视组" ~ "中央第七巡视组"; 巡视 vs
     *     巡察, 省委 vs 市委, 第三 vs 第四 are not.</li>
     * <li>Dates are compared as dates at their common precision: "2025-06" ~ "2025-06-20".</li>
     * <li>A report published before the notice's feedback date never answers.</li>
     * <li>A report that gives a feedback date answers when that date equals the notice's and the teams are
     *     compatible; one without feedback date answers when the teams are compatible.</li>
     * </ul>
     */
    public static boolean answers(InspectionFeedback f, String reportInspector, String reportFeedbackDate,
            String reportPublishedDate) {
        if (f == null || !Teams.compatible(f.team(), reportInspector)) {
            return false;
        }
        int[] notice = date(f.feedbackDate());
        int[] published = date(reportPublishedDate);
        if (notice != null && published != null && compare(published, notice) < 0) {
            return false;
        }
        int[] reported = date(reportFeedbackDate);
        return notice == null || reported == null || compare(reported, notice) == 0;
    }

    /** {year, month or 0, day or 0} of an ISO date ("2025", "2025-06", "2025-06-20", "2025-06-20T08:00Z"), or null. */
    static int[] date(String iso) {
        if (iso == null) {
            return null;
        }
        Matcher m = ISO.matcher(iso.trim());
        if (!m.find()) {
            return null;
        }
        int y = Integer.parseInt(m.group(1));
        int mo = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int d = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (mo > 12 || d > 31 || (mo == 0 && d != 0)) {
            return null;
        }
        return new int[] {y, mo, d};
    }

    /** Compares two {@link #date} results at their common precision: what one of them does not give is equal. */
    static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] == 0 || b[i] == 0) {
                return 0;
            }
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
