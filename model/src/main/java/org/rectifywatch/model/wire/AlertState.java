package org.rectifywatch.model.wire;

/**
 * Life cycle of an overdue alert: {@code raised} when it falls due, then closed exactly once by one of
 * <ul>
 * <li>{@code resolved}: a later report or an edit says the issue is done (for {@code report_overdue}: the report
 *     was published);</li>
 * <li>{@code withdrawn}: the issue was removed from its report, or the report or notice was retracted;</li>
 * <li>{@code superseded}: the due date was revised; the alert for the new date follows it.</li>
 * </ul>
 */
public enum AlertState {
    raised,
    resolved,
    withdrawn,
    superseded;

    public boolean isOpen() {
        return this == raised;
    }
}
