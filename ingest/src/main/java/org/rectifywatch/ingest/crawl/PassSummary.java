package org.rectifywatch.ingest.crawl;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one pass did.
 *
 * @param fetched     responses with content (list, article and continuation pages, report attachments)
 * @param notModified conditional requests answered 304
 * @param published   new reports published
 * @param changed     known reports whose text changed and was published again
 * @param notices     new inspection feedback announcements published (kind {@code feedback_notice}); not reports
 * @param noticesChanged known feedback announcements whose text changed and was published again
 * @param unchanged   pages fetched whose text was already published (reports and notices)
 * @param skipped     URLs not published, by reason (see {@link org.rectifywatch.ingest.fetch.SkipReason})
 * @param errors      skips caused by failures (site or network) plus unexpected errors
 * @param took        wall time of the pass
 */
public record PassSummary(int fetched, int notModified, int published, int changed, int notices, int noticesChanged,
                          int unchanged, Map<String, Integer> skipped, int errors, Duration took) {

    public int skippedTotal() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int skipped(String reason) {
        return skipped.getOrDefault(reason, 0);
    }

    /** The one summary line logged per pass. */
    public String line() {
        String reasons = skipped.isEmpty() ? "" : skipped.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ", " (", ")"));
        return String.format("pages fetched %d, 304s %d, new %d, changed %d, notices new %d, notices changed %d, unchanged %d, "
                        + "skipped %d%s, errors %d in %.1f s", fetched, notModified, published, changed, notices, noticesChanged,
                unchanged, skippedTotal(), reasons, errors, took.toMillis() / 1000.0);
    }
}
