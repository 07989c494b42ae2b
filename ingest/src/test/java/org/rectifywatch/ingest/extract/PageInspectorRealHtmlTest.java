package org.rectifywatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.profile.SiteProfiles;
import org.rectifywatch.ingest.testutil.RealHtml;

/**
 * {@code pipeline extract}'s inspector on real pages ({@code ../shared/real-html}); skipped when the folder is absent.
 */
class PageInspectorRealHtmlTest {
    private static final String HANWEB_FILE = "reconstructed/hanweb-dingxi-col12377-datastore.html";
    private static final String HANWEB_URL = "http://www.dingxi.gov.cn/col/col12377/index.html";

    private static Path dir;
    private static List<RealHtml.Entry> manifest;
    private static List<SiteProfile> shipped;

    @BeforeAll
    static void load() {
        dir = RealHtml.dir();
        manifest = RealHtml.manifest(dir);
        shipped = SiteProfiles.shipped();
    }

    private static SiteProfile shipped(String name) {
        return shipped.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void ccdiArticlesKeepTheirTitleAndDateAndAreNotReports() {
        List<RealHtml.Entry> articles = manifest.stream().filter(e -> e.kind().equals("ccdi-article")).limit(5).toList();
        assertThat(articles).isNotEmpty();
        for (RealHtml.Entry e : articles) {
            SiteProfile profile = PageInspector.profileFor(e.url(), shipped).orElse(null);
            PageView v = PageInspector.inspect(RealHtml.bytes(dir, e.file()), null, e.url(), profile);
            assertThat(v.kind()).as(e.file()).isIn(PageView.Kind.NOT_A_REPORT, PageView.Kind.ARTICLE);
            assertThat(v.title()).as(e.file()).isEqualTo(ArticleText.normalizeLine(e.visibleTitle()));
            assertThat(v.published()).as(e.file()).isEqualTo(e.pubDate());
            assertThat(v.body()).as(e.file()).isNotBlank().doesNotContain("京ICP备");
            assertThat(v.links()).as(e.file()).isEmpty();
        }
    }

    @Test
    void theCcdiDebugPageIsAChallenge() {
        PageView v = PageInspector.inspect(RealHtml.bytes(dir, "ccdi-debug-page.html"), null,
                shipped("ccdi-search").startUrls().get(0), shipped("ccdi-search"));
        assertThat(v.kind()).isEqualTo(PageView.Kind.CHALLENGE);
        assertThat(v.reasons()).anyMatch(r -> r.contains("C3VK"));
    }

    @Test
    void theReconstructedHanwebPageIsAListOfTwelve() {
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve(HANWEB_FILE)), HANWEB_FILE + " is absent");
        byte[] bytes = RealHtml.bytes(dir, HANWEB_FILE);
        PageView v = PageInspector.inspect(bytes, null, HANWEB_URL, shipped("template-hanweb"));
        assertThat(v.kind()).isEqualTo(PageView.Kind.LIST);
        assertThat(v.links()).hasSize(12).allSatisfy(l -> assertThat(l.date()).isNotNull());
        assertThat(v.links().get(0).title()).isEqualTo("定西市“春节”文明祭祀倡议书");
        assertThat(v.nextPages()).singleElement().asString()
                .startsWith("http://www.dingxi.gov.cn/module/web/jpage/dataproxy.jsp?page=2&");
        // without a profile: the same list and next page; the generic rules keep no link (none is a report title)
        PageView bare = PageInspector.inspect(bytes, null, HANWEB_URL, null);
        assertThat(bare.kind()).isEqualTo(PageView.Kind.LIST);
        assertThat(bare.links()).isEmpty();
        assertThat(bare.reasons()).anyMatch(r -> r.contains("12 entries in the page's main list, 0 titled"));
        assertThat(bare.nextPages()).isEqualTo(v.nextPages());
    }

    @Test
    void theSearchResultPagesAreListsOfTheSearchProfile() {
        for (RealHtml.Entry e : manifest.stream().filter(x -> x.kind().equals("ccdi-was5-list")).toList()) {
            SiteProfile search = shipped("ccdi-search");
            PageView v = PageInspector.inspect(RealHtml.bytes(dir, e.file()), null, search.startUrls().get(0), search);
            assertThat(v.kind()).as(e.file()).isEqualTo(PageView.Kind.LIST);
            assertThat(v.links()).as(e.file()).hasSize(10);
        }
    }
}
