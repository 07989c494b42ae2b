package org.rectifywatch.ingest.crawl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One queue per host, a fixed number of workers: a worker takes the host that is due first and not being crawled,
 * crawls its sites one after another, and schedules the host's next pass by {@link RecrawlInterval}. A host is never
 * crawled by two workers at once, so its politeness (robots.txt, Crawl-delay, ingest.host.delay, Retry-After) holds as
 * with one thread; hosts are crawled side by side. Memory is one small entry per host: nothing queues up.
 */
final class HostScheduler {
    private static final Logger log = LoggerFactory.getLogger(HostScheduler.class);

    /** Crawls one site until done or until {@code stop} says so, and tells what the pass did. */
    interface SitePass extends BiFunction<SiteProfile, BooleanSupplier, PassSummary> {
    }

    private static final class Host {
        final String key;
        List<SiteProfile> sites;
        long due;
        Duration interval;
        boolean running;
        int passes;
        volatile boolean removed;

        Host(String key, List<SiteProfile> sites, long due) {
            this.key = key;
            this.sites = sites;
            this.due = due;
            this.interval = sites.stream().map(SiteProfile::poll).min(Duration::compareTo).orElse(Duration.ofHours(1));
        }
    }

    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final SitePass pass;
    private final Duration min;
    private final Duration max;
    private final Duration hostGap;
    private boolean closed;

    HostScheduler(SitePass pass, Duration min, Duration max, Duration hostGap) {
        this.pass = pass;
        this.min = min;
        this.max = max;
        this.hostGap = hostGap;
    }

    /** Adds a host, due now, or gives a known one its new sites (its schedule kept). */
    synchronized void put(String host, List<SiteProfile> sites) {
        put(host, sites, Duration.ZERO);
    }

    /** Adds a host, due after {@code firstAfter}, or gives a known one its new sites (its schedule kept). */
    synchronized void put(String host, List<SiteProfile> sites, Duration firstAfter) {
        Host h = hosts.get(host);
        if (h == null) {
            hosts.put(host, new Host(host, List.copyOf(sites), System.nanoTime() + firstAfter.toNanos()));
        } else {
            h.sites = List.copyOf(sites);
        }
        notifyAll();
    }

    /** Removes a host; a pass under way stops at its next article, and this returns once it has. */
    synchronized void remove(String host) throws InterruptedException {
        Host h = hosts.remove(host);
        if (h == null) {
            return;
        }
        h.removed = true;
        while (h.running) {
            wait();
        }
    }

    synchronized int size() {
        return hosts.size();
    }

    /** Runs {@code workers} threads until {@link #close}; returns when all have stopped. */
    void run(int workers) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "crawl-worker-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            close();
            for (Thread t : threads) {
                t.join();
            }
            throw e;
        }
    }

    synchronized void close() {
        closed = true;
        hosts.values().forEach(h -> h.removed = true);
        notifyAll();
    }

    private void work() {
        while (true) {
            Host h;
            try {
                h = take();
            } catch (InterruptedException e) {
                return;
            }
            if (h == null) {
                return;
            }
            PassSummary total = crawl(h);
            finish(h, total);
        }
    }

    private PassSummary crawl(Host h) {
        PassCounters c = new PassCounters();
        BooleanSupplier stop = () -> h.removed;
        for (SiteProfile site : h.sites) {
            if (h.removed) {
                break;
            }
            try {
                PassSummary s = pass.apply(site, stop);
                c.add(s);
            } catch (RuntimeException e) {
                c.errors++;
                log.error("{}: the pass failed: {}", site.name(), e.toString(), e);
            }
        }
        return c.summary();
    }

    private synchronized Host take() throws InterruptedException {
        while (!closed) {
            long now = System.nanoTime();
            Host next = null;
            for (Host h : hosts.values()) {
                if (!h.running && (next == null || h.due < next.due)) {
                    next = h;
                }
            }
            if (next != null && next.due <= now) {
                next.running = true;
                return next;
            }
            long waitMs = next == null ? 1000 : Math.max(1, Math.min(1000, (next.due - now) / 1_000_000));
            wait(waitMs);
        }
        return null;
    }

    private synchronized void finish(Host h, PassSummary s) {
        h.running = false;
        h.passes++;
        if (!h.removed) {
            Duration poll = h.sites.stream().map(SiteProfile::poll).min(Duration::compareTo).orElse(min);
            // the configured poll interval always lies within the bounds, so the defaults never override a profile
            Duration lower = poll.compareTo(min) < 0 ? poll : min;
            Duration upper = poll.compareTo(max) > 0 ? poll : max;
            // the first pass finds everything new: adapting starts with the second
            h.interval = h.passes == 1 ? h.interval : RecrawlInterval.next(h.interval, s, lower, upper, hostGap);
            h.due = System.nanoTime() + h.interval.toNanos();
            log.debug("{}: next pass in {} s", h.key, h.interval.toSeconds());
        }
        notifyAll();
    }
}
