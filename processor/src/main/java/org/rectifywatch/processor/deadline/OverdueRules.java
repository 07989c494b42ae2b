package org.rectifywatch.processor.deadline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rectifywatch.model.report.Commitment;
import org.rectifywatch.model.wire.AlertKind;

/**
 * When an issue is overdue (pure: the tracker supplies "today" in the configured time zone).
 * <ul>
 * <li>{@code commitment_overdue}: a commitment's due date is before today and the issue is not completed.
 *     Commitments sharing a due date make one alert.</li>
 * <li>{@code rectification_overdue}: the issue is in progress with no dated commitment, and the
 *     feedback date plus the rectification window is before today.</li>
 * </ul>
 */
public final class OverdueRules {
    private final int windowMonths;

    public OverdueRules(int windowMonths) {
        this.windowMonths = windowMonths;
    }

    public List<DueAlert> dueAlerts(TrackedIssue issue, LocalDate today) {
        if (issue.isCompleted()) {
            return List.of();
        }
        List<DueAlert> out = new ArrayList<>();
        Map<LocalDate, List<String>> byDue = new LinkedHashMap<>();
        for (Commitment c : issue.commitments()) {
            isoDate(c.due()).ifPresent(d -> byDue.computeIfAbsent(d, k -> new ArrayList<>()).add(c.text()));
        }
        byDue.forEach((due, texts) -> {
            if (due.isBefore(today)) {
                out.add(new DueAlert(alertId(issue.issueId(), due, AlertKind.commitment_overdue), AlertKind.commitment_overdue,
                        due, String.join("；", texts), ChronoUnit.DAYS.between(due, today)));
            }
        });
        if (byDue.isEmpty() && "in_progress".equals(issue.status())) {
            isoDate(issue.feedbackDate()).map(f -> f.plusMonths(windowMonths)).filter(d -> d.isBefore(today)).ifPresent(due ->
                    out.add(new DueAlert(alertId(issue.issueId(), due, AlertKind.rectification_overdue),
                            AlertKind.rectification_overdue, due, null, ChronoUnit.DAYS.between(due, today))));
        }
        return out;
    }

    /** Stable id: the same issue, due date and kind always give the same alert id. */
    public static String alertId(String issueId, LocalDate due, AlertKind kind) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((issueId + "|" + due + "|" + kind).getBytes(StandardCharsets.UTF_8));
            return "a" + HexFormat.of().formatHex(h, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Full ISO dates only: a "YYYY-MM" or missing date cannot make an issue overdue. */
    static Optional<LocalDate> isoDate(String s) {
        if (s == null || s.length() != 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
