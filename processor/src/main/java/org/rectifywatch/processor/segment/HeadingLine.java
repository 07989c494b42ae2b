package org.rectifywatch.processor.segment;

/**
 * A line that opens an outline node. {@code label} is the normalised ordinal ("1", "(1)", "(一)", "一", null for
 * a bare problem), {@code title} the text after the ordinal, {@code heading} the line as printed (cut after its
 * first sentence when more text follows inline).
 */
public record HeadingLine(HeadingStyle style, String label, String title, String heading, int index) {
}
