package org.rectifywatch.sink.index;

/** The three logical indices; each is an alias over a versioned concrete index built from its template. */
public enum LogicalIndex {
    REPORTS("reports"),
    ISSUES("issues"),
    ALERTS("alerts");

    private final String suffix;

    LogicalIndex(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** Class-path resource holding this index's settings and explicit mappings. */
    public String templateResource() {
        return "/org/rectifywatch/sink/index/" + suffix + ".json";
    }
}
