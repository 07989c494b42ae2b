package org.rectifywatch.app.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.rectifywatch.ingest.IngestConfig;
import org.rectifywatch.ingest.crawl.Crawler;
import org.rectifywatch.ingest.crawl.PassSummary;
import org.rectifywatch.ingest.crawl.SharedCrawl;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.profile.UrlProfiles;
import org.rectifywatch.ingest.sites.SiteEntry;
import org.rectifywatch.ingest.sites.SiteList;
import org.rectifywatch.ingest.sites.SiteProfilesOf;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.config.KafkaSettings;

/**
 * {@code bench crawl}: a pass over a loopback farm of simulated sites ({@link SiteFarm}: list pages, reports, unchanged
 * pages answering 304, one new report per site per pass) with the per-host delay, timed for one worker, for N workers in
 * one instance and for two instances sharing the site list, against the politeness floor: the busiest host's requests
 * in the pass × the delay, the least time a pass can take without asking a host faster than allowed.
 */
public final class CrawlBench {
    private CrawlBench() {
    }

    /** What the N-worker pass measured. */
    public record Figures(double seconds, double floorSeconds) {
        public double ratio() {
            return floorSeconds / seconds;
        }
    }

    /**
     * Sizes of the farm's sites: 3 to 8 reports each, with one in every 250 a big site of 40 (a ministry among county
     * portals), placed mid-list so that scheduling, not luck, puts it first.
     */
    static int[] sizes(int sites) {
        int[] out = new int[sites];
        for (int i = 0; i < sites; i++) {
            out[i] = i % 250 == 125 || sites < 250 && i == sites / 2 ? 40 : 3 + (i * 7) % 6;
        }
        return out;
    }

