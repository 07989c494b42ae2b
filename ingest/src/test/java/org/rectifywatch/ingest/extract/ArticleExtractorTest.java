package org.rectifywatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.decode.DecodedPage;
import org.rectifywatch.ingest.decode.PageDecoder;
import org.rectifywatch.ingest.profile.SampleSiteProfile;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.samples.site.SampleSite;
import org.rectifywatch.samples.site.SiteArticle;

class ArticleExtractorTest {
    private static SampleSite site;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        site = SampleSite.start();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static DecodedPage get(String url) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return PageDecoder.decode(r.body(), r.headers().firstValue("content-type").orElse(null), null);
    }

    private static SiteArticle firstOf(SiteArticle.Layout layout) {
        return site.reports().stream().filter(a -> a.layout() == layout && a.pages() == 1 && !a.gbk()).findFirst().orElseThrow();
    }

    @Test
    void trsPageWithTheProfileGivesTitleDateAndTheVerbatimBody() throws Exception {
        SiteArticle a = firstOf(SiteArticle.Layout.TRS);
        String url = site.url() + a.path();
        ExtractedArticle e = ArticleExtractor.extract(get(url).text(), url, SampleSiteProfile.of(site.url()));
        assertThat(e.title()).isEqualTo(a.title());
        assertThat(e.pageDate()).isEqualTo(a.pageDate());
        assertThat(e.text()).isEqualTo(a.text());
    }

    @Test
    void hanwebPageWithoutProfileLosesItsChromeButKeepsTheReport() throws Exception {
        SiteArticle a = site.reports().stream().filter(x -> x.layout() == SiteArticle.Layout.HANWEB
                && x.text().startsWith("信息索引号")).findFirst().orElse(firstOf(SiteArticle.Layout.HANWEB));
        String url = site.url() + a.path();
        ExtractedArticle e = ArticleExtractor.extract(get(url).text(), url, null);
        assertThat(e.title()).isEqualTo(a.title());
        assertThat(e.pageDate()).isEqualTo(a.pageDate());
        List<String> lines = e.text().lines().toList();
        assertThat(lines).noneMatch(l -> l.startsWith("信息索引号") || l.startsWith("主办单位") || l.equals("朗读")
                || l.contains("扫一扫") || l.contains("ICP备") || l.startsWith("分享"));
        List<String> content = a.text().lines().filter(l -> l.length() > 80).toList();
        assertThat(lines).containsAll(content);
    }

    @Test
    void genericExtractionFindsTheDensestBlockOnAnUnknownLayout() {
        String body = "根据省委统一部署，省委第一巡视组对示例县进行了巡视，现将整改情况予以公布。".repeat(3);
        String html = "<html><head><title>示例县委关于省委巡视整改情况的通报 - 示例县人民政府</title></head><body>"
                + "<div class=nav><a href=/>首页</a> <a href=/a>政务公开</a> <a href=/b>互动交流</a></div>"
                + "<div class=side><ul><li><a href=/1>新闻一新闻一新闻一新闻一</a></li><li><a href=/2>新闻二新闻二新闻二新闻二</a></li></ul></div>"
                + "<div class=main><div class=wrap><p>" + body + "</p><p>一、整改工作开展情况</p><p>" + body + "</p>"
                + "<p>附件：<a href='/files/清单.pdf'>整改清单</a> <a href='/files/x.ofd'>版式文件</a> <a href='/files/y.doc'>y</a></p>"
                + "<p>分享到：微信 微博</p></div></div>"
                + "<div class=footer><p>主办单位：示例县人民政府办公室</p><p>备案号：示ICP备0000号</p></div></body></html>";
        ExtractedArticle e = ArticleExtractor.extract(html, "https://www.example.gov.cn/art/2025/3/9/art_1_2.html", null);
        assertThat(e.title()).isEqualTo("示例县委关于省委巡视整改情况的通报");
        assertThat(e.pageDate()).isEqualTo("2025-03-09");
        assertThat(e.text()).isEqualTo(body + "\n一、整改工作开展情况\n" + body + "\n附件：整改清单 版式文件 y");
        assertThat(e.attachments()).extracting(x -> x.type()).containsExactly("pdf", "ofd", "doc");
        assertThat(e.attachments().get(0).url()).isEqualTo("https://www.example.gov.cn/files/清单.pdf");
    }

    @Test
    void multiPageChallengeAndListPages() throws Exception {
        SiteArticle multi = site.article(site.multiPageArticle());
        String url = site.url() + multi.path();
        String stem = url.substring(0, url.length() - ".html".length());
        assertThat(MultiPage.continuationUrls(get(url).text(), url)).containsExactly(stem + "_1.html", stem + "_2.html");
        assertThat(MultiPage.continuationUrls(get(stem + "_1.html").text(), stem + "_1.html")).isEmpty();

        SiteArticle challenge = site.article("challenge");
        String html = get(site.url() + challenge.path()).text();
        assertThat(ChallengeDetector.detect(html, html.length(), 0, 2500)).get().asString().contains("challenge marker");
        assertThat(ChallengeDetector.detect("<html><body><p>请稍候</p></body></html>", 40, 3, 2500)).isPresent();
        assertThat(ChallengeDetector.detect(get(url).text(), 9000, 1500, 2500)).isEmpty();

        SiteProfile profile = SampleSiteProfile.of(site.url());
        ListPage list = ListPage.parse(get(site.url() + SampleSite.COLUMN).text(), site.url() + SampleSite.COLUMN, profile);
        assertThat(list.totalPages()).isEqualTo(SampleSite.COLUMN_PAGES).isEqualTo(5);
        assertThat(list.links()).hasSize(SampleSite.PER_PAGE);
        assertThat(list.links().get(0).url()).startsWith(site.url() + "/");
    }
}
