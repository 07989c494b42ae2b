package org.rectifywatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RobotsAndBackoffTest {
    private final AllowList allow = new AllowList(List.of("a.gov.cn"), h -> new java.net.InetAddress[] {
            java.net.InetAddress.getByName("203.0.113.10")});

    @Test
    void robotsRulesAndCrawlDelayAreReadOncePerHost() {
        List<String> asked = new ArrayList<>();
        RobotsPolicy robots = new RobotsPolicy((url, allowList) -> {
            asked.add(url);
            return FetchOutcome.ok(url, "User-agent: *\nDisallow: /private/\nCrawl-delay: 3\n".getBytes(StandardCharsets.UTF_8),
                    "text/plain", null, null);
        });
        assertThat(robots.isAllowed("https://a.gov.cn/xsxc/t1.html", allow)).isTrue();
        assertThat(robots.isAllowed("https://a.gov.cn/private/t2.html", allow)).isFalse();
        assertThat(robots.crawlDelay("https://a.gov.cn/", allow)).isEqualTo(Duration.ofSeconds(3));
        assertThat(asked).containsExactly("https://a.gov.cn/robots.txt");
    }

    @Test
    void missingRobotsAllowsAndUnreachableRobotsDisallows() {
        RobotsPolicy missing = new RobotsPolicy((u, a) -> FetchOutcome.skipped(u, SkipReason.HTTP_STATUS, "HTTP 404"));
        assertThat(missing.isAllowed("https://a.gov.cn/x.html", allow)).isTrue();
        RobotsPolicy down = new RobotsPolicy((u, a) -> FetchOutcome.skipped(u, SkipReason.HTTP_STATUS, "HTTP 503 after 4 tries"));
        assertThat(down.isAllowed("https://a.gov.cn/x.html", allow)).isFalse();
    }

    @Test
    void backoffGrowsWithJitterAndRetryAfterIsParsed() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        for (int i = 0; i < 20; i++) {
            assertThat(b.delay(0).toMillis()).isBetween(50L, 100L);
            assertThat(b.delay(2).toMillis()).isBetween(200L, 400L);
            assertThat(b.delay(10).toMillis()).isBetween(500L, 1000L);
        }
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        assertThat(Backoff.retryAfter("7", now)).contains(Duration.ofSeconds(7));
        assertThat(Backoff.retryAfter("Wed, 01 Jan 2025 00:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(Backoff.retryAfter("soon", now)).isEmpty();
    }
}
