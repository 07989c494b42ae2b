package org.rectifywatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.decode.PageDecoder;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.profile.SiteProfiles;
import org.rectifywatch.ingest.testutil.RealHtml;

/**
 * Extraction, list parsing and challenge detection on real pages saved from the publishing sites
 * ({@code ../shared/real-html}, described by its {@code manifest.tsv}); skipped when the folder is absent.
 * Each article is extracted twice: with the shipped CCDI profile and with no profile at all.
 */
class RealHtmlRegressionTest {
    /** Page chrome of CCDI articles (footer, share box, header links) that must never reach a body. */
    private static final List<String> FURNITURE = List.of("版权所有", "京ICP备", "微信扫一扫", "二维码便可将本文分享至朋友圈",
            "返回首页", "客户端下载", "网站声明", "无障碍浏览", "新浪微博", "QQ空间", "设为首页", "投稿办法", "本刊声明",
            "工作邮箱", "版权声明");
    private static final List<String> FURNITURE_LINE_STARTS = List.of("来源：", "发布时间：", "分享", "首页 >", "上一页");
    private static final int MIN_PAGE_BYTES = 2500;
    private static final String HANWEB_FILE = "reconstructed/hanweb-dingxi-col12377-datastore.html";
    private static final String HANWEB_URL = "http://www.dingxi.gov.cn/col/col12377/index.html";

    private static Path dir;
    private static List<RealHtml.Entry> manifest;

    @BeforeAll
    static void load() {
        dir = RealHtml.dir();
        manifest = RealHtml.manifest(dir);
    }

