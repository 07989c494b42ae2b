package org.rectifywatch.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.rectifywatch.app.reliability.ReliabilityRow.Builder;
import org.rectifywatch.ingest.IngestConfig;
import org.rectifywatch.ingest.crawl.Crawler;
import org.rectifywatch.ingest.crawl.PassSummary;
import org.rectifywatch.ingest.profile.SampleSiteProfile;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.Topics;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.samples.SampleReports;
import org.rectifywatch.samples.site.SampleSite;

/**
 * Faults 4 and 5, and the crawler's allow-list, with the processor and the sink running so recovery is checked in
 * Elasticsearch: a crawler closed mid-pass and replaced; the sample site down, answering 500s, and stalling.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrawlerFaultsIT {
    private LocalKafka kafka;
    private Stages stages;
    private long siteIssues;

    @BeforeAll
    void start() throws Exception {
        kafka = LocalKafka.startTemporary();
        kafka.createPipelineTopics();
        stages = new Stages("crawl", kafka.bootstrap(), SharedStack.elasticsearch().url())
                .with("ingest.host.delay", "100ms").with("ingest.connect.timeout", "1s").with("ingest.read.timeout", "1s")
                .with("ingest.retries", "2").with("ingest.backoff.base", "200ms").with("ingest.backoff.max", "2s")
                .with("ingest.max.retry.after", "5s");
        stages.startProcessor();
        stages.startSink();
        // these scenarios crawl the 巡视巡察 column with its profile: the samples of the 通知公告 column (no profile) are not crawled
        siteIssues = SampleReports.all().stream().filter(x -> x.column().equals(SampleReports.MAIN_COLUMN))
                .mapToLong(x -> Json.read(x.expectedJson(), JsonNode.class).get("issue_count").asLong()).sum();
    }

    @AfterAll
    void stop() {
        if (stages != null) {
            stages.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private Crawler crawler(SampleSite site) {
        return new Crawler(IngestConfig.from(stages.config()), List.of(SampleSiteProfile.of(site.url())));
    }

    @Test
    @Order(1)
    void crawlerRestartedMidPassPublishesEveryReportOnce() throws Exception {
        Builder row = new Builder("f4-crawler-restart", "Faults", "Crawler stopped mid-pass and a new crawler instance started");
        try (SampleSite site = SampleSite.start()) {
            Crawler first = crawler(site);
            CompletableFuture<PassSummary> pass = CompletableFuture.supplyAsync(first::runOnce);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (rawCount(site) < 4 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            first.close(); // stops at the next article, after the current one is published and its state saved
            PassSummary a = pass.get(1, TimeUnit.MINUTES);
            PassSummary b;
            try (Crawler second = crawler(site)) {
                b = second.runOnce();
            }
            Map<String, Integer> perUrl = TopicReader.perKey(TopicReader.all(kafka.bootstrap(), Topics.REPORTS_RAW), r -> r.key(), site.url() + "/");
            // the site's feedback announcements go to reports.raw too (kind feedback_notice); they are not reports
            Map<String, Integer> reportsPerUrl = new TreeMap<>(perUrl);
            site.notices().forEach(n -> reportsPerUrl.remove(site.url() + n.path()));
            long issues = Stages.awaitStable(() -> stages.issues(site.url() + "/"), siteIssues, Duration.ofMinutes(2));
            row.outcome("The first crawler was closed after publishing " + a.published() + " of " + site.reports().size()
                            + " reports; the new instance read crawl.state, skipped what was already published (" + b.unchanged()
                            + " unchanged, " + b.notModified() + " answered 304) and published the rest.")
                    .count("reports published by the two passes", site.reports().size(), a.published() + b.published())
                    .count("first pass stopped mid-way (1 = yes)", 1, a.published() > 0 && a.published() < site.reports().size() ? 1 : 0)
                    .count("reports on reports.raw", site.reports().size(), reportsPerUrl.size())
                    .count("feedback notices on reports.raw", site.notices().size(), perUrl.size() - reportsPerUrl.size())
                    .count("reports on reports.raw more than once", 0, TopicReader.duplicates(perUrl))
                    .count("issue documents", siteIssues, issues);
            finish(row, "crawlerRestartedMidPassPublishesEveryReportOnce");
        }
    }

    @Test
    @Order(2)
    void siteDownFailingOrStallingIsCountedAndFullyRecovered() throws Exception {
        Builder row = new Builder("f5-site-down-500-stall", "Faults",
                "Sample site answering 500s, then unreachable, then stalling past the read timeout, then back");
        try (SampleSite site = SampleSite.start(); Crawler crawler = crawler(site)) {
            String list = "/xsxc/index.html";
            site.setFailWith500(true);
            PassSummary failing = crawler.runOnce();
            List<SampleSite.Request> tries = site.requests(list);
            long gap1 = tries.size() > 1 ? (tries.get(1).nanos() - tries.get(0).nanos()) / 1_000_000 : -1;
            long gap2 = tries.size() > 2 ? (tries.get(2).nanos() - tries.get(1).nanos()) / 1_000_000 : -1;
            site.setFailWith500(false);

            site.setDown(true);
            PassSummary down = crawler.runOnce();
            site.setDown(false);

            site.setStallMillis(1500);
            PassSummary stalled = crawler.runOnce();
            site.setStallMillis(0);

            PassSummary back = crawler.runOnce();
            // this site serves the same reports as the first scenario's site (another port): its pages are their mirrors
            String pages = site.url() + "/";
            long reports = Stages.awaitStable(() -> stages.reports(pages) + stages.count("reports", "mirrors.url", pages),
                    site.reports().size(), Duration.ofMinutes(2));
            Map<String, Integer> perUrl = TopicReader.perKey(TopicReader.all(kafka.bootstrap(), Topics.REPORTS_RAW), r -> r.key(), site.url() + "/");
            row.outcome(String.format("500s: the list page was tried 3 times with backoff (gaps %d ms, %d ms), skipped as http_status, "
                            + "counted as an error. Down: skipped as network. Stall: skipped as timeout. Nothing was published "
                            + "meanwhile and the crawler never threw; the next pass published every report (%s).", gap1, gap2, back.line()))
                    .count("list page attempts while failing (1 + 2 retries)", 3, tries.size())
                    .count("backoff before each retry ≥ 100 ms (jittered 200 ms·2^n) (1 = yes)", 1, gap1 >= 100 && gap2 >= 200 ? 1 : 0)
                    .count("500s: http_status skips", 1, failing.skipped("http_status"))
                    .count("down: network skips", 1, down.skipped("network"))
                    .count("stall: timeout skips", 1, stalled.skipped("timeout"))
                    .count("errors counted in the three failing passes", 3, failing.errors() + down.errors() + stalled.errors())
                    .count("published while failing", 0, failing.published() + down.published() + stalled.published())
                    .count("published after recovery", site.reports().size(), back.published())
                    .count("reports on reports.raw more than once", 0, TopicReader.duplicates(perUrl))
                    .count("reports indexed for the site's pages after recovery (as owner or mirror)", site.reports().size(), reports);
            finish(row, "siteDownFailingOrStallingIsCountedAndFullyRecovered");
        }
    }

    @Test
    @Order(3)
    void aProfileThatDoesNotNameLoopbackCannotFetchIt() throws Exception {
        Builder row = new Builder("s1-allow-list-loopback", "Security",
                "A profile whose allowed_hosts does not name 127.0.0.1 pointed at the loopback sample site");
        try (SampleSite site = SampleSite.start()) {
            SiteProfile profile = SampleSiteProfile.of(site.url()).withAllowedHosts(List.of("www.example.gov.cn", "*.gov.cn"));
            PassSummary s;
            try (Crawler crawler = new Crawler(IngestConfig.from(stages.config()), List.of(profile))) {
                s = crawler.runOnce();
            }
            long refused = s.skipped("private_address") + s.skipped("not_allowed_host");
            row.outcome("Refused before any connection (" + s.line() + "); the site saw no request. Redirects off the allow-list, "
                            + "private/loopback addresses and the host list itself are also covered by ingest's AllowListTest and "
                            + "CrawlFaultsIntegrationTest (redirect_refused).")
                    .count("list page refused", 1, refused)
                    .count("requests the site received", 0, site.requests().size())
                    .count("reports published", 0, s.published());
            finish(row, "aProfileThatDoesNotNameLoopbackCannotFetchIt");
        }
    }

    private long rawCount(SampleSite site) {
        return TopicReader.perKey(TopicReader.all(kafka.bootstrap(), Topics.REPORTS_RAW), r -> r.key(), site.url() + "/").size();
    }

    private void finish(Builder row, String method) {
        ReliabilityRow r = row.build(getClass().getSimpleName() + "#" + method);
        r.write(ReliabilityRow.DEFAULT_DIR);
        assertThat(r.counts()).allSatisfy(x -> assertThat(x.actual()).as(x.what()).isEqualTo(x.expected()));
    }
}
