package org.rectifywatch.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.profile.Pagination;
import org.rectifywatch.ingest.profile.SampleSiteProfile;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.profile.TitleFilter;
import org.rectifywatch.ingest.testutil.StubSite;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.samples.site.SampleSite;

/**
 * One pass over four sites on loopback: a site whose list page redirects with a malformed Location header, a
 * site serving the CCDI-style anti-bot cookie page for its list URL, a site whose profile makes the list parser
 * throw, and the normal sample site last. Each failure is one counted error of its own site; the sample site
 * is still crawled in the same pass.
 */
@Tag("integration")
class CrawlIsolationIntegrationTest {
    /** The shape of CCDI's C3VK page (a script that sets a cookie and redirects with window.open), not the real bytes. */
    static final String COOKIE_WALL = "<script>var _$abcd=[\"\\x64\\x6f\\x63\\x75\\x6d\\x65\\x6e\\x74\"];"
            + "window.open(\"/waf/index.html?r=1\", \"_self\");window[_$abcd[0]].cookie=\"C3VK=a1b2c3; path=/; max-age=300;\"</script>";

    private static SiteProfile stub(String name, String siteUrl, List<String> paths, String linkSelector) {
        return new SiteProfile(name, "trs-wcm", true, false, "stub site for isolation", paths.stream().map(p -> siteUrl + p).toList(),
                new Pagination(Pagination.Kind.INDEX_N, null, 1), 1, 1, linkSelector, null, List.of(), List.of(), List.of(),
                TitleFilter.defaults(), true, null, "1m", List.of("127.0.0.1"));
    }

    @Test
    void aBrokenSiteIsOneCountedErrorAndThePassGoesOn() {
        LocalKafka kafka = SharedStack.kafka();
        try (StubSite bad = StubSite.start(); SampleSite site = SampleSite.start()) {
            bad.redirect("/bad/index.html", 302, "http://www.example .gov.cn/xsxc/index.html")
                    .html("/waf/index.html", COOKIE_WALL)
                    .html("/waf/other.html", "<html><body><a href='/x/202501/t20250101_1.html'>x</a></body></html>")
                    .html("/odd/index.html", "<html><body><ul><li><a href='/odd/202501/t20250101_2.html'>关于巡视整改进展情况的通报</a>"
                            + "</li></ul></body></html>");
            List<SiteProfile> profiles = List.of(
                    stub("bad-redirect", bad.url(), List.of("/bad/index.html"), null),
                    stub("anti-bot", bad.url(), List.of("/waf/index.html", "/waf/other.html"), null),
                    stub("bad-selector", bad.url(), List.of("/odd/index.html"), "ul[[li"),
                    SampleSiteProfile.of(site.url()));
            try (Crawler crawler = new Crawler(CrawlerIntegrationTest.config(kafka.bootstrap()), profiles)) {
                PassSummary s = crawler.runOnce();
                // the malformed redirect: one bad_redirect skip; the anti-bot list page: one challenge skip and the
                // rest of that site left for the next pass; the parser failure: one error; plus the sample site's
                // own challenge article
                assertThat(s.skipped("bad_redirect")).isEqualTo(1);
                assertThat(s.skipped("challenge")).isEqualTo(2);
                assertThat(s.errors()).isEqualTo(4);
                assertThat(bad.requests()).contains("/bad/index.html", "/waf/index.html", "/odd/index.html")
                        .doesNotContain("/waf/other.html");
                // the site after them was crawled in full in the same pass
                assertThat(s.published() + s.notices() + s.unchanged()).isEqualTo(site.reports().size() + site.notices().size());
                List<RawReport> published = KafkaRecords.raw(kafka.bootstrap(), site.url());
                assertThat(published).filteredOn(r -> !RawReport.isFeedbackNotice(r)).hasSize(site.reports().size());
                assertThat(published).filteredOn(RawReport::isFeedbackNotice).hasSize(site.notices().size());
            }
        }
    }
}
