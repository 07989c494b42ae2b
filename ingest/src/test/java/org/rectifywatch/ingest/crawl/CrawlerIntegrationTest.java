package org.rectifywatch.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.rectifywatch.ingest.IngestConfig;
import org.rectifywatch.ingest.profile.SampleSiteProfile;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.samples.site.SampleSite;
import org.rectifywatch.samples.site.SiteArticle;

/** The crawler against the loopback sample site and the real local Kafka; the methods run in order on one site. */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrawlerIntegrationTest {
    static final long HOST_DELAY_MS = 50;
    private static LocalKafka kafka;
    private static SampleSite site;
    private static Crawler crawler;

    static IngestConfig config(String bootstrap) {
        Map<String, String> o = new HashMap<>();
        o.put("kafka.bootstrap", bootstrap);
        o.put("ingest.host.delay", HOST_DELAY_MS + "ms");
        o.put("ingest.connect.timeout", "1s");
        o.put("ingest.read.timeout", "1s");
        o.put("ingest.retries", "1");
        o.put("ingest.backoff.base", "50ms");
        o.put("ingest.backoff.max", "200ms");
        o.put("ingest.max.retry.after", "5s");
        return IngestConfig.from(new ConfigSource(o, Map.of()));
    }

    @BeforeAll
    static void start() {
        kafka = SharedStack.kafka();
        site = SampleSite.start();
        crawler = new Crawler(config(kafka.bootstrap()), List.of(SampleSiteProfile.of(site.url())));
    }

    @AfterAll
    static void stop() {
        if (crawler != null) {
            crawler.close();
        }
        site.close();
    }

    private static Map<String, RawReport> latestByUrl() {
        return KafkaRecords.raw(kafka.bootstrap(), site.url()).stream()
                .collect(Collectors.toMap(RawReport::url, Function.identity(), (a, b) -> b));
    }

    @Test
    @Order(1)
    void firstPassPublishesExactlyTheReportsAndTheFeedbackNoticesVerbatim() {
        PassSummary s = crawler.runOnce();
        List<SiteArticle> reports = site.reports();
        List<SiteArticle> notices = site.notices();
        // 14 reports: 12 articles and 2 files (PDF, DOCX) under one-line articles; the scanned report needs OCR
        assertThat(s.published()).isEqualTo(reports.size()).isEqualTo(14);
        assertThat(s.notices()).isEqualTo(notices.size()).isEqualTo(5);
        assertThat(s.changed() + s.noticesChanged()).isZero();
        assertThat(s.skipped()).containsEntry("challenge", 1).containsEntry("not_a_report", 2)
                .containsEntry("robots_disallowed", 1).containsEntry("needs_ocr", 1);
        List<RawReport> records = KafkaRecords.raw(kafka.bootstrap(), site.url());
        assertThat(records).hasSize(reports.size() + notices.size());
        assertThat(records).filteredOn(RawReport::isFeedbackNotice).hasSize(notices.size());
        Map<String, RawReport> byUrl = latestByUrl();
        for (SiteArticle a : notices) {
            RawReport r = byUrl.get(site.url() + a.path());
            assertThat(r).as(a.name()).isNotNull();
            assertThat(r.kind()).as(a.name()).isEqualTo(RawReport.FEEDBACK_NOTICE);
            assertThat(r.text()).as(a.name()).isEqualTo(a.text());
            assertThat(r.title()).isEqualTo(a.title());
            assertThat(r.pageDate()).isEqualTo(a.pageDate());
            assertThat(r.sha256()).isEqualTo(Hashes.sha256(a.text()));
        }
        for (SiteArticle a : reports) {
            RawReport r = byUrl.get(site.url() + a.path());
            assertThat(r).as(a.name()).isNotNull();
            assertThat(r.kind()).as(a.name()).isEqualTo(RawReport.REPORT);
            assertThat(r.text()).as(a.name()).isEqualTo(a.text());
            assertThat(r.title()).isEqualTo(a.title());
            assertThat(r.pageDate()).isEqualTo(a.pageDate());
            assertThat(r.site()).isEqualTo("sample");
            assertThat(r.sha256()).isEqualTo(Hashes.sha256(a.text()));
        }
        assertThat(byUrl.get(site.urlOf(site.gbkArticle())).charset()).isEqualTo("GB18030");
        // served as GBK bytes with no charset declared anywhere: detection read it (its text is checked above)
        assertThat(byUrl.get(site.urlOf(site.undeclaredGbkArticle())).charset()).isEqualTo("GB18030");
        RawReport multi = byUrl.get(site.urlOf(site.multiPageArticle()));
        assertThat(multi.attachments()).extracting(x -> x.type()).containsExactly("pdf");
        assertThat(site.requests()).extracting(SampleSite.Request::path)
                .noneMatch(p -> p.startsWith("/private/"))
                .contains(site.article(site.multiPageArticle()).path().replace(".html", "_2.html"));
        assertThat(site.requests()).allMatch(r -> r.userAgent() != null && r.userAgent().startsWith("rectify-watch/"));
    }

    @Test
    @Order(2)
    void politenessHostDelayAndRetryAfterWereRespected() {
        List<SampleSite.Request> log = site.requests();
        for (int i = 1; i < log.size(); i++) {
            long gapMs = (log.get(i).nanos() - log.get(i - 1).nanos()) / 1_000_000;
            assertThat(gapMs).as("gap before %s", log.get(i).path()).isGreaterThanOrEqualTo(HOST_DELAY_MS - 5);
        }
        List<SampleSite.Request> throttled = site.requests(site.article(site.throttledArticle()).path());
        assertThat(throttled).extracting(SampleSite.Request::status).startsWith(429, 200);
        assertThat((throttled.get(1).nanos() - throttled.get(0).nanos()) / 1_000_000).isGreaterThanOrEqualTo(1000);
    }

    @Test
    @Order(3)
    void secondPassPublishesNothingAndAsksConditionally() {
        int before = KafkaRecords.raw(kafka.bootstrap(), site.url()).size();
        site.clearLog();
        PassSummary s = crawler.runOnce();
        assertThat(s.published()).isZero();
        assertThat(s.changed()).isZero();
        assertThat(s.notices() + s.noticesChanged()).isZero();
        int kept = site.reports().size() + site.notices().size();
        assertThat(s.notModified()).isGreaterThanOrEqualTo(kept);
        assertThat(site.requests()).filteredOn(r -> r.status() == 304).allMatch(SampleSite.Request::conditional)
                .hasSizeGreaterThanOrEqualTo(kept);
        for (SiteArticle n : site.notices()) {
            assertThat(site.requests(n.path())).as(n.name()).singleElement()
                    .matches(r -> r.status() == 304 && r.conditional());
        }
        assertThat(KafkaRecords.raw(kafka.bootstrap(), site.url())).hasSize(before);
    }

    @Test
    @Order(4)
    void anEditedArticleIsPublishedOnceMoreAndARestartPublishesNothing() {
        SiteArticle a = site.reports().get(2);
        String edited = a.text() + "\n（2025年12月补充）新增整改措施一项。";
        site.editArticle(a.name(), edited);
        SiteArticle n = site.notices().get(0);
        String editedNotice = n.text() + "\n（编者注：本文有更新。）";
        site.editArticle(n.name(), editedNotice);
        int before = KafkaRecords.raw(kafka.bootstrap(), site.url()).size();
        PassSummary s = crawler.runOnce();
        assertThat(s.changed()).isEqualTo(1);
        assertThat(s.noticesChanged()).isEqualTo(1);
        assertThat(s.published() + s.notices()).isZero();
        assertThat(latestByUrl().get(site.url() + a.path()).text()).isEqualTo(edited);
        assertThat(latestByUrl().get(site.url() + n.path())).extracting(RawReport::text, RawReport::kind)
                .containsExactly(editedNotice, RawReport.FEEDBACK_NOTICE);
        assertThat(KafkaRecords.raw(kafka.bootstrap(), site.url())).hasSize(before + 2);

        crawler.close();
        crawler = new Crawler(config(kafka.bootstrap()), List.of(SampleSiteProfile.of(site.url())));
        PassSummary again = crawler.runOnce();
        assertThat(again.published()).isZero();
        assertThat(again.changed()).isZero();
        assertThat(again.notices() + again.noticesChanged()).isZero();
        assertThat(KafkaRecords.raw(kafka.bootstrap(), site.url())).hasSize(before + 2);
    }

    @Test
    @Order(5)
    void siteDownOr500sAreCountedAndTheCrawlerRecovers() {
        site.setFailWith500(true);
        PassSummary failing = crawler.runOnce();
        assertThat(failing.errors()).isGreaterThanOrEqualTo(1);
        assertThat(failing.skipped("http_status")).isEqualTo(1);
        site.setFailWith500(false);
        site.setDown(true);
        PassSummary down = crawler.runOnce();
        assertThat(down.skipped("network")).isEqualTo(1);
        site.setDown(false);
        SiteArticle a = site.reports().get(3);
        site.editArticle(a.name(), a.text() + "\n恢复后补充一段。");
        PassSummary back = crawler.runOnce();
        assertThat(back.changed()).isEqualTo(1);
        assertThat(back.errors()).isEqualTo(back.skipped("challenge"));
    }
}
