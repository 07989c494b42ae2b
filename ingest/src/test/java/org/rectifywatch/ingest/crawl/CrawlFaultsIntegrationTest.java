package org.rectifywatch.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectifywatch.ingest.extract.ArticleText;
import org.rectifywatch.ingest.profile.SampleSiteProfile;
import org.rectifywatch.ingest.publish.LocalFiles;
import org.rectifywatch.ingest.testutil.SharedCorpus;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.samples.SampleReports;
import org.rectifywatch.samples.site.SampleSite;
import org.rectifywatch.samples.site.SiteArticle;

@Tag("integration")
class CrawlFaultsIntegrationTest {

    @Test
    void hugePageForeignRedirectTimeoutAnd500AreCountedSkipsAndThePassGoesOn() {
        LocalKafka kafka = SharedStack.kafka();
        try (SampleSite site = SampleSite.start();
             Crawler crawler = new Crawler(CrawlerIntegrationTest.config(kafka.bootstrap()),
                     List.of(SampleSiteProfile.column("sample-faults", site.url(), SampleSite.FAULTS, 1)))) {
            site.setFaultStallMillis(2500);
            PassSummary s = crawler.runOnce();
            assertThat(s.skipped()).containsEntry("too_large", 1).containsEntry("redirect_refused", 1)
                    .containsEntry("timeout", 1).containsEntry("http_status", 1);
            assertThat(s.published()).isEqualTo(2);
            List<SiteArticle> last2 = site.reports().subList(site.reports().size() - 2, site.reports().size());
            List<RawReport> published = KafkaRecords.raw(kafka.bootstrap(), site.url());
            assertThat(published).extracting(RawReport::text).containsExactlyInAnyOrderElementsOf(
                    last2.stream().map(SiteArticle::text).toList());
            // the other host was never contacted, and the huge page was not read to its end
            assertThat(site.requests()).noneMatch(r -> r.path().equals("/xsxc/index.html"));
            assertThat(site.requests("/faults/huge.html")).hasSize(1);
        }
    }

    @Test
    void localFilesArePublishedOncePerPathAndContent(@TempDir Path dir) throws Exception {
        LocalKafka kafka = SharedStack.kafka();
        SampleReports.Sample sample = SampleReports.all().get(4);
        Files.writeString(dir.resolve("a.txt"), sample.text());
        Files.write(dir.resolve("b-gbk.txt"), sample.text().getBytes(Charset.forName("GBK")));
        Files.writeString(dir.resolve("c.html"), "<html><head><meta charset=utf-8><title>" + sample.title()
                + "</title></head><body><div class=TRS_Editor><p>" + String.join("</p><p>", sample.text().lines().toList())
                + "</p></div></body></html>");
        try (Crawler crawler = new Crawler(CrawlerIntegrationTest.config(kafka.bootstrap()),
                List.of(SampleSiteProfile.of("http://127.0.0.1:9")))) {
            LocalFiles.Result first = crawler.publishFiles(List.of(dir));
            // three files, three keys (one per path), whatever their content
            assertThat(first.published()).isEqualTo(3);
            LocalFiles.Result again = crawler.publishFiles(List.of(dir));
            assertThat(again.published() + again.changed()).isZero();
            assertThat(again.unchanged()).isEqualTo(3);
        }
        // the GBK copy decodes to the same text, the HTML extracts to it
        String text = ArticleText.normalize(sample.text());
        String folder = "file:" + dir.getFileName() + "/";
        for (String name : List.of("a.txt", "b-gbk.txt", "c.html")) {
            assertThat(KafkaRecords.raw(kafka.bootstrap(), folder + name)).as(name).hasSize(1)
                    .allSatisfy(r -> assertThat(r.text()).isEqualTo(text));
        }
    }

    @Test
    void sharedCorpusReportsCrawlVerbatimWhenPresent() {
        var corpus = SharedCorpus.reports();
        Assumptions.assumeTrue(corpus.isPresent(), "../shared/corpus is absent");
        LocalKafka kafka = SharedStack.kafka();
        try (SampleSite site = SampleSite.start(corpus.get());
             Crawler crawler = new Crawler(CrawlerIntegrationTest.config(kafka.bootstrap()),
                     List.of(SampleSiteProfile.column("sample-corpus", site.url(), SampleSite.CORPUS, 1)))) {
            PassSummary s = crawler.runOnce();
            assertThat(s.published()).isEqualTo(site.corpusReports().size());
            List<RawReport> published = KafkaRecords.raw(kafka.bootstrap(), site.url());
            assertThat(published).extracting(RawReport::text).containsExactlyInAnyOrderElementsOf(
                    site.corpusReports().stream().map(a -> ArticleText.normalize(a.text())).toList());
        }
    }
}
