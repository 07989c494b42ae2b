package org.rectifywatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.attach.AttachmentText;
import org.rectifywatch.ingest.profile.SampleSiteProfile;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.model.wire.Attachment;
import org.rectifywatch.samples.SampleReports;
import org.rectifywatch.samples.site.SampleSite;
import org.rectifywatch.samples.site.SiteArticle;

/** The sample site's reports published as files: one-line articles that extract shows as pointers, files that read back. */
class SampleSiteFilesTest {
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

    private static HttpResponse<byte[]> get(String url) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r;
    }

    @Test
    void aPdfAndADocxReportSitBehindOneLineArticlesInBothLayouts() {
        assertThat(site.fileReports()).extracting(SiteArticle::name)
                .containsExactly("s15_yungang_natural_resources_2025", "s16_lanxi_water_group_2026");
        assertThat(site.fileReports()).extracting(a -> a.file().format(), SiteArticle::layout).containsExactly(
                org.assertj.core.groups.Tuple.tuple(SiteArticle.Format.PDF, SiteArticle.Layout.TRS),
                org.assertj.core.groups.Tuple.tuple(SiteArticle.Format.DOCX, SiteArticle.Layout.HANWEB));
        assertThat(SampleReports.all()).filteredOn(SampleReports.Sample::servedAsFile).hasSize(2);
        assertThat(site.article(SampleSite.SCANNED).kind()).isEqualTo(SiteArticle.Kind.SCANNED);
    }

    @Test
    void extractShowsEachOneLineArticleAsAReportWhoseFileTheCrawlerWouldRead() throws Exception {
        for (String name : new String[] {"s15_yungang_natural_resources_2025", "s16_lanxi_water_group_2026", SampleSite.SCANNED}) {
            SiteArticle a = site.article(name);
            HttpResponse<byte[]> page = get(site.urlOf(name));
            PageView v = PageInspector.inspect(page.body(), page.headers().firstValue("content-type").orElse(null),
                    site.urlOf(name), profile);
            assertThat(v.kind()).as(name).isEqualTo(PageView.Kind.ARTICLE);
            assertThat(v.title()).as(name).isEqualTo(a.title());
            assertThat(v.published()).as(name).isEqualTo(a.pageDate());
            assertThat(v.body().length()).as(name).isLessThan(200);
            assertThat(v.attachments()).as(name).extracting(Attachment::url).containsExactly(site.fileUrlOf(name));
            assertThat(v.reasons()).as(name).anySatisfy(r -> assertThat(r).startsWith(PageInspector.READS_ATTACHMENT
                    + site.fileUrlOf(name)));
        }
    }

    @Test
    void theFilesReadBackToTheReportTextsAndTheScanNeedsOcr() throws Exception {
        for (SiteArticle a : site.fileReports()) {
            HttpResponse<byte[]> file = get(site.fileUrlOf(a.name()));
            assertThat(file.headers().firstValue("content-type")).contains(a.file().format().contentType());
            AttachmentText.Result r = AttachmentText.read(file.body());
            assertThat(r.status()).as(a.name()).isEqualTo(AttachmentText.Status.TEXT);
            assertThat(r.text()).as(a.name()).isEqualTo(a.text()).isEqualTo(SampleReports.byName(a.name()).text().strip());
        }
        AttachmentText.Result scan = AttachmentText.read(get(site.fileUrlOf(SampleSite.SCANNED)).body());
        assertThat(scan.status()).isEqualTo(AttachmentText.Status.NEEDS_OCR);
    }

    @Test
    void anEditChangesTheFile() throws Exception {
        try (SampleSite own = SampleSite.start()) {
            String name = "s16_lanxi_water_group_2026";
            String edited = own.article(name).text() + "\n（2026年4月补充）新增整改措施一项。";
            own.editArticle(name, edited);
            assertThat(AttachmentText.read(get(own.fileUrlOf(name)).body()).text()).isEqualTo(edited);
        }
    }
}
