package org.rectifywatch.processor.publication;

/**
 * One inspected unit that received an inspection's findings, as a feedback notice announces it.
 *
 * @param unit         the inspected unit as written ("中共松岭县委", "区卫生健康局党委"), audience words such as
 *                     领导班子 or 主要负责同志 removed
 * @param team         the normalised team ("省委第三巡视组", "区委巡察组"; see {@link InspectionMatch#team}); null when
 *                     the notice names none
 * @param round        the round when the notice names it ("十三届省委第五轮巡视"), else null
 * @param feedbackDate ISO "YYYY-MM-DD", or "YYYY-MM" when only the month is known; null when no year can be inferred
 * @param level        who ran the inspection
 */
public record InspectionFeedback(String unit, String team, String round, String feedbackDate, InspectionLevel level) {
}
