package org.rectifywatch.model.report;

/** A dated promise quoted from rectification text; {@code due} is an ISO date or null for an unanchored window. */
public record Commitment(String text, String due) {
}
