package org.rectifywatch.model.wire;

/** Life cycle of an overdue alert: raised once, resolved once a later report marks the issue completed. */
public enum AlertState {
    raised,
    resolved
}
