package org.rectifywatch.sink.index;

/**
 * The three logical indices; each is an alias over a versioned concrete index built from its template. The
 * mapping version of each is its own: a change that Elasticsearch cannot apply in place (a field removed or
 * retyped) raises it, and {@link IndexSetup} moves an existing deployment to the new concrete index.
 */
public enum LogicalIndex {
    /** v2: the pages mirroring a report ({@code mirrors}, {@code mirror_count}) and retraction ({@code retracted_at}). */
    REPORTS("reports", 2),
    ISSUES("issues", 1),
    /** v2: alert transitions (reason, feedback_date, updated_at, closed_at, superseded_by); no stored days_overdue. */
    ALERTS("alerts", 2);

    private final String suffix;
    private final int mappingVersion;

    LogicalIndex(String suffix, int mappingVersion) {
        this.suffix = suffix;
        this.mappingVersion = mappingVersion;
    }

    public String suffix() {
        return suffix;
    }

    /** Version of this index's mappings in this build; the concrete index is {@code <alias>-v<version>}. */
    public int mappingVersion() {
        return mappingVersion;
    }

    /** Class-path resource holding this index's settings and explicit mappings. */
    public String templateResource() {
        return "/org/rectifywatch/sink/index/" + suffix + ".json";
    }
}
