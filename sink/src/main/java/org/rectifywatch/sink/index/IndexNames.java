package org.rectifywatch.sink.index;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of aliases, concrete indices and templates for one prefix: alias {@code rectify-issues} points at
 * {@code rectify-issues-v1}, created from template {@code rectify-issues} (pattern {@code rectify-issues-*}).
 * Each logical index has its own mapping version ({@link LogicalIndex#mappingVersion()}); a mapping change that
 * cannot be applied in place ships as the next {@code -vN}, and swapping the alias then needs no downtime.
 */
public record IndexNames(String prefix) {
    public static final IndexNames DEFAULT = new IndexNames("rectify");
    private static final Pattern VERSIONED = Pattern.compile("-v(\\d{1,9})");

    public String alias(LogicalIndex i) {
        return prefix + "-" + i.suffix();
    }

    /** The concrete index of this build's mapping version. */
    public String concrete(LogicalIndex i) {
        return concrete(i, i.mappingVersion());
    }

    public String concrete(LogicalIndex i, int mappingVersion) {
        return alias(i) + "-v" + mappingVersion;
    }

    /** The mapping version of one of this logical index's concrete indices, empty for any other name. */
    public OptionalInt version(LogicalIndex i, String concreteIndex) {
        String alias = alias(i);
        if (!concreteIndex.startsWith(alias)) {
            return OptionalInt.empty();
        }
        Matcher m = VERSIONED.matcher(concreteIndex.substring(alias.length()));
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    public String template(LogicalIndex i) {
        return alias(i);
    }

    public String pattern(LogicalIndex i) {
        return alias(i) + "-*";
    }
}
