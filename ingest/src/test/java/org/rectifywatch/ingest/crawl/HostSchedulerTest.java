package org.rectifywatch.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.profile.UrlProfiles;

class HostSchedulerTest {
    private static final PassSummary EMPTY = new PassSummary(1, 0, 0, 0, 0, 0, 0, Map.of(), 0, Duration.ZERO);

    private static List<SiteProfile> sites(String host, int n) {
        List<String> urls = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            urls.add("http://" + host + "/col" + i + "/");
        }
        // one profile per column, all on the host
        return urls.stream().map(u -> UrlProfiles.of(u, 1)).toList();
    }

    @Test
    void hostsAreCrawledSideBySideButOneHostNeverByTwoWorkersAtOnce() throws Exception {
        Map<String, AtomicInteger> inside = new ConcurrentHashMap<>();
        AtomicInteger overlapping = new AtomicInteger();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger mostConcurrent = new AtomicInteger();
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(6 * 3);
        HostScheduler s = new HostScheduler((site, stop) -> {
            String host = site.allowedHosts().get(0);
            if (inside.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet() > 1) {
                overlapping.incrementAndGet();
            }
            mostConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            concurrent.decrementAndGet();
            inside.get(host).decrementAndGet();
            passes.incrementAndGet();
            all.countDown();
            return EMPTY;
        }, Duration.ofHours(1), Duration.ofHours(2), Duration.ofMillis(10));
        for (int h = 0; h < 6; h++) {
            s.put("h" + h + ".gov.cn", sites("h" + h + ".gov.cn", 3));
        }
        Thread runner = new Thread(() -> {
            try {
                s.run(4);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        runner.start();
        assertThat(all.await(20, TimeUnit.SECONDS)).isTrue();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        s.close();
        runner.join(5000);
        assertThat(overlapping.get()).as("passes of one host overlapping").isZero();
        assertThat(mostConcurrent.get()).as("sites crawled at the same time").isEqualTo(4);
        // 18 site passes of 100 ms: one after another 1.8 s; 6 hosts on 4 workers: 2 rounds of 3 sites = 0.6 s
        assertThat(tookMs).isLessThan(1500);
        assertThat(passes.get()).as("each host once per poll interval (1 h)").isEqualTo(18);
        assertThat(runner.isAlive()).isFalse();
    }

    @Test
    void removingAHostWaitsUntilItsPassHasStopped() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger stoppedBy = new AtomicInteger();
        HostScheduler s = new HostScheduler((site, stop) -> {
            started.countDown();
            while (!stop.getAsBoolean()) {
                Thread.onSpinWait();
            }
            stoppedBy.incrementAndGet();
            return EMPTY;
        }, Duration.ofHours(1), Duration.ofHours(2), Duration.ofMillis(10));
        s.put("a.gov.cn", sites("a.gov.cn", 2));
        Thread runner = new Thread(() -> {
            try {
                s.run(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        runner.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        s.remove("a.gov.cn");
        // remove returned: the running pass saw its stop, and the host's second site was not begun
        assertThat(stoppedBy.get()).isEqualTo(1);
        assertThat(s.size()).isZero();
        s.close();
        runner.join(5000);
        assertThat(stoppedBy.get()).isEqualTo(1);
    }
}