    private static SiteProfile shipped(String name) {
        return SiteProfiles.shipped().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static String html(String file) {
        return PageDecoder.decode(RealHtml.bytes(dir, file), null, null).text();
    }

    private static List<RealHtml.Entry> kind(String kind) {
        return manifest.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    @Test
    void everyPageOfTheManifestMeetsTheBar() {
        List<RealHtml.Entry> articles = kind("ccdi-article");
        assertThat(articles).hasSize(100);
        SiteProfile ccdi = shipped("ccdi-xsxc");
        int titles = 0;
        int titlesNoProfile = 0;
        int dates = 0;
        int clean = 0;
        int falseChallenges = 0;
        List<String> problems = new ArrayList<>();
        for (RealHtml.Entry e : articles) {
            byte[] bytes = RealHtml.bytes(dir, e.file());
            String html = PageDecoder.decode(bytes, null, null).text();
            String want = ArticleText.normalizeLine(e.visibleTitle());
            ExtractedArticle a = ArticleExtractor.extract(html, e.url(), ccdi);
            ExtractedArticle bare = ArticleExtractor.extract(html, e.url(), null);
            if (want.equals(a.title())) {
                titles++;
            } else {
                problems.add(e.file() + ": title [" + a.title() + "], visible [" + want + "]");
            }
            if (want.equals(bare.title())) {
                titlesNoProfile++;
            } else {
                problems.add(e.file() + " (no profile): title [" + bare.title() + "], visible [" + want + "]");
            }
            assertThat(a.title()).as(e.file()).doesNotContain("<", ">");
            assertThat(bare.title()).as(e.file()).doesNotContain("<", ">");
            if (e.pubDate().equals(a.pageDate()) && e.pubDate().equals(bare.pageDate())) {
                dates++;
            } else {
                problems.add(e.file() + ": date " + a.pageDate() + " / " + bare.pageDate() + ", expected " + e.pubDate());
            }
            List<String> furniture = new ArrayList<>(furniture(a.text()));
            furniture.addAll(furniture(bare.text()));
            if (furniture.isEmpty() && a.text().length() >= 200) {
                clean++;
            } else {
                problems.add(e.file() + ": body " + a.text().length() + " chars, furniture " + furniture);
            }
            Optional<String> challenge = ChallengeDetector.detect(html, bytes.length, a.text().length(), MIN_PAGE_BYTES);
            if (challenge.isPresent() || ChallengeDetector.isCertain(html)) {
                falseChallenges++;
                problems.add(e.file() + ": taken for a challenge: " + challenge.orElse("certain"));
            }
        }

        List<RealHtml.Entry> lists = kind("ccdi-was5-list");
        SiteProfile search = shipped("ccdi-search");
        List<Integer> searchLinks = new ArrayList<>();
        for (RealHtml.Entry e : lists) {
            byte[] bytes = RealHtml.bytes(dir, e.file());
            String html = PageDecoder.decode(bytes, null, null).text();
            ListPage list = ListPage.parse(html, e.url(), search);
            searchLinks.add(list.links().size());
            assertThat(list.links()).as(e.file()).allSatisfy(l -> {
                assertThat(l.url()).matches("https?://[a-z.]*ccdi\\.gov\\.cn/.+/t\\d{8}_\\d+\\.html");
                assertThat(l.title()).isNotBlank().doesNotContain("<");
                // the date shown next to the result (a republished article shows its first date)
                assertThat(l.date()).isNotNull().isLessThanOrEqualTo(PageDates.fromUrl(l.url()));
            });
            if (ChallengeDetector.detectPage(html, bytes.length, MIN_PAGE_BYTES).isPresent() || ChallengeDetector.isCertain(html)) {
                falseChallenges++;
                problems.add(e.file() + ": taken for a challenge");
            }
        }

        ListPage hanweb = ListPage.parse(html(HANWEB_FILE), HANWEB_URL, shipped("template-hanweb"));

        String debug = html("ccdi-debug-page.html");
        int debugBytes = RealHtml.bytes(dir, "ccdi-debug-page.html").length;
        String articleUrl = "http://www.ccdi.gov.cn/toutiaon/202504/t20250424_419135.html";
        ExtractedArticle debugAsArticle = ArticleExtractor.extract(debug, articleUrl, shipped("ccdi-xsxc"));
        boolean antiBotOnArticle = ChallengeDetector.detect(debug, debugBytes, debugAsArticle.text().length(), MIN_PAGE_BYTES)
                .isPresent() && ChallengeDetector.isCertain(debug);
        ListPage debugAsList = ListPage.parse(debug, search.startUrls().get(0), search);
        boolean antiBotOnList = debugAsList.links().isEmpty()
                && ChallengeDetector.detectPage(debug, debugBytes, MIN_PAGE_BYTES).isPresent();

        System.out.printf("real-html: titles %d/100 (no profile %d/100), dates %d/100, clean bodies %d/100, "
                        + "false challenges %d, anti-bot page recognised on article URL %s and list URL %s, "
                        + "search links %s, Hanweb links %d, Hanweb page 2 %s%n",
                titles, titlesNoProfile, dates, clean, falseChallenges, antiBotOnArticle, antiBotOnList, searchLinks,
                hanweb.links().size(), hanweb.nextUrl());
        problems.forEach(p -> System.out.println("  real-html: " + p));

        assertThat(titles).as("visible titles with the CCDI profile").isGreaterThanOrEqualTo(99);
        assertThat(titlesNoProfile).as("visible titles without a profile").isGreaterThanOrEqualTo(99);
        assertThat(dates).as("publish dates").isEqualTo(100);
        assertThat(clean).as("bodies free of page furniture").isEqualTo(100);
        assertThat(falseChallenges).as("normal pages taken for challenges").isZero();
        assertThat(antiBotOnArticle).as("anti-bot page recognised on an article URL").isTrue();
        assertThat(antiBotOnList).as("anti-bot page recognised on a list URL").isTrue();
        assertThat(searchLinks).containsExactly(10, 10);
        assertThat(hanweb.links()).hasSize(12);
        assertThat(hanweb.nextUrl()).isNotNull();
    }

    private static List<String> furniture(String text) {
        List<String> found = new ArrayList<>();
        for (String line : text.lines().toList()) {
            for (String f : FURNITURE) {
                if (line.contains(f)) {
                    found.add(line);
                }
            }
            for (String f : FURNITURE_LINE_STARTS) {
                if (line.startsWith(f)) {
                    found.add(line);
                }
            }
        }
        return found;
    }

    @Test
    void theFirewallCookieScriptOfNormalPagesIsNotAChallenge() {
        // the 1,506-character article the crawler used to skip as a challenge on every pass
        String file = "ccdi-bqml-t20240204_326880.html";
        String html = html(file);
        assertThat(html).contains("HOY_TR");
        RealHtml.Entry e = manifest.stream().filter(x -> x.file().equals(file)).findFirst().orElseThrow();
        ExtractedArticle a = ArticleExtractor.extract(html, e.url(), shipped("ccdi-xsxc"));
        assertThat(a.text().length()).isGreaterThan(1000);
        assertThat(ChallengeDetector.isCertain(html)).isFalse();
        assertThat(ChallengeDetector.detect(html, RealHtml.bytes(dir, file).length, a.text().length(), MIN_PAGE_BYTES)).isEmpty();
    }

    @Test
    void theC3vkPageAndItsRelativesAreChallenges() {
        String debug = html("ccdi-debug-page.html");
        assertThat(ChallengeDetector.detect(debug, debug.length(), 0, MIN_PAGE_BYTES)).get().asString().contains("C3VK");
        // a relative: same script wall, another cookie name, a location redirect, padded past the size threshold
        String relative = "<html><head><script>var _$ab=[\"\\x63\"];document.cookie=\"X9ZQ=1f2e; path=/\";"
                + "location.href=\"/was5/web/search?page=1\";</script></head><body>" + " ".repeat(4000) + "</body></html>";
        assertThat(ChallengeDetector.detect(relative, relative.length(), 0, MIN_PAGE_BYTES)).get().asString()
                .contains("script wall");
        assertThat(ChallengeDetector.detectPage(relative, relative.length(), MIN_PAGE_BYTES)).isPresent();
        // and a normal page with a cookie script and a window.open share button is not
        String normal = "<html><head><script>document.cookie=\"HOY_TR=abc\";</script></head><body><p>"
                + "正文".repeat(300) + "</p><a onclick=\"window.open('http://share')\">分享</a></body></html>";
        assertThat(ChallengeDetector.isCertain(normal)).isFalse();
        assertThat(ChallengeDetector.detectPage(normal, normal.length() * 3, MIN_PAGE_BYTES)).isEmpty();
    }

    @Test
    void hanwebDatastoreRecordsAreTheListAndDataproxyGivesPageTwo() {
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve(HANWEB_FILE)), HANWEB_FILE + " is absent");
        String html = html(HANWEB_FILE);
        // without a profile the generic list rules read the same twelve records, keep none (no title speaks of a
        // 巡视/巡察 rectification: the 整改 公示 are of environmental inspections) and still find page 2
        ListPage generic = ListPage.parse(html, HANWEB_URL, null);
        assertThat(generic.entries()).isEqualTo(12);
        assertThat(generic.links()).isEmpty();
        assertThat(generic.nextUrl()).startsWith("http://www.dingxi.gov.cn/module/web/jpage/dataproxy.jsp?page=2&");
        for (SiteProfile profile : new SiteProfile[] {shipped("template-hanweb")}) {
            ListPage list = ListPage.parse(html, HANWEB_URL, profile);
            assertThat(list.links()).hasSize(12);
            ListPage.Link first = list.links().get(0);
            assertThat(first.url()).isEqualTo("http://www.dingxi.gov.cn/art/2022/1/20/art_12377_1486865.html");
            assertThat(first.title()).isEqualTo("定西市“春节”文明祭祀倡议书");
            assertThat(first.date()).isEqualTo("2022-01-20");
            // the text is cut short (…); the title attribute holds the whole title
            assertThat(list.links().get(1).title())
                    .isEqualTo("定西市工信局关于对省级第二轮环保督察反馈第四项第十三项问题整改完成情况的公示");
            // a record on another host of the same site
            assertThat(list.links()).extracting(ListPage.Link::url)
                    .contains("http://zwgk.dingxi.gov.cn/art/2021/11/4/art_12480_1461862.html");
            assertThat(list.links()).allSatisfy(l -> assertThat(l.date()).isNotNull());
            assertThat(list.nextUrl()).startsWith("http://www.dingxi.gov.cn/module/web/jpage/dataproxy.jsp?page=2&")
                    .contains("webid=110", "columnid=12377", "unitid=38486");
        }
        // the proxy answers page N with a bare datastore; the page after it is N+1
        String page2 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><datastore><recordset><record><![CDATA[<li><a href=\"/art/2021/9/1/art_12377_1.html\" "
                + "title=\"示例\">示例</a><b>2021-09-01</b></li>]]></record></recordset></datastore>";
        String page2Url = ListPage.parse(html, HANWEB_URL, null).nextUrl();
        ListPage p2 = ListPage.parse(page2, page2Url, shipped("template-hanweb"));
        assertThat(p2.links()).extracting(ListPage.Link::url).containsExactly("http://www.dingxi.gov.cn/art/2021/9/1/art_12377_1.html");
        assertThat(p2.nextUrl()).isEqualTo(page2Url.replace("page=2&", "page=3&"));
        assertThat(ListPage.parse("<datastore><recordset></recordset></datastore>", page2Url, null).nextUrl()).isNull();
    }
}
