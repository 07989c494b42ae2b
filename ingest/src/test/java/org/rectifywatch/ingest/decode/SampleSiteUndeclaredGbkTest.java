package org.rectifywatch.ingest.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.extract.ArticleExtractor;
import org.rectifywatch.ingest.profile.SampleSiteProfile;
import org.rectifywatch.samples.SampleReports;
import org.rectifywatch.samples.site.SampleSite;
import org.rectifywatch.samples.site.SiteArticle;

/** The sample site's undeclared GBK report: what it serves carries no charset at all, and detection reads it. */
class SampleSiteUndeclaredGbkTest {
    @Test
    void theUndeclaredGbkReportIsGbkBytesWithoutADeclarationAndDecodesByDetection() throws Exception {
        try (SampleSite site = SampleSite.start()) {
            SiteArticle a = site.article(site.undeclaredGbkArticle());
            assertThat(site.reports()).contains(a);
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(site.urlOf(a.name()))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            String contentType = r.headers().firstValue("Content-Type").orElse("");
            assertThat(contentType).isEqualTo("text/html");
            byte[] body = r.body();
            String asLatin1 = new String(body, StandardCharsets.ISO_8859_1);
            assertThat(asLatin1).doesNotContainIgnoringCase("charset");
            assertThat(new String(body, Charset.forName("GBK"))).contains(a.title());
            assertThat(PageDecoder.isClean(new String(body, StandardCharsets.UTF_8))).isFalse();

            DecodedPage page = PageDecoder.decode(body, contentType, null);
            assertThat(page).extracting(DecodedPage::charset, DecodedPage::source, DecodedPage::overridden)
                    .containsExactly("GB18030", "detected", null);
            String text = ArticleExtractor.extract(page.text(), site.urlOf(a.name()), SampleSiteProfile.of(site.url())).text();
            assertThat(text).isEqualTo(a.text()).isEqualTo(SampleReports.byName(a.name()).text().strip());
        }
    }
}
