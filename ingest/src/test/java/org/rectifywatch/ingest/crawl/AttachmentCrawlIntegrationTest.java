package org.rectifywatch.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.IngestConfig;
import org.rectifywatch.ingest.profile.SampleSiteProfile;
import org.rectifywatch.ingest.testutil.StubSite;
import org.rectifywatch.localstack.LocalKafka;
import org.rectifywatch.localstack.SharedStack;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.model.wire.Attachment;
import org.rectifywatch.model.wire.RawReport;
import org.rectifywatch.samples.SampleReports;
import org.rectifywatch.samples.site.ReportFiles;
import org.rectifywatch.samples.site.SampleSite;
import org.rectifywatch.samples.site.SiteArticle;

/** Reports published as files under one-line articles, crawled into the real local Kafka. */
@Tag("integration")
class AttachmentCrawlIntegrationTest {

    private static Map<String, RawReport> latestByUrl(LocalKafka kafka, String prefix) {
        return KafkaRecords.raw(kafka.bootstrap(), prefix).stream()
                .collect(Collectors.toMap(RawReport::url, Function.identity(), (a, b) -> b));
    }

    @Test
    void theFileIsPublishedAsTheReportTheScanIsACountedSkipAndAnUnchangedFileIsNotPublishedAgain() {
        LocalKafka kafka = SharedStack.kafka();
        try (SampleSite site = SampleSite.start();
             Crawler crawler = new Crawler(CrawlerIntegrationTest.config(kafka.bootstrap()), List.of(SampleSiteProfile.of(site.url())))) {
            PassSummary first = crawler.runOnce();
            assertThat(first.skipped()).containsEntry("needs_ocr", 1);
            assertThat(first.published()).isEqualTo(site.reports().size());
            Map<String, RawReport> byUrl = latestByUrl(kafka, site.url());
            for (SiteArticle a : site.fileReports()) {
                RawReport r = byUrl.get(site.urlOf(a.name()));
                assertThat(r).as(a.name()).isNotNull();
                assertThat(r.kind()).isEqualTo(RawReport.REPORT);
                assertThat(r.title()).isEqualTo(a.title());
                assertThat(r.pageDate()).isEqualTo(a.pageDate());
                assertThat(r.text()).as(a.name()).isEqualTo(a.text()).isEqualTo(SampleReports.byName(a.name()).text().strip());
                assertThat(r.sha256()).isEqualTo(Hashes.sha256(a.text()));
                assertThat(r.attachments()).extracting(Attachment::url).first().isEqualTo(site.fileUrlOf(a.name()));
                assertThat(site.requests(a.file().path())).hasSize(1);
            }
            assertThat(byUrl).doesNotContainKey(site.urlOf(SampleSite.SCANNED));
            assertThat(site.requests(site.article(SampleSite.SCANNED).file().path())).hasSize(1);
            int records = KafkaRecords.raw(kafka.bootstrap(), site.url()).size();

            // nothing changed: the one-line articles answer 304, no file is fetched, the scan is not counted again
            PassSummary second = crawler.runOnce();
            assertThat(second.published() + second.changed()).isZero();
            assertThat(second.skipped()).doesNotContainKey("needs_ocr");
            assertThat(site.requests(site.article(SampleSite.SCANNED).file().path())).hasSize(1);
            SiteArticle pdf = site.fileReports().get(0);
            SiteArticle docx = site.fileReports().get(1);
            assertThat(site.requests(pdf.file().path())).hasSize(1);

            // the article page changes, its file's text does not: read again, nothing published
            site.editArticle(pdf.name(), pdf.text());
            PassSummary touched = crawler.runOnce();
            assertThat(site.requests(pdf.file().path())).hasSize(2);
            assertThat(touched.unchanged()).isEqualTo(1);
            assertThat(touched.published() + touched.changed()).isZero();
            assertThat(KafkaRecords.raw(kafka.bootstrap(), site.url())).hasSize(records);

            // the file's text changes: published once more, under the article's URL
            String edited = docx.text() + "\n（2026年4月补充）新增整改措施一项。";
            site.editArticle(docx.name(), edited);
            PassSummary changed = crawler.runOnce();
            assertThat(changed.changed()).isEqualTo(1);
            assertThat(latestByUrl(kafka, site.url()).get(site.urlOf(docx.name())).text()).isEqualTo(edited);
            assertThat(KafkaRecords.raw(kafka.bootstrap(), site.url())).hasSize(records + 1);
        }
    }

