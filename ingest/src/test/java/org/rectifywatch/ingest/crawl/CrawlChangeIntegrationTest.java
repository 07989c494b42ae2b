package org.rectifywatch.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.extract.Judgement;
import org.rectifywatch.ingest.profile.SampleSiteProfile;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.profile.TitleFilter;
import org.rectifywatch.ingest.state.CrawlStateStore;
import org.rectifywatch.ingest.state.UrlState;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.wire.RawReport;

/**
 * What a pass notices on a site whose every page has its own ETag: an edit on a continuation page of a split article
 * while its first page answers 304, and a title filter changed since a page was judged not a report. Each pass that
 * expects nothing new asks only conditional GETs, also after a restart (the state comes back from crawl.state).
 */
@Tag("integration")
class CrawlChangeIntegrationTest {
    private static final String TITLE = "中共示例县委关于市委巡察整改情况的通报";
    private static final String FIRST = "/m/202503/t20250301_7.html";
    private static final String SECOND = "/m/202503/t20250301_7_1.html";
    private static final String THIRD = "/m/202503/t20250301_7_2.html";

    private static String paragraph(String lead, int n) {
        return lead + "（第" + n + "段）要坚持问题导向，举一反三，建立健全长效机制，对照问题清单逐项研究，明确牵头领导和责任单位，"
                + "实行销号管理，做到问题不解决不松劲、整改不到位不收兵，确保件件有着落、事事有回音，以整改实效推动各项工作高质量发展。";
    }

    /** A page of a split article in the sample site's TRS layout, with its TRS pager. */
    private static String part(int index, String... paragraphs) {
        String page = CrawlerNoticeIntegrationTest.page(TITLE, "2025-03-01", paragraphs);
        String pager = "<div class=\"page\"><script>createPageHTML_ZW(3, " + index + ", \"t20250301_7\", \"html\");</script></div>";
        return page.replace("</div></div></body>", "</div>" + pager + "</div></body>");
    }

    private static List<String> texts(String... paragraphs) {
        return List.of(paragraphs);
    }

    private static Map<String, RawReport> latest(LocalKafka kafka, String prefix) {
        return KafkaRecords.raw(kafka.bootstrap(), prefix).stream()
                .collect(Collectors.toMap(RawReport::url, Function.identity(), (a, b) -> b));
    }

    private static PassSummary pass(LocalKafka kafka, SiteProfile profile) {
        try (Crawler crawler = new Crawler(CrawlerIntegrationTest.config(kafka.bootstrap()), List.of(profile))) {
            return crawler.runOnce();
        }
    }

