package org.rectifywatch.ingest;

import java.nio.file.Path;
import java.time.Duration;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.config.KafkaSettings;

/**
 * Everything the crawler-producer reads from configuration (keys {@code ingest.*}, env {@code RECTIFY_INGEST_*}).
 * Defaults are polite for fragile government servers and work against a local Kafka.
 *
 * @param kafka            how to reach Kafka
 * @param profilesFile     user profiles file replacing the shipped one, or null
 * @param userAgent        User-Agent sent with every request (names the project so operators can reach us)
 * @param connectTimeout   TCP connect timeout
 * @param readTimeout      time allowed for a whole response (headers and body)
 * @param maxBytes         response size cap; reading stops there and the page is skipped
 * @param maxAttachmentBytes size cap on a report attachment (PDF, DOCX …) that the crawler reads in place of the page
 * @param maxRedirects     redirects followed per request (each must stay on an allowed host)
 * @param hostDelay        minimum gap between two requests to the same host (robots Crawl-delay may raise it)
 * @param maxCrawlDelay    cap on a robots.txt Crawl-delay
 * @param retries          retries after a 429, 5xx or timeout before the page is skipped until the next pass
 * @param backoffBase      first backoff; doubles per retry, with jitter
 * @param backoffMax       longest backoff
 * @param maxRetryAfter    longest Retry-After honoured within a pass; longer ones skip the page until the next pass
 * @param minPageBytes     responses smaller than this whose text is short are treated as challenge pages
 * @param stateLoadTimeout how long start-up may take to read the crawl state topic to its end
 * @param progressEvery    log a progress line every N articles
 * @param workers          hosts crawled side by side (one worker per host at a time; each keeps that host's politeness)
 * @param recrawlMin       shortest interval between two passes of a site under adaptive recrawl
 * @param recrawlMax       longest interval between two passes of a site under adaptive recrawl
 * @param group            consumer group of the crawler instances sharing the site list ({@code pipeline ingest --site-list})
 * @param sessionTimeout   how long a silent instance keeps its hosts before the group hands them to the others
 * @param assignSettle     how long a host newly assigned to this instance waits before its first pass, so that instances
 *                         started together settle their shares before crawling (no pass begun and handed over at once)
 */
public record IngestConfig(
        KafkaSettings kafka,
        Path profilesFile,
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        long maxBytes,
        long maxAttachmentBytes,
        int maxRedirects,
        Duration hostDelay,
        Duration maxCrawlDelay,
        int retries,
        Duration backoffBase,
        Duration backoffMax,
        Duration maxRetryAfter,
        int minPageBytes,
        Duration stateLoadTimeout,
        int progressEvery,
        int workers,
        Duration recrawlMin,
        Duration recrawlMax,
        String group,
        Duration sessionTimeout,
        Duration assignSettle) {

    public IngestConfig {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("ingest.workers is " + workers + " but must be between 1 and " + MAX_WORKERS
                    + " (each worker is a thread crawling one host at a time)");
        }
        if (recrawlMin.isNegative() || recrawlMin.isZero() || recrawlMax.compareTo(recrawlMin) < 0) {
            throw new IllegalArgumentException("ingest.recrawl.min is " + recrawlMin + " and ingest.recrawl.max " + recrawlMax
                    + " but the minimum must be positive and not above the maximum");
        }
        if (sessionTimeout.compareTo(Duration.ofSeconds(6)) < 0) {
            throw new IllegalArgumentException("ingest.session.timeout is " + sessionTimeout
                    + " but must be at least 6s (the broker's smallest group session timeout)");
        }
        if (assignSettle.isNegative()) {
            throw new IllegalArgumentException("ingest.assign.settle is " + assignSettle + " but must be zero or positive");
        }
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("ingest.group is empty but must name the crawlers' consumer group");
        }
    }

    /** More workers than this would only add threads waiting on the per-host delay. */
    public static final int MAX_WORKERS = 2048;

    public static final String DEFAULT_USER_AGENT =
            "rectify-watch/0.1 (inspection-rectification report monitor; polite crawler, one request at a time)";

    public static IngestConfig from(ConfigSource c) {
        String profiles = c.string("ingest.profiles", null);
        return new IngestConfig(
                KafkaSettings.from(c),
                profiles == null ? null : Path.of(profiles),
                c.string("ingest.user.agent", DEFAULT_USER_AGENT),
                c.duration("ingest.connect.timeout", Duration.ofSeconds(10)),
                c.duration("ingest.read.timeout", Duration.ofSeconds(30)),
                c.longValue("ingest.max.bytes", 10L * 1024 * 1024),
                c.longValue("ingest.max.attachment.bytes", 20L * 1024 * 1024),
                c.integer("ingest.max.redirects", 5),
                c.duration("ingest.host.delay", Duration.ofSeconds(2)),
                c.duration("ingest.max.crawl.delay", Duration.ofSeconds(60)),
                c.integer("ingest.retries", 3),
                c.duration("ingest.backoff.base", Duration.ofSeconds(2)),
                c.duration("ingest.backoff.max", Duration.ofSeconds(60)),
                c.duration("ingest.max.retry.after", Duration.ofSeconds(120)),
                c.integer("ingest.min.page.bytes", 2500),
                c.duration("ingest.state.load.timeout", Duration.ofSeconds(60)),
                c.integer("ingest.progress.every", 25),
                c.integer("ingest.workers", 8),
                c.duration("ingest.recrawl.min", Duration.ofMinutes(10)),
                c.duration("ingest.recrawl.max", Duration.ofDays(1)),
                c.string("ingest.group", "rectify-crawler"),
                c.duration("ingest.session.timeout", Duration.ofSeconds(30)),
                c.duration("ingest.assign.settle", Duration.ofSeconds(5)));
    }
}
