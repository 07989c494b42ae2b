package org.rectifywatch.processor.deadline;

import java.time.LocalDate;
import org.rectifywatch.model.wire.AlertKind;

/** An alert an issue will owe once {@code dueDate} has passed: one per (issue, kind, due date). */
public record DueAlert(AlertKind kind, LocalDate dueDate, String commitmentText) {
    /** Overdue from the day after the due date on. */
    public boolean isDue(LocalDate today) {
        return dueDate.isBefore(today);
    }
}
