package org.rectifywatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.profile.SampleSiteProfile;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.samples.SampleNotices;
import org.rectifywatch.samples.SampleReports;
import org.rectifywatch.samples.site.SampleSite;
import org.rectifywatch.samples.site.SiteArticle;

/** The sample site's feedback announcements: listed on the column the crawler walks, served, and seen as notices. */
class SampleSiteNoticesTest {
    private static final HttpClient http = HttpClient.newHttpClient();
    private static SampleSite site;
    private static SiteProfile profile;

    @BeforeAll
    static void start() {
        site = SampleSite.start();
        profile = SampleSiteProfile.of(site.url());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static byte[] get(String url) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 429) { // the site's throttled article answers its first request so
            r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

    /** Every link of the column, as the crawler's profile walks it: URL to link title. */
    private static Map<String, String> columnLinks() throws Exception {
        Map<String, String> links = new LinkedHashMap<>();
        for (int n = 0; n < profile.listPages(); n++) {
            String url = profile.pagination().pageUrl(profile.startUrls().get(0), n).orElseThrow();
            ListPage list = ListPage.parse(new String(get(url), StandardCharsets.UTF_8), url, profile);
            assertThat(list.totalPages()).isEqualTo(profile.listPages());
            list.links().forEach(l -> links.put(l.url(), l.title()));
        }
        return links;
    }

    @Test
    void theColumnListsEveryNoticeAndEveryReport() throws Exception {
        assertThat(site.notices()).hasSize(SampleNotices.all().size()).hasSize(5);
        // 12 reports as articles, 2 as files (PDF, DOCX) under one-line articles; the two other samples are on the
        // 通知公告 column, which no profile describes
        assertThat(site.reports()).hasSize(SampleReports.all().size() - site.plainReports().size()).hasSize(14);
        Map<String, String> links = columnLinks();
        // and 4 other items (2 noise, a challenge, a robots-disallowed page) and a scanned report
        assertThat(links).hasSize(24);
        for (SiteArticle n : site.notices()) {
            assertThat(links).as(n.name()).containsEntry(site.url() + n.path(), n.title());
            assertThat(PageClass.ofTitle(profile.titleFilter(), links.get(site.url() + n.path())).kind())
                    .as(n.name()).isEqualTo(PageClass.Kind.FEEDBACK_NOTICE);
        }
        for (SiteArticle r : site.reports()) {
            assertThat(links).as(r.name()).containsKey(site.url() + r.path());
        }
        List<PageClass.Kind> noise = new ArrayList<>();
        for (SiteArticle a : site.articles()) {
            if (a.kind() == SiteArticle.Kind.NOISE && a.layout() != SiteArticle.Layout.PLAIN) {
                noise.add(PageClass.ofTitle(profile.titleFilter(), links.get(site.url() + a.path())).kind());
            }
        }
        assertThat(noise).containsExactly(PageClass.Kind.NOISE, PageClass.Kind.NOISE);
    }

    @Test
    void everyNoticePageIsAFeedbackNoticeWithItsTextAndDate() throws Exception {
        for (SiteArticle n : site.notices()) {
            String url = site.url() + n.path();
            PageView v = PageInspector.inspect(get(url), "text/html; charset=utf-8", url, profile);
            assertThat(v.kind()).as(n.name()).isEqualTo(PageView.Kind.FEEDBACK_NOTICE);
            assertThat(v.title()).as(n.name()).isEqualTo(n.title());
            assertThat(v.published()).as(n.name()).isEqualTo(n.pageDate());
            assertThat(v.body()).as(n.name()).isEqualTo(SampleNotices.byName(n.name()).text().strip());
            assertThat(v.body().lines().count()).as(n.name()).isBetween(2L, 5L);
        }
        assertThat(site.notices()).extracting(SiteArticle::layout).contains(SiteArticle.Layout.TRS, SiteArticle.Layout.HANWEB);
    }

    @Test
    void reportsStayReportsAndTheNoiseStaysNoise() throws Exception {
        for (SiteArticle r : site.reports()) {
            String url = site.url() + r.path();
            assertThat(PageInspector.inspect(get(url), null, url, profile).kind()).as(r.name()).isEqualTo(PageView.Kind.ARTICLE);
        }
        // the 推进会 opens with the feedback it follows up, and stays noise: its title speaks of 整改
        SiteArticle meeting = site.article("noise-progress-meeting");
        assertThat(FeedbackNotice.match(meeting.title(), meeting.text())).isPresent();
        String url = site.url() + meeting.path();
        assertThat(PageInspector.inspect(get(url), null, url, profile).kind()).isEqualTo(PageView.Kind.NOT_A_REPORT);
    }

    @Test
    void eachFeedbackIsDatedAsTheNoticeAndTheReportSayAndTheMissingOnesAreLongOverdue() {
        int missing = 0;
        for (SampleNotices.Notice n : SampleNotices.all()) {
            assertThat(LocalDate.parse(n.pageDate())).as(n.name()).isBetween(LocalDate.parse(n.feedback().get(0).date()),
                    LocalDate.parse(n.feedback().get(0).date()).plusDays(3));
            for (SampleNotices.Feedback f : n.feedback()) {
                LocalDate d = LocalDate.parse(f.date());
                String day = d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
                assertThat(n.text()).as(n.name()).contains(day + "，" + f.team(), f.unit());
                if (f.report() == null) {
                    missing++;
                    assertThat(d).as(f.unit()).isBefore(LocalDate.parse("2026-01-01").minusMonths(9));
                } else {
                    SampleReports.Sample report = SampleReports.byName(f.report());
                    assertThat(report.text()).as(f.report()).contains(day);
                    assertThat(LocalDate.parse(report.pageDate())).as(f.report()).isAfter(d);
                }
            }
        }
        assertThat(missing).isEqualTo(3);
    }
}
