package org.rectifywatch.processor.deadline;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Report dates of mixed precision ("2024", "2024-05", "2024-05-01"): compared as dates at the precision both
 * have, never as strings. "2024-05" and "2024-05-20" are neither before nor after each other; a missing date
 * has no order at all.
 */
public final class ReportDates {
    private ReportDates() {
    }

    /** Negative, zero or positive as {@code a} is before, at (at the common precision) or after {@code b}; empty if either is unreadable. */
    public static Optional<Integer> compare(String a, String b) {
        int[] x = fields(a);
        int[] y = fields(b);
        if (x == null || y == null) {
            return Optional.empty();
        }
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            if (x[i] != y[i]) {
                return Optional.of(Integer.compare(x[i], y[i]));
            }
        }
        return Optional.of(0);
    }

    /** True only when both dates are known and {@code a} is strictly after {@code b} at their common precision. */
    public static boolean isAfter(String a, String b) {
        return compare(a, b).map(c -> c > 0).orElse(false);
    }

    /** The last day the date can mean: "2024-05" → 2024-05-31, "2024" → 2024-12-31. */
    public static Optional<LocalDate> latestDay(String s) {
        int[] f = fields(s);
        if (f == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(switch (f.length) {
                case 1 -> LocalDate.of(f[0], 12, 31);
                case 2 -> YearMonth.of(f[0], f[1]).atEndOfMonth();
                default -> LocalDate.of(f[0], f[1], f[2]);
            });
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A full ISO day or empty. */
    public static Optional<LocalDate> day(String s) {
        int[] f = fields(s);
        return f == null || f.length < 3 ? Optional.empty() : latestDay(s);
    }

    private static int[] fields(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.length() > 10) {
            t = t.substring(0, 10);
        }
        String[] parts = t.split("-");
        if (parts.length < 1 || parts.length > 3 || parts[0].length() != 4) {
            return null;
        }
        int[] out = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                out[i] = Integer.parseInt(parts[i]);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return out;
    }
}