    private static String article(String title, String attachmentHref) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"ArticleTitle\" content=\"" + title + "\">"
                + "<title>" + title + "</title></head><body><div class=\"Article_61\"><h2 class=\"tit\">" + title + "</h2>"
                + "<em class=\"e2\">发布时间：2025-10-20 17:00</em><div class=\"TRS_Editor\"><p>现将《" + title
                + "》予以公布（见附件）。</p><p>附件：<a href=\"" + attachmentHref + "\">" + title + ".pdf</a></p></div></div>"
                + "</body></html>";
    }

    @Test
    void aFileOnAnotherHostTooLargeNoPdfOrMissingIsACountedSkipAndThePassGoesOn() {
        LocalKafka kafka = SharedStack.kafka();
        List<String> texts = SampleReports.byName("s15_yungang_natural_resources_2025").text().strip().lines().toList();
        String[] titles = {"中共甲县委关于市委巡察整改情况的通报", "中共乙县委关于市委巡察整改情况的通报", "中共丙县委关于市委巡察整改情况的通报",
                "中共丁县委关于市委巡察整改情况的通报", "中共戊县委关于市委巡察整改情况的通报"};
        try (StubSite stub = StubSite.start()) {
            String other = stub.url().replace("127.0.0.1", "localhost");
            String[] hrefs = {"./good.pdf", other + "/xsxc/202510/elsewhere.pdf", "./huge.pdf", "./page.pdf", "./missing.pdf"};
            StringBuilder list = new StringBuilder("<html><head><meta charset=\"utf-8\"></head><body><ul class=\"list_news_dl2\">");
            for (int i = 0; i < titles.length; i++) {
                String path = "/xsxc/202510/t20251020_" + i + ".html";
                stub.html(path, article(titles[i], hrefs[i]));
                list.append("<li><a href=\"").append(path).append("\">").append(titles[i]).append("</a><span>2025-10-20</span></li>");
            }
            stub.html("/xsxc/index.html", list.append("</ul></body></html>").toString());
            byte[] good = ReportFiles.pdf(texts);
            byte[] huge = new byte[300_000];
            System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 8);
            stub.file("/xsxc/202510/good.pdf", "application/pdf", good)
                    .file("/xsxc/202510/elsewhere.pdf", "application/pdf", good)
                    .file("/xsxc/202510/huge.pdf", "application/pdf", huge)
                    .html("/xsxc/202510/page.pdf", "<!DOCTYPE html><html><body>文件不存在或已删除</body></html>");
            Map<String, String> o = new HashMap<>();
            o.put("kafka.bootstrap", kafka.bootstrap());
            o.put("ingest.host.delay", "20ms");
            o.put("ingest.retries", "0");
            o.put("ingest.max.attachment.bytes", "100000");
            assertThat(good.length).isLessThan(100_000);
            try (Crawler crawler = new Crawler(IngestConfig.from(new ConfigSource(o, Map.of())),
                    List.of(SampleSiteProfile.column("stub-files", stub.url(), "/xsxc/index.html", 1)))) {
                PassSummary s = crawler.runOnce();
                assertThat(s.published()).isEqualTo(1);
                assertThat(s.skipped()).containsEntry("not_allowed_host", 1).containsEntry("too_large", 1)
                        .containsEntry("attachment_unreadable", 1).containsEntry("http_status", 1);
                assertThat(s.errors()).isEqualTo(1);
                assertThat(s.line()).contains("attachment_unreadable 1", "too_large 1");
            }
            assertThat(stub.requests()).doesNotContain("/xsxc/202510/elsewhere.pdf");
            List<RawReport> published = KafkaRecords.raw(kafka.bootstrap(), stub.url());
            assertThat(published).singleElement().satisfies(r -> {
                assertThat(r.url()).isEqualTo(stub.url() + "/xsxc/202510/t20251020_0.html");
                assertThat(r.title()).isEqualTo(titles[0]);
                assertThat(r.text()).isEqualTo(String.join("\n", texts));
                assertThat(r.attachments()).extracting(Attachment::url).containsExactly(stub.url() + "/xsxc/202510/good.pdf");
            });
        }
    }
}
