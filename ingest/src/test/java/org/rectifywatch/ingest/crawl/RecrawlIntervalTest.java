package org.rectifywatch.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecrawlIntervalTest {
    private static final Duration MIN = Duration.ofMinutes(10);
    private static final Duration MAX = Duration.ofHours(24);
    private static final Duration GAP = Duration.ofSeconds(2);

    private static PassSummary pass(int fetched, int notModified, int published) {
        return new PassSummary(fetched, notModified, published, 0, 0, 0, 0, Map.of(), 0, Duration.ofSeconds(1));
    }

    @Test
    void aSiteThatPublishedIsVisitedTwiceAsOftenAQuietOneLessOften() {
        assertThat(RecrawlInterval.next(Duration.ofHours(2), pass(3, 5, 1), MIN, MAX, GAP)).isEqualTo(Duration.ofHours(1));
        assertThat(RecrawlInterval.next(Duration.ofHours(2), pass(1, 8, 0), MIN, MAX, GAP)).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void theIntervalStaysWithinItsBounds() {
        assertThat(RecrawlInterval.next(Duration.ofMinutes(15), pass(3, 0, 2), MIN, MAX, GAP)).isEqualTo(MIN);
        assertThat(RecrawlInterval.next(Duration.ofHours(20), pass(1, 0, 0), MIN, MAX, GAP)).isEqualTo(MAX);
    }

    @Test
    void neverMoreOftenThanTheLastPassTookAtTheHostDelay() {
        // 400 requests at 2 s each: a pass takes 800 s, more than the 10 min minimum
        Duration next = RecrawlInterval.next(Duration.ofMinutes(10), pass(100, 300, 5), MIN, MAX, GAP);
        assertThat(next).isEqualTo(Duration.ofSeconds(800));
    }
}
