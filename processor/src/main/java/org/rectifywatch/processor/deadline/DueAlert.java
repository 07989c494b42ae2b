package org.rectifywatch.processor.deadline;

import java.time.LocalDate;
import org.rectifywatch.model.wire.AlertKind;

/** An alert that the rules say is due on a given day: one per (issue, due date, kind). */
public record DueAlert(String alertId, AlertKind kind, LocalDate dueDate, String commitmentText, long daysOverdue) {
}