    @Test
    void anEditOnAContinuationPageIsPublishedThoughTheFirstPageAnswers304() {
        LocalKafka kafka = SharedStack.kafka();
        // every page holds enough text not to look like a challenge page
        List<String> one = texts("根据市委统一部署，市委第二巡察组对示例县开展了常规巡察，并反馈了巡察意见。",
                paragraph("一、关于落实主体责任不到位问题的整改情况", 1), paragraph("二、关于意识形态问题的整改情况", 2));
        List<String> two = texts(paragraph("三、关于选人用人问题的整改情况", 3), paragraph("四、关于作风建设问题的整改情况", 4));
        List<String> three = new ArrayList<>(texts(paragraph("五、下一步工作打算", 5), paragraph("欢迎广大干部群众对巡察整改落实情况进行监督。", 6)));
        try (EtagSite site = new EtagSite()) {
            site.put("/m/index.html", "<html><head><meta charset=\"utf-8\"></head><body><ul class=\"list_news_dl2\"><li><a href=\""
                    + FIRST + "\" title=\"" + TITLE + "\">" + TITLE + "</a><span class=\"more\">2025-03-01</span></li></ul></body></html>");
            site.put(FIRST, part(0, one.toArray(String[]::new))).put(SECOND, part(1, two.toArray(String[]::new)))
                    .put(THIRD, part(2, three.toArray(String[]::new)));
            SiteProfile profile = SampleSiteProfile.column("multipage-etag", site.url(), "/m/index.html", 1);
            String url = site.url() + FIRST;

            try (Crawler crawler = new Crawler(CrawlerIntegrationTest.config(kafka.bootstrap()), List.of(profile))) {
                PassSummary first = crawler.runOnce();
                assertThat(first.published()).isEqualTo(1);
                List<String> all = new ArrayList<>(one);
                all.addAll(two);
                all.addAll(three);
                assertThat(latest(kafka, url).get(url).text()).isEqualTo(String.join("\n", all));
                assertThat(stateOf(kafka, url).parts()).containsExactly(site.url() + SECOND, site.url() + THIRD);
                assertThat(stateOf(kafka, site.url() + THIRD).sha256()).isEqualTo(Hashes.sha256(String.join("\n", three)));

                // nothing changed: one conditional GET per page, all 304
                site.clearLog();
                PassSummary quiet = crawler.runOnce();
                assertThat(quiet.notModified()).isEqualTo(1);
                assertThat(quiet.published() + quiet.changed() + quiet.unchanged()).isZero();
                assertThat(site.requests()).filteredOn(r -> r.path().startsWith("/m/2025"))
                        .containsExactly(new EtagSite.Request(FIRST, true, 304), new EtagSite.Request(SECOND, true, 304),
                                new EtagSite.Request(THIRD, true, 304));

                // the last page is edited, the first is not: the article is fetched again and published once more
                three.set(1, paragraph("（2025年6月补充）新增整改措施一项。", 6));
                site.put(THIRD, part(2, three.toArray(String[]::new)));
                int records = KafkaRecords.raw(kafka.bootstrap(), url).size();
                site.clearLog();
                PassSummary edited = crawler.runOnce();
                assertThat(edited.changed()).isEqualTo(1);
                assertThat(edited.notModified() + edited.published() + edited.unchanged()).isZero();
                assertThat(KafkaRecords.raw(kafka.bootstrap(), url)).hasSize(records + 1);
                all = new ArrayList<>(one);
                all.addAll(two);
                all.addAll(three);
                assertThat(latest(kafka, url).get(url).text()).isEqualTo(String.join("\n", all)).contains("新增整改措施一项");
                // the first page asked conditionally then fetched whole; the edited page fetched once and reused
                assertThat(site.requests(FIRST)).containsExactly(new EtagSite.Request(FIRST, true, 304), new EtagSite.Request(FIRST, false, 200));
                assertThat(site.requests(THIRD)).containsExactly(new EtagSite.Request(THIRD, true, 200));

                // a new ETag on the middle page with the same text: its hash is unchanged, nothing is published
                site.touch(SECOND);
                site.clearLog();
                PassSummary touched = crawler.runOnce();
                assertThat(touched.notModified()).isEqualTo(1);
                assertThat(touched.published() + touched.changed() + touched.unchanged()).isZero();
                assertThat(KafkaRecords.raw(kafka.bootstrap(), url)).hasSize(records + 1);
                assertThat(site.requests(FIRST)).containsExactly(new EtagSite.Request(FIRST, true, 304));
                assertThat(site.requests(SECOND)).containsExactly(new EtagSite.Request(SECOND, true, 200));
            }

            // a new crawler reads every page's validators back from crawl.state
            site.clearLog();
            PassSummary restarted = pass(kafka, profile);
            assertThat(restarted.notModified()).isEqualTo(1);
            assertThat(restarted.published() + restarted.changed() + restarted.unchanged()).isZero();
            assertThat(site.requests()).filteredOn(r -> r.path().startsWith("/m/2025"))
                    .containsExactly(new EtagSite.Request(FIRST, true, 304), new EtagSite.Request(SECOND, true, 304),
                            new EtagSite.Request(THIRD, true, 304));
        }
    }

