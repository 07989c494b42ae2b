package org.rectifywatch.processor.deadline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rectifywatch.model.report.Commitment;
import org.rectifywatch.model.wire.AlertKind;

/**
 * When an issue will be overdue (pure, independent of today: the tracker asks which of these have fallen due).
 * <ul>
 * <li>{@code commitment_overdue}: a commitment's due date passes and the issue is not completed.
 *     Commitments sharing a due date make one alert.</li>
 * <li>{@code rectification_overdue}: the issue is in progress with no dated commitment, and the
 *     feedback date plus the rectification window passes.</li>
 * </ul>
 * An issue that is completed or no longer in its report owes nothing.
 */
public final class OverdueRules {
    private final int windowMonths;

    public OverdueRules(int windowMonths) {
        this.windowMonths = windowMonths;
    }

    /** Every alert the issue owes at some due date, earliest first. */
    public List<DueAlert> owed(TrackedIssue issue) {
        if (issue.isCompleted() || issue.isRemoved()) {
            return List.of();
        }
        Map<LocalDate, List<String>> byDue = new java.util.TreeMap<>();
        for (Commitment c : issue.commitments()) {
            ReportDates.day(c.due()).ifPresent(d -> byDue.computeIfAbsent(d, k -> new ArrayList<>()).add(c.text()));
        }
        List<DueAlert> out = new ArrayList<>();
        byDue.forEach((due, texts) -> out.add(new DueAlert(AlertKind.commitment_overdue, due, String.join("；", texts))));
        if (byDue.isEmpty() && "in_progress".equals(issue.status())) {
            ReportDates.day(issue.feedbackDate()).map(f -> f.plusMonths(windowMonths))
                    .ifPresent(due -> out.add(new DueAlert(AlertKind.rectification_overdue, due, null)));
        }
        return out;
    }

    /** The alerts owed and already due on {@code today}. */
    public List<DueAlert> dueOn(TrackedIssue issue, LocalDate today) {
        return owed(issue).stream().filter(a -> a.isDue(today)).toList();
    }

    /**
     * Stable id: the same subject, due date, kind and generation always give the same alert id (generation 0 keeps
     * the id of the first alert; a later generation is a new alert after an earlier one closed).
     */
    public static String alertId(String subjectId, LocalDate due, AlertKind kind, int generation) {
        String key = subjectId + "|" + due + "|" + kind + (generation == 0 ? "" : "|" + generation);
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "a" + HexFormat.of().formatHex(h, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, DueAlert> bySubject(List<DueAlert> alerts) {
        Map<String, DueAlert> m = new LinkedHashMap<>();
        alerts.forEach(a -> m.put(a.kind() + "|" + a.dueDate(), a));
        return m;
    }
}
