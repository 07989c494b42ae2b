package org.rectifywatch.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt per scheme+host+port, parsed by crawler-commons and cached for a day (failures for ten
 * minutes). A missing robots.txt (4xx) allows everything; an unreachable one or a 5xx disallows the host
 * until it is fetched again, as RFC 9309 asks.
 */
public final class RobotsPolicy {
    private static final Logger log = LoggerFactory.getLogger(RobotsPolicy.class);
    public static final String ROBOT_NAME = "rectify-watch";

    private record Cached(BaseRobotRules rules, long expiresAt) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final BiFunction<String, AllowList, FetchOutcome> fetch;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();

    /** @param fetch GETs a robots.txt URL (allow-list, throttle and redirects applied; no robots check) */
    public RobotsPolicy(BiFunction<String, AllowList, FetchOutcome> fetch) {
        this.fetch = fetch;
        parser.setMaxCrawlDelay(Long.MAX_VALUE); // capped by the crawler instead of disallowing the site
    }

    public boolean isAllowed(String url, AllowList allowList) {
        return rules(url, allowList).isAllowed(url);
    }

    /** Crawl-delay of the URL's host, if robots.txt sets one. */
    public Duration crawlDelay(String url, AllowList allowList) {
        long ms = rules(url, allowList).getCrawlDelay();
        return ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms <= 0 ? Duration.ZERO : Duration.ofMillis(ms);
    }

    /** Whether robots.txt of this URL's host is already known (so asking would not cause a request). */
    public boolean known(String url) {
        Cached c = cache.get(key(url));
        return c != null && c.expiresAt > System.currentTimeMillis();
    }

    private BaseRobotRules rules(String url, AllowList allowList) {
        String key = key(url);
        Cached c = cache.get(key);
        if (c != null && c.expiresAt > System.currentTimeMillis()) {
            return c.rules;
        }
        String robotsUrl = key + "/robots.txt";
        FetchOutcome o = fetch.apply(robotsUrl, allowList);
        BaseRobotRules rules;
        long ttl = Duration.ofHours(24).toMillis();
        if (o.isOk()) {
            rules = parser.parseContent(robotsUrl, o.body(), o.contentType() == null ? "text/plain" : o.contentType(),
                    List.of(ROBOT_NAME));
        } else if (o.reason() == SkipReason.HTTP_STATUS && o.detail() != null && o.detail().startsWith("HTTP 4")
                && !o.detail().startsWith("HTTP 429")) {
            rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
        } else {
            log.warn("robots.txt {} could not be read ({}: {}); not crawling that host for now", robotsUrl,
                    o.reason() == null ? "unknown" : o.reason().label(), o.detail());
            rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
            ttl = Duration.ofMinutes(10).toMillis();
        }
        cache.put(key, new Cached(rules, System.currentTimeMillis() + ttl));
        return rules;
    }

    /** Forgets cached rules (tests, or a new pass after a failure). */
    public void clearFailures() {
        cache.entrySet().removeIf(e -> e.getValue().rules.isAllowNone());
    }

    static String key(String url) {
        URI u = URI.create(url);
        return u.getScheme().toLowerCase() + "://" + u.getRawAuthority().toLowerCase();
    }
}