    public static Figures run(int sites, int workers, int oneWorkerSites, Duration delay, PrintStream out) throws Exception {
        try (LocalKafka kafka = LocalKafka.startTemporary(); SiteFarm farm = new SiteFarm(sizes(sites), 8)) {
            kafka.createPipelineTopics();
            out.printf("machine load average (1 min) at the start: %.1f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.printf("bench crawl: %d sites on %s … %s, %d to %d reports each, per-host delay %d ms, %d cores%n", sites,
                    farm.sites().get(0).host(), farm.sites().get(sites - 1).host(), min(sizes(sites)), max(sizes(sites)),
                    delay.toMillis(), Runtime.getRuntime().availableProcessors());
            List<String> columns = farm.sites().stream().map(SiteFarm.Site::columnUrl).toList();
            List<SiteProfile> profiles = UrlProfiles.of(columns, UrlProfiles.DEFAULT_MAX_PAGES);

            long t0 = System.nanoTime();
            PassSummary first;
            try (Crawler c = new Crawler(config(kafka, delay, workers), profiles)) {
                first = c.runOnce();
            }
            out.printf("first pass (every report new), %d workers: %.1f s; %s%n", workers, secs(System.nanoTime() - t0), first.line());

            // N workers, one instance
            farm.sites().forEach(SiteFarm.Site::addReport);
            long from = System.nanoTime();
            PassSummary pass;
            try (Crawler c = new Crawler(config(kafka, delay, workers), profiles)) {
                pass = c.runOnce();
            }
            double floor = floor(farm, from, delay, h -> true);
            Figures f = new Figures(pass.took().toMillis() / 1000.0, floor);
            out.printf("%d workers, one instance: %.1f s per pass (floor %.1f s); %s%n", workers, f.seconds(), floor, pass.line());

            // one worker: as before, one site after another (on a part of the farm, else it takes many minutes)
            int part = Math.min(oneWorkerSites, sites);
            List<SiteFarm.Site> some = farm.sites().subList(0, part);
            some.forEach(SiteFarm.Site::addReport);
            PassSummary one;
            try (Crawler c = new Crawler(config(kafka, delay, 1), profiles.subList(0, part))) {
                one = c.runOnce();
            }
            double perSite = one.took().toMillis() / 1000.0 / part;
            out.printf("1 worker: %.1f s for %d sites (%.2f s a site: ≈ %.0f s for all %d); %s%n", one.took().toMillis() / 1000.0,
                    part, perSite, perSite * sites, sites, one.line());

            // two instances sharing the site list by consumer group
            List<SiteEntry> entries = new ArrayList<>();
            columns.forEach(u -> entries.add(new SiteEntry(SiteEntry.hostOf(u), List.of(new SiteEntry.Column(u, null, null)))));
            SiteList.write(KafkaSettings.local(kafka.bootstrap()), entries);
            farm.sites().forEach(SiteFarm.Site::addReport);
            double two = twoInstances(kafka, farm, delay, workers, out);
            out.printf("two instances, %d workers each: %.1f s per pass (first request to last)%n",
                    workers, two);

            // other work on the machine slows every request (what a pass waits on beside the delay): say how busy it was
            out.printf("machine load average (1 min) at the end: %.1f on %d cores%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            out.printf("bench crawl: %.1f s per pass vs floor %.1f s = ratio %.2f%n", f.seconds(), f.floorSeconds(), f.ratio());
            return f;
        }
    }

    private static double twoInstances(LocalKafka kafka, SiteFarm farm, Duration delay, int workers, PrintStream out)
            throws Exception {
        String group = "bench-crawl-" + UUID.randomUUID();
        long from = System.nanoTime();
        List<SharedCrawl> instances = new ArrayList<>();
        List<Crawler> crawlers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            IngestConfig config = IngestConfig.from(source(kafka, delay, workers).with("ingest.group", group)
                    .with("ingest.session.timeout", "10s").with("ingest.assign.settle", "8s").with("ingest.user.agent", "rectify-watch bench instance " + i));
            Crawler c = Crawler.forSiteList(config);
            SharedCrawl s = new SharedCrawl(c, new SiteProfilesOf(List.of(), UrlProfiles.DEFAULT_MAX_PAGES));
            crawlers.add(c);
            instances.add(s);
            Thread t = new Thread(s::run, "bench-instance-" + i);
            t.start();
            threads.add(t);
        }
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            // a pass of a host ends with its oldest report (the list is newest first)
            while (!farm.sites().stream().allMatch(s -> s.requests().stream()
                    .anyMatch(r -> r.nanos() > from && r.path().equals("/xsxc/art_1.html")))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("two instances did not finish a pass within 10 minutes");
                }
                Thread.sleep(50);
            }
            long last = quietAfter(farm, from, Duration.ofSeconds(2));
            long firstRequest = farm.sites().stream().flatMap(s -> s.requests().stream()).mapToLong(SiteFarm.Request::nanos)
                    .filter(n -> n > from).min().orElse(from);
            Map<String, Integer> byInstance = new HashMap<>();
            for (SiteFarm.Site s : farm.sites()) {
                s.requests().stream().filter(r -> r.nanos() > from).map(SiteFarm.Request::userAgent).distinct()
                        .forEach(ua -> byInstance.merge(ua.substring(ua.length() - 1), 1, Integer::sum));
            }
            out.printf("two instances: hosts crawled by instance 0: %d, by instance 1: %d (a host handed over at the start counts for both)%n",
                    byInstance.getOrDefault("0", 0), byInstance.getOrDefault("1", 0));
            out.printf("two instances: group join and settling (ingest.assign.settle 8s) %.1f s before the first request%n",
                    secs(firstRequest - from));
            return secs(last - firstRequest);
        } finally {
            instances.forEach(SharedCrawl::close);
            for (Thread t : threads) {
                t.join(60_000);
            }
            crawlers.forEach(Crawler::close);
        }
    }

    /** Waits until no site was asked anything for {@code quiet}; the time of the last request. */
    private static long quietAfter(SiteFarm farm, long from, Duration quiet) throws InterruptedException {
        while (true) {
            long last = farm.sites().stream().flatMap(s -> s.requests().stream()).mapToLong(SiteFarm.Request::nanos).max().orElse(from);
            if (System.nanoTime() - last > quiet.toNanos()) {
                return last;
            }
            Thread.sleep(100);
        }
    }

    /** The busiest host's requests since {@code from} × the delay. */
    static double floor(SiteFarm farm, long from, Duration delay, Predicate<SiteFarm.Site> which) {
        long busiest = farm.sites().stream().filter(which)
                .mapToLong(s -> s.requests().stream().filter(r -> r.nanos() >= from).count()).max().orElse(0);
        return busiest * delay.toMillis() / 1000.0;
    }

    private static ConfigSource source(LocalKafka kafka, Duration delay, int workers) {
        return ConfigSource.of(Map.of("kafka.bootstrap", kafka.bootstrap(), "ingest.host.delay", delay.toMillis() + "ms",
                "ingest.workers", Integer.toString(workers), "ingest.progress.every", "0"));
    }

    private static IngestConfig config(LocalKafka kafka, Duration delay, int workers) {
        return IngestConfig.from(source(kafka, delay, workers));
    }

    private static double secs(long nanos) {
        return nanos / 1e9;
    }

    private static int min(int[] a) {
        return java.util.Arrays.stream(a).min().orElse(0);
    }

    private static int max(int[] a) {
        return java.util.Arrays.stream(a).max().orElse(0);
    }
}
