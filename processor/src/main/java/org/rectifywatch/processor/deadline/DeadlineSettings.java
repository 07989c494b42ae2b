package org.rectifywatch.processor.deadline;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How deadlines are judged.
 *
 * @param windowMonths        months after feedback an in-progress issue without a dated commitment becomes overdue
 * @param reportMonthsCentral months after a central inspection's feedback the unit's rectification report is overdue
 * @param reportMonthsOther   the same for provincial and local inspections
 * @param retentionDays       days a completed, resolved or withdrawn entry is kept before it is pruned
 * @param zone                time zone in which days are counted
 * @param punctuation         how often the wall clock looks for what fell due
 */
public record DeadlineSettings(int windowMonths, int reportMonthsCentral, int reportMonthsOther, int retentionDays,
                               ZoneId zone, Duration punctuation) {
    public DeadlineSettings {
        if (windowMonths < 1 || reportMonthsCentral < 1 || reportMonthsOther < 1) {
            throw new IllegalArgumentException("deadline periods must be at least one month: window " + windowMonths
                    + ", report central " + reportMonthsCentral + ", report other " + reportMonthsOther);
        }
        if (retentionDays < 0) {
            throw new IllegalArgumentException("retention days must not be negative: " + retentionDays);
        }
        if (punctuation.isNegative() || punctuation.isZero()) {
            throw new IllegalArgumentException("punctuation interval must be positive: " + punctuation);
        }
    }

    public static DeadlineSettings defaults() {
        return new DeadlineSettings(6, 9, 6, 365, ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(1));
    }

    public DeadlineSettings withWindowMonths(int months) {
        return new DeadlineSettings(months, reportMonthsCentral, reportMonthsOther, retentionDays, zone, punctuation);
    }

    public DeadlineSettings withZone(ZoneId z) {
        return new DeadlineSettings(windowMonths, reportMonthsCentral, reportMonthsOther, retentionDays, z, punctuation);
    }

    public DeadlineSettings withPunctuation(Duration p) {
        return new DeadlineSettings(windowMonths, reportMonthsCentral, reportMonthsOther, retentionDays, zone, p);
    }

    public DeadlineSettings withRetentionDays(int days) {
        return new DeadlineSettings(windowMonths, reportMonthsCentral, reportMonthsOther, days, zone, punctuation);
    }
}
