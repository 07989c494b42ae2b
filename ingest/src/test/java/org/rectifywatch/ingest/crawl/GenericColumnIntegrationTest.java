package org.rectifywatch.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rectifywatch.ingest.profile.UrlProfiles;
import org.rectifywatch.ingest.testutil.StubSite;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.samples.site.SampleSite;
import org.rectifywatch.samples.site.SiteArticle;

/**
 * A column no profile describes, crawled from its URL alone (a profile built by {@link UrlProfiles}, as
 * {@code pipeline ingest --url} builds it) through the real local Kafka: the sample site's 通知公告 column, then
 * stub columns whose pagination loops, never ends or repeats itself.
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenericColumnIntegrationTest {
    private static LocalKafka kafka;
    private static SampleSite site;

    @BeforeAll
    static void start() {
        kafka = SharedStack.kafka();
        site = SampleSite.start();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static Crawler crawler(String url, int maxPages) {
        return new Crawler(CrawlerIntegrationTest.config(kafka.bootstrap()), UrlProfiles.of(List.of(url), maxPages));
    }

    @Test
    @Order(1)
    void theColumnUrlAloneGivesItsReportsVerbatimAndNothingElse() {
        List<SiteArticle> reports = site.plainReports();
        assertThat(reports).hasSize(2);
        PassSummary s;
        try (Crawler crawler = crawler(site.url() + SampleSite.PLAIN_COLUMN, UrlProfiles.DEFAULT_MAX_PAGES)) {
            assertThat(crawler.profiles()).singleElement().satisfies(p -> {
                assertThat(p.name()).isEqualTo("127.0.0.1");
                assertThat(p.allowedHosts()).containsExactly("127.0.0.1");
            });
            s = crawler.runOnce();
        }
        assertThat(s.published()).isEqualTo(reports.size());
        assertThat(s.notices() + s.changed() + s.unchanged() + s.errors()).isZero();
        assertThat(s.skipped()).isEmpty();

        Map<String, RawReport> byUrl = KafkaRecords.raw(kafka.bootstrap(), site.url()).stream()
                .collect(Collectors.toMap(RawReport::url, Function.identity(), (a, b) -> b));
        assertThat(byUrl).hasSize(reports.size());
        for (SiteArticle a : reports) {
            RawReport r = byUrl.get(site.url() + a.path());
            assertThat(r).as(a.name()).isNotNull();
            assertThat(r.kind()).isEqualTo(RawReport.REPORT);
            assertThat(r.site()).isEqualTo("127.0.0.1");
            assertThat(r.title()).isEqualTo(a.title());
            assertThat(r.pageDate()).isEqualTo(a.pageDate());
            assertThat(r.text()).as(a.name()).isEqualTo(a.text());
            assertThat(r.sha256()).isEqualTo(Hashes.sha256(a.text()));
        }
        // both list pages (the count is in a script variable), the two reports (one listed under a title cut short),
        // and nothing else: not the notices and the 动员会 the title filter drops, not the side bar's reports of the
        // 巡视巡察 column, not a third list page
        Set<String> requested = site.requests().stream().map(SampleSite.Request::path).collect(Collectors.toSet());
        assertThat(requested).containsExactlyInAnyOrder("/robots.txt", "/xxgk/tzgg/index.html", "/xxgk/tzgg/index_1.html",
                reports.get(0).path(), reports.get(1).path());
        assertThat(site.plainColumn()).filteredOn(a -> a.kind() != SiteArticle.Kind.REPORT).hasSize(5);
    }

    @Test
    @Order(2)
    void aSecondPassWithANewCrawlerAsksConditionallyAndPublishesNothing() {
        int before = KafkaRecords.raw(kafka.bootstrap(), site.url()).size();
        site.clearLog();
        PassSummary s;
        try (Crawler crawler = crawler(site.url() + SampleSite.PLAIN_COLUMN, UrlProfiles.DEFAULT_MAX_PAGES)) {
            s = crawler.runOnce();
        }
        assertThat(s.published() + s.changed()).isZero();
        assertThat(s.notModified()).isEqualTo(2);
        for (SiteArticle a : site.plainReports()) {
            assertThat(site.requests(a.path())).as(a.name()).singleElement().matches(r -> r.status() == 304 && r.conditional());
        }
        assertThat(KafkaRecords.raw(kafka.bootstrap(), site.url())).hasSize(before);
    }

    @Test
    @Order(3)
    void anEditedReportOnTheColumnIsPublishedAgain() {
        SiteArticle a = site.plainReports().get(1);
        String edited = a.text() + "\n（2026年12月补充）县委已完成剩余耕地复耕任务。";
        site.editArticle(a.name(), edited);
        PassSummary s;
        try (Crawler crawler = crawler(site.url() + SampleSite.PLAIN_COLUMN, UrlProfiles.DEFAULT_MAX_PAGES)) {
            s = crawler.runOnce();
        }
        assertThat(s.changed()).isEqualTo(1);
        assertThat(s.published()).isZero();
        RawReport latest = KafkaRecords.raw(kafka.bootstrap(), site.url() + a.path()).stream().reduce((x, y) -> y).orElseThrow();
        assertThat(latest.text()).isEqualTo(edited);
    }

    private static String listPage(String nextHref, String... reportPaths) {
        StringBuilder b = new StringBuilder("<html><body><ul class=\"list\">");
        int i = 0;
        for (String p : reportPaths) {
            b.append("<li><a href=\"").append(p).append("\">中共示例").append(++i).append("县委关于市委巡察整改情况的通报</a>")
                    .append("<span>2025-06-1").append(i).append("</span></li>");
        }
        b.append("<li><a href=\"/news/1.html\">示例新闻</a><span>2025-06-01</span></li></ul>");
        if (nextHref != null) {
            b.append("<div class=\"page\"><a href=\"").append(nextHref).append("\">下一页</a></div>");
        }
        return b.append("</body></html>").toString();
    }

    @Test
    @Order(4)
    void discoveredPaginationNeverLoops() {
        try (StubSite stub = StubSite.start()) {
            // a cycle: page 2's 下一页 leads back to page 1
            stub.html("/cycle/index.html", listPage("p2.html", "/cycle/a1.html"))
                    .html("/cycle/p2.html", listPage("index.html", "/cycle/a2.html"));
            // a chain that never ends
            stub.html("/chain/list.jsp", q -> {
                int n = q == null ? 1 : Integer.parseInt(q.replace("page=", ""));
                return listPage("list.jsp?page=" + (n + 1), "/chain/a" + n + ".html");
            });
            // a server that answers every page number beyond the last with the last page again
            stub.html("/repeat/list.jsp", q -> {
                int n = q == null ? 1 : Integer.parseInt(q.replace("page=", ""));
                return listPage("list.jsp?page=" + (n + 1), "/repeat/a" + Math.min(n, 2) + ".html");
            });
            try (Crawler crawler = new Crawler(CrawlerIntegrationTest.config(kafka.bootstrap()),
                    UrlProfiles.of(List.of(stub.url() + "/cycle/index.html", stub.url() + "/chain/list.jsp",
                            stub.url() + "/repeat/list.jsp"), 4))) {
                crawler.runOnce();
            }
            List<String> requests = stub.requests();
            assertThat(requests.stream().filter(p -> p.startsWith("/cycle/index") || p.equals("/cycle/p2.html")))
                    .containsExactly("/cycle/index.html", "/cycle/p2.html");
            assertThat(requests.stream().filter(p -> p.equals("/chain/list.jsp"))).as("bounded by the max pages").hasSize(4);
            assertThat(requests.stream().filter(p -> p.equals("/repeat/list.jsp"))).as("page 3 repeats page 2").hasSize(3);
            assertThat(requests).doesNotContain("/news/1.html");
        }
    }
}
