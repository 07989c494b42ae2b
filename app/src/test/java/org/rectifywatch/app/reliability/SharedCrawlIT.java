package org.rectifywatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.app.bench.SiteFarm;
import org.rectifywatch.ingest.sites.SiteEntry;
import org.rectifywatch.ingest.sites.SiteList;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.config.KafkaSettings;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.model.wire.WireSerdes;

/**
 * Two crawler instances, each a JVM of its own ({@code pipeline ingest --site-list}), share a loopback farm's site list
 * by consumer group: no host is asked by both at once (the farm's request log per host: no two requests closer than the
 * per-host delay, the instances' turns never interleaved), and when one is killed (SIGKILL) mid-pass the other takes
 * its hosts and finishes them: every report on reports.raw with one version, none missed.
 */
@Tag("integration")
class SharedCrawlIT {
    private static final int SITES = 60;
    private static final Duration DELAY = Duration.ofMillis(400);
    private static final int WORKERS = 6;

    @Test
    void twoInstancesSplitTheHostsAndTheSurvivorFinishesTheKilledOnesHosts() throws Exception {
        int[] sizes = new int[SITES];
        for (int i = 0; i < SITES; i++) {
            sizes[i] = 6 + i % 5;
        }
        try (LocalKafka kafka = LocalKafka.startTemporary(); SiteFarm farm = new SiteFarm(sizes, 4)) {
            kafka.createPipelineTopics();
            List<SiteEntry> entries = new ArrayList<>();
            for (SiteFarm.Site s : farm.sites()) {
                entries.add(new SiteEntry(s.host(), List.of(new SiteEntry.Column(s.columnUrl(), null, null))));
            }
            SiteList.write(KafkaSettings.local(kafka.bootstrap()), entries);
            int reports = farm.sites().stream().mapToInt(SiteFarm.Site::reports).sum();

            try (ChildPipeline a = ChildPipeline.start(ChildPipeline.siteListCrawler("shared-crawl-a", kafka.bootstrap(), settings("A")));
                 ChildPipeline b = ChildPipeline.start(ChildPipeline.siteListCrawler("shared-crawl-b", kafka.bootstrap(), settings("B")))) {
                // both instances crawling, A well into its pass but not through it
                await(() -> hostsAskedBy(farm, "A") >= 5 && hostsAskedBy(farm, "B") >= 5
                        && finishedHostsOf(farm, "A") >= 2, Duration.ofMinutes(3), "both instances to crawl", a, b);
                assertThat(finishedHostsOf(farm, "A")).as("A is mid-pass when killed").isLessThan(hostsAskedBy(farm, "A"));
                long killedAt = System.nanoTime();
                a.kill();
                await(() -> farm.sites().stream().allMatch(s -> finished(s.requests())), Duration.ofMinutes(4),
                        "every host's pass to finish", a, b);
                Thread.sleep(DELAY.toMillis() * 3);

                // no host asked by both at once
                Map<String, List<SiteFarm.Request>> byHost = farm.requestsByHost();
                int handedOverAfterKill = 0;
                for (Map.Entry<String, List<SiteFarm.Request>> e : byHost.entrySet()) {
                    List<SiteFarm.Request> rs = new ArrayList<>(e.getValue());
                    rs.sort((x, y) -> Long.compare(x.nanos(), y.nanos()));
                    List<String> turns = new ArrayList<>();
                    for (int i = 0; i < rs.size(); i++) {
                        if (i > 0) {
                            long gapMs = (rs.get(i).nanos() - rs.get(i - 1).nanos()) / 1_000_000;
                            assertThat(gapMs).as("gap between requests %d and %d to %s (%s then %s)", i - 1, i, e.getKey(),
                                    who(rs.get(i - 1)), who(rs.get(i))).isGreaterThanOrEqualTo(DELAY.toMillis() * 9 / 10);
                        }
                        String w = who(rs.get(i));
                        if (turns.isEmpty() || !turns.get(turns.size() - 1).equals(w)) {
                            turns.add(w);
                        }
                    }
                    // A then B at most twice over: once when B joined, once when A died
                    assertThat(turns.size()).as("turns of the instances at %s: %s", e.getKey(), turns).isLessThanOrEqualTo(3);
                    if (rs.stream().anyMatch(r -> who(r).equals("A")) && rs.stream().anyMatch(r -> who(r).equals("B") && r.nanos() > killedAt)) {
                        handedOverAfterKill++;
                    }
                }
                assertThat(handedOverAfterKill).as("hosts A crawled that B finished after A was killed").isGreaterThan(0);

                // every report published, one version each, none missed
                List<ConsumerRecord<String, byte[]>> raw = TopicReader.all(kafka.bootstrap(), Topics.REPORTS_RAW);
                Map<String, Set<String>> shasByUrl = new TreeMap<>();
                Map<String, Integer> recordsByUrlAndSha = new HashMap<>();
                for (ConsumerRecord<String, byte[]> r : raw) {
                    RawReport report = WireSerdes.RAW_REPORT.deserializer().deserialize(Topics.REPORTS_RAW, r.value());
                    shasByUrl.computeIfAbsent(r.key(), k -> new HashSet<>()).add(report.sha256());
                    recordsByUrlAndSha.merge(r.key() + " " + report.sha256(), 1, Integer::sum);
                }
                Set<String> expected = new HashSet<>();
                for (SiteFarm.Site s : farm.sites()) {
                    for (int n = 1; n <= s.reports(); n++) {
                        expected.add(s.articleUrl(n));
                    }
                }
                assertThat(shasByUrl.keySet()).as("report URLs on reports.raw").isEqualTo(expected);
                assertThat(shasByUrl.values()).as("versions per report").allMatch(v -> v.size() == 1);
                long repeated = recordsByUrlAndSha.values().stream().filter(n -> n > 1).count();
                System.out.printf("shared crawl: %d reports on %d hosts, %d hosts finished by B after A was killed, %d records in all, "
                        + "%d URL+sha written twice%n", reports, SITES, handedOverAfterKill, raw.size(), repeated);
                // a report is acknowledged before its URL state is written; a SIGKILL between the two (one article per
                // worker of the killed instance at most) leaves the survivor without that state, and it writes the same
                // URL+sha again: the compacted topic keeps one, and the processor sees an unchanged text
                assertThat(repeated).as("URL+sha written twice (at most one per worker of the killed instance)")
                        .isLessThanOrEqualTo(WORKERS);
            }
        }
    }

