package org.rectifywatch.ingest.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.rectifywatch.ingest.IngestConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polite GETs: only allowed hosts (redirects included, followed by hand), robots.txt obeyed, one request
 * at a time per host with a minimum gap (or the robots Crawl-delay), a size cap and a time cap per
 * response, retries with exponential backoff and jitter on 429/5xx/timeouts, Retry-After honoured, and
 * conditional requests when the caller knows an ETag or Last-Modified.
 */
public final class HttpFetcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);

    private final IngestConfig config;
    private final HttpClient client;
    private final HostThrottle throttle = new HostThrottle();
    private final RobotsPolicy robots;
    private final Backoff backoff;

    public HttpFetcher(IngestConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout())
                .build();
        this.backoff = new Backoff(config.backoffBase(), config.backoffMax());
        this.robots = new RobotsPolicy((u, allow) -> fetch(u, null, null, allow, false, config.maxBytes()));
    }

    public RobotsPolicy robots() {
        return robots;
    }

    /**
     * GET with robots.txt checked; conditional when etag or lastModified is given. Every hop must pass
     * {@code allowList} (the calling profile's hosts).
     */
    public FetchOutcome get(String url, String etag, String lastModified, AllowList allowList) {
        return fetch(url, etag, lastModified, allowList, true, config.maxBytes());
    }

    /**
     * A GET like {@link #get} (robots.txt, allowed hosts, the same per-host throttle) with its own size cap, for a
     * file such as a report attachment; never conditional.
     */
    public FetchOutcome getFile(String url, AllowList allowList, long maxBytes) {
        return fetch(url, null, null, allowList, true, maxBytes);
    }

    private FetchOutcome fetch(String url, String etag, String lastModified, AllowList allowList, boolean obeyRobots,
                               long maxBytes) {
        FetchOutcome last = null;
        for (int attempt = 0; attempt <= config.retries(); attempt++) {
            Attempt a = followRedirects(url, etag, lastModified, allowList, obeyRobots, maxBytes);
            if (a.retryAfter == null) {
                return a.outcome;
            }
            last = a.outcome;
            if (attempt == config.retries() || Thread.currentThread().isInterrupted()) {
                break;
            }
            Duration wait = a.retryAfter.isZero() ? backoff.delay(attempt) : a.retryAfter;
            if (wait.compareTo(config.maxRetryAfter()) > 0) {
                return FetchOutcome.skipped(url, SkipReason.RETRY_AFTER_TOO_LONG, "server asks to wait " + wait.toSeconds()
                        + " s (more than ingest.max.retry.after); retrying next pass");
            }
            log.info("{}: {}; retry {} of {} in {} ms", url, last.detail(), attempt + 1, config.retries(), wait.toMillis());
            throttle.defer(hostKey(a.outcome.finalUrl()), wait);
        }
        return FetchOutcome.skipped(url, last.reason(), last.detail() + " after " + (config.retries() + 1) + " tries");
    }

    /** An attempt's outcome; {@code retryAfter} is set (ZERO = use backoff) when the attempt may be retried. */
    private record Attempt(FetchOutcome outcome, Duration retryAfter) {
    }

    private Attempt followRedirects(String startUrl, String etag, String lastModified, AllowList allowList,
                                    boolean obeyRobots, long maxBytes) {
        String url = startUrl;
        for (int hop = 0; hop <= config.maxRedirects(); hop++) {
            var refused = allowList.check(url);
            if (refused.isPresent()) {
                FetchOutcome r = refused.get();
                if (hop > 0 && r.reason() == SkipReason.NOT_ALLOWED_HOST || hop > 0 && r.reason() == SkipReason.PRIVATE_ADDRESS) {
                    return new Attempt(FetchOutcome.skipped(startUrl, SkipReason.REDIRECT_REFUSED,
                            "redirect to " + url + " refused: " + r.detail()), null);
                }
                return new Attempt(FetchOutcome.skipped(startUrl, r.reason(), r.detail()), null);
            }
            if (obeyRobots && !robots.isAllowed(url, allowList)) {
                return new Attempt(FetchOutcome.skipped(startUrl, SkipReason.ROBOTS_DISALLOWED,
                        "robots.txt disallows " + url), null);
            }
            Exchange ex = exchange(url, hop == 0 ? etag : null, hop == 0 ? lastModified : null, allowList, obeyRobots,
                    maxBytes);
            if (ex.failure != null) {
                return new Attempt(ex.failure, ex.failure.reason().failure() ? Duration.ZERO : null);
            }
            int status = ex.status;
            if (status >= 300 && status < 400 && status != 304) {
                String location = ex.headers.firstValue("location").orElse(null);
                if (location == null) {
                    return new Attempt(FetchOutcome.skipped(startUrl, SkipReason.HTTP_STATUS,
                            "HTTP " + status + " without Location"), null);
                }
                String target = resolveLocation(url, location);
                if (target == null) {
                    return new Attempt(FetchOutcome.skipped(startUrl, SkipReason.BAD_REDIRECT,
                            "HTTP " + status + " from " + url + " with a malformed Location header '" + abbreviate(location) + "'"), null);
                }
                url = target;
                continue;
            }
            if (status == 304) {
                return new Attempt(FetchOutcome.notModified(url), null);
            }
            if (ex.body.tooLarge()) {
                return new Attempt(FetchOutcome.skipped(startUrl, SkipReason.TOO_LARGE, "response passed " + maxBytes
                        + (maxBytes == config.maxBytes() ? " bytes (ingest.max.bytes)" : " bytes (ingest.max.attachment.bytes)")
                        + "; stopped reading at " + ex.body.seen()), null);
            }
            if (status >= 200 && status < 300) {
                return new Attempt(FetchOutcome.ok(url, ex.body.bytes(), ex.headers.firstValue("content-type").orElse(null),
                        ex.headers.firstValue("etag").orElse(null),
                        ex.headers.firstValue("last-modified").orElse(null)), null);
            }
            FetchOutcome failed = FetchOutcome.skipped(url, SkipReason.HTTP_STATUS, "HTTP " + status);
            if (status == 429 || status >= 500) {
                Duration ra = Backoff.retryAfter(ex.headers.firstValue("retry-after").orElse(null), Instant.now())
                        .orElse(Duration.ZERO);
                return new Attempt(failed, ra);
            }
            return new Attempt(failed, null);
        }
        return new Attempt(FetchOutcome.skipped(startUrl, SkipReason.TOO_MANY_REDIRECTS,
                "more than " + config.maxRedirects() + " redirects"), null);
    }

    /** The absolute URL a Location header points to, or null when it is not a usable http(s) URL. */
    static String resolveLocation(String from, String location) {
        String l = location.trim();
        if (l.isEmpty()) {
            return null;
        }
        try {
            URI target = URI.create(from).resolve(l);
            String scheme = target.getScheme();
            if (scheme == null || target.getRawAuthority() == null || target.getHost() == null) {
                return null;
            }
            return target.toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("[\\r\\n\\t]", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    private record Exchange(int status, HttpHeaders headers, CappedBody body, FetchOutcome failure) {
    }

    private Exchange exchange(String url, String etag, String lastModified, AllowList allowList, boolean obeyRobots,
                              long maxBytes) {
        String host = hostKey(url);
        Duration gap = config.hostDelay();
        if (obeyRobots) {
            Duration crawlDelay = robots.crawlDelay(url, allowList);
            if (crawlDelay.compareTo(config.maxCrawlDelay()) > 0) {
                crawlDelay = config.maxCrawlDelay();
            }
            gap = crawlDelay.compareTo(gap) > 0 ? crawlDelay : gap;
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.readTimeout())
                .header("User-Agent", config.userAgent())
                .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
                .header("Accept-Language", "zh-CN,zh;q=0.9")
                .GET();
        if (etag != null) {
            rb.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            rb.header("If-Modified-Since", lastModified);
        }
        synchronized (throttle.lock(host)) {
            try {
                return send(rb.build(), url, host, gap, maxBytes);
            } finally {
                throttle.finished(host, gap);
            }
        }
    }

    private Exchange send(HttpRequest request, String url, String host, Duration gap, long maxBytes) {
            CompletableFuture<HttpResponse<CappedBody>> future = null;
            try {
                throttle.acquire(host, gap);
                CompletableFuture<CappedBody.Received> received = new CompletableFuture<>();
                future = client.sendAsync(request, CappedBody.handler(maxBytes, received));
                // whichever comes first: the body received (the usual case), or the request's failure
                CompletableFuture.anyOf(received, future).get(config.readTimeout().toMillis() + config.connectTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
                if (received.isDone()) {
                    CappedBody.Received r = received.get();
                    return new Exchange(r.status(), r.headers(), r.body(), null);
                }
                HttpResponse<CappedBody> r = future.get();
                return new Exchange(r.statusCode(), r.headers(), r.body(), null);
            } catch (TimeoutException e) {
                future.cancel(true);
                return failed(url, SkipReason.TIMEOUT, "no complete response within " + config.readTimeout().toMillis() + " ms");
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof HttpConnectTimeoutException) {
                    return failed(url, SkipReason.TIMEOUT, "connect timed out after " + config.connectTimeout().toMillis() + " ms");
                }
                if (c instanceof HttpTimeoutException) {
                    return failed(url, SkipReason.TIMEOUT, "no response within " + config.readTimeout().toMillis() + " ms");
                }
                if (c instanceof ConnectException) {
                    return failed(url, SkipReason.NETWORK, "connection refused");
                }
                if (c instanceof IOException) {
                    return failed(url, SkipReason.NETWORK, c.getClass().getSimpleName() + ": " + c.getMessage());
                }
                return failed(url, SkipReason.NETWORK, String.valueOf(c));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (future != null) {
                    future.cancel(true);
                }
                return new Exchange(0, null, null, FetchOutcome.skipped(url, SkipReason.NETWORK, "interrupted"));
            }
    }

    private static Exchange failed(String url, SkipReason reason, String detail) {
        return new Exchange(0, null, null, FetchOutcome.skipped(url, reason, detail));
    }

    static String hostKey(String url) {
        URI u = URI.create(url);
        return u.getRawAuthority() == null ? url : u.getRawAuthority().toLowerCase();
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() before Java 21; its threads end when it is unreachable.
    }
}