    @Test
    void aPageJudgedNotAReportIsJudgedAgainWhenTheTitleFilterChangesAndOnlyThen() {
        LocalKafka kafka = SharedStack.kafka();
        // no include pattern of the default filter matches this title: not a report under filter A
        String title = "示例县关于市委巡察反馈问题整改工作情况";
        String path = "/j/202504/t20250402_8.html";
        try (EtagSite site = new EtagSite()) {
            site.put("/j/index.html", "<html><head><meta charset=\"utf-8\"></head><body><ul class=\"list_news_dl2\"><li><a href=\""
                    + path + "\" title=\"" + title + "\">" + title + "</a><span class=\"more\">2025-04-02</span></li></ul></body></html>");
            site.put(path, CrawlerNoticeIntegrationTest.page(title, "2025-04-02",
                    "根据市委统一部署，市委第一巡察组对示例县开展了常规巡察。", paragraph("一、关于落实主体责任不到位问题的整改情况", 1),
                    paragraph("二、关于作风建设问题的整改情况", 2)));
            SiteProfile a = SampleSiteProfile.column("rejudge", site.url(), "/j/index.html", 1);
            List<String> include = new ArrayList<>(TitleFilter.DEFAULT_INCLUDE);
            include.add("(巡视|巡察)反馈问题整改工作情况");
            SiteProfile b = withFilter(a, new TitleFilter(include, null));
            String url = site.url() + path;

            PassSummary first = pass(kafka, a);
            assertThat(first.skipped()).containsEntry("not_a_report", 1);
            assertThat(first.published()).isZero();
            assertThat(stateOf(kafka, url)).extracting(UrlState::sha256, UrlState::judgement)
                    .containsExactly(null, Judgement.of(a.titleFilter()));

            // filter unchanged, a new crawler: the conditional GET alone, answered 304, no judging
            site.clearLog();
            PassSummary same = pass(kafka, a);
            assertThat(same.notModified()).isEqualTo(1);
            assertThat(same.skipped()).isEmpty();
            assertThat(site.requests(path)).containsExactly(new EtagSite.Request(path, true, 304));

            // filter B takes the title for a report: the page is fetched whole and published
            site.clearLog();
            PassSummary changed = pass(kafka, b);
            assertThat(changed.published()).isEqualTo(1);
            assertThat(site.requests(path)).containsExactly(new EtagSite.Request(path, false, 200));
            RawReport r = latest(kafka, url).get(url);
            assertThat(r.kind()).isEqualTo(RawReport.REPORT);
            assertThat(r.title()).isEqualTo(title);
            assertThat(stateOf(kafka, url)).extracting(UrlState::sha256, UrlState::judgement)
                    .containsExactly(r.sha256(), Judgement.of(b.titleFilter()));
            assertThat(Judgement.of(b.titleFilter())).isNotEqualTo(Judgement.of(a.titleFilter()));

            // and once judged under B, a conditional GET again
            site.clearLog();
            PassSummary after = pass(kafka, b);
            assertThat(after.notModified()).isEqualTo(1);
            assertThat(after.published() + after.changed()).isZero();
            assertThat(site.requests(path)).containsExactly(new EtagSite.Request(path, true, 304));
            assertThat(KafkaRecords.raw(kafka.bootstrap(), url)).hasSize(1);
        }
    }

    /** The URL's state as a new crawler would read it from crawl.state. */
    private static UrlState stateOf(LocalKafka kafka, String url) {
        return CrawlStateStore.load(CrawlerIntegrationTest.config(kafka.bootstrap()).kafka(), Duration.ofSeconds(30)).get(url).orElseThrow();
    }

    private static SiteProfile withFilter(SiteProfile p, TitleFilter filter) {
        return new SiteProfile(p.name(), p.family(), p.enabled(), p.verified(), p.description(), p.startUrls(), p.pagination(),
                p.listPages(), p.backfillDepth(), p.linkSelector(), p.articleUrlPattern(), p.titleSelectors(), p.dateSelectors(),
                p.bodySelectors(), filter, p.stripBoilerplate(), p.charset(), p.pollInterval(), p.allowedHosts());
    }
}