    private static Map<String, String> settings(String name) {
        Map<String, String> m = new HashMap<>();
        m.put("ingest.host.delay", DELAY.toMillis() + "ms");
        m.put("ingest.workers", Integer.toString(WORKERS));
        m.put("ingest.group", "shared-crawl-it");
        m.put("ingest.session.timeout", "6s");
        m.put("ingest.assign.settle", "2s");
        m.put("ingest.user.agent", "rectify-watch test instance " + name);
        return m;
    }

    private static String who(SiteFarm.Request r) {
        return r.userAgent().substring(r.userAgent().length() - 1);
    }

    private static long hostsAskedBy(SiteFarm farm, String instance) {
        return farm.sites().stream().filter(s -> s.requests().stream().anyMatch(r -> who(r).equals(instance))).count();
    }

    /** Hosts whose pass the instance got through (its oldest report asked: the list is newest first). */
    private static long finishedHostsOf(SiteFarm farm, String instance) {
        return farm.sites().stream().filter(s -> s.requests().stream()
                .anyMatch(r -> who(r).equals(instance) && r.path().equals("/xsxc/art_1.html"))).count();
    }

    private static boolean finished(List<SiteFarm.Request> rs) {
        return rs.stream().anyMatch(r -> r.path().equals("/xsxc/art_1.html"));
    }

    private static void await(BooleanSupplier done, Duration timeout, String what, ChildPipeline a, ChildPipeline b)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "\n--- A ---\n" + tail(a.log()) + "\n--- B ---\n" + tail(b.log()));
            }
            Thread.sleep(100);
        }
    }

    private static String tail(String log) {
        return log.length() > 6000 ? log.substring(log.length() - 6000) : log;
    }
}
