package org.rectifywatch.model.wire;

import org.rectifywatch.model.json.JsonSerde;

/** The serde of each topic's value type. */
public final class WireSerdes {
    public static final JsonSerde<RawReport> RAW_REPORT = JsonSerde.of(RawReport.class);
    public static final JsonSerde<ReportRecord> REPORT = JsonSerde.of(ReportRecord.class);
    public static final JsonSerde<IssueRecord> ISSUE = JsonSerde.of(IssueRecord.class);
    public static final JsonSerde<AlertRecord> ALERT = JsonSerde.of(AlertRecord.class);

    private WireSerdes() {
    }
}
