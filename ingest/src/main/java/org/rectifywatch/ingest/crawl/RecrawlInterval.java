package org.rectifywatch.ingest.crawl;

import java.time.Duration;

/**
 * Adaptive recrawl, as Nutch's and StormCrawler's adaptive fetch schedules do it: a site whose pass found something new
 * or changed is visited twice as often, a quiet one half as often again (× 1.5), within bounds; and never more often
 * than its last pass's requests take at the host's delay, so politeness sets the floor.
 */
public final class RecrawlInterval {
    private RecrawlInterval() {
    }

    /**
     * The interval until the site's next pass.
     *
     * @param current the interval that led to this pass
     * @param pass    what the pass did
     * @param min     shortest interval allowed
     * @param max     longest interval allowed
     * @param hostGap the gap the host is asked at (ingest.host.delay or the robots Crawl-delay)
     */
    public static Duration next(Duration current, PassSummary pass, Duration min, Duration max, Duration hostGap) {
        boolean found = pass.published() + pass.changed() + pass.notices() + pass.noticesChanged() > 0;
        Duration next = found ? current.dividedBy(2) : current.multipliedBy(3).dividedBy(2);
        if (next.compareTo(min) < 0) {
            next = min;
        }
        if (next.compareTo(max) > 0) {
            next = max;
        }
        Duration politeness = hostGap.multipliedBy(requests(pass));
        return next.compareTo(politeness) < 0 ? politeness : next;
    }

    /** Requests the pass made to the host (pages with content, 304s and skips, each at least one request). */
    static long requests(PassSummary pass) {
        return (long) pass.fetched() + pass.notModified() + pass.skippedTotal();
    }
}
