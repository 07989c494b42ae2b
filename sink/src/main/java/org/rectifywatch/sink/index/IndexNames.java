package org.rectifywatch.sink.index;

/**
 * Names of aliases, concrete indices and templates for one prefix: alias {@code rectify-issues} points at
 * {@code rectify-issues-v1}, created from template {@code rectify-issues} (pattern {@code rectify-issues-*}).
 * A mapping change that cannot be applied in place ships as {@code -v2}; swapping the alias then needs no downtime.
 */
public record IndexNames(String prefix) {
    public static final IndexNames DEFAULT = new IndexNames("rectify");
    /** Version of the mappings in this build's templates. */
    public static final int MAPPING_VERSION = 1;

    public String alias(LogicalIndex i) {
        return prefix + "-" + i.suffix();
    }

    public String concrete(LogicalIndex i) {
        return alias(i) + "-v" + MAPPING_VERSION;
    }

    public String template(LogicalIndex i) {
        return alias(i);
    }

    public String pattern(LogicalIndex i) {
        return alias(i) + "-*";
    }
}
