package org.rectifywatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.profile.Pagination;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.profile.SiteProfiles;
import org.rectifywatch.ingest.profile.TitleFilter;
import org.rectifywatch.model.json.Json;

/** {@code pipeline extract}'s classification of a page, on small pages written here. */
class PageInspectorTest {
    private static final String SITE = "http://www.example.gov.cn";
    private static final String PARA = "<p>根据省委统一部署，2024年4月至6月，省委第三巡视组对县委开展了常规巡视，并于7月15日反馈了巡视意见。"
            + "县委坚决扛起巡视整改政治责任，把巡视整改作为重大政治任务，逐条逐项研究制定整改措施，现将整改进展情况予以公布。</p>\n";

    /** A feedback announcement's closing paragraph: with it the test pages are no longer small enough to look like challenges. */
    private static final String NOTICE_PARA = "<p>巡视组组长指出，县委要坚持以习近平新时代中国特色社会主义思想为指导，把抓好巡视整改作为重大政治任务，"
            + "认真研究反馈意见，制定整改方案，压紧压实整改责任，确保件件有着落、事事有回音。县委书记主持会议并作表态讲话。</p>\n";

    private static final SiteProfile PROFILE = new SiteProfile("example", "trs-wcm", true, false, "test column",
            List.of(SITE + "/xsxc/index.html"), new Pagination(Pagination.Kind.INDEX_N, null, 1), 2, 5,
            "ul.list li a", "/\\d{6}/t\\d{8}_\\d+\\.html$", List.of("div.title h1"), List.of("span.date"),
            List.of("div.TRS_Editor"), TitleFilter.defaults(), true, null, "1h", List.of("www.example.gov.cn"));

    private static String article(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "_示例网</title></head><body>"
                + "<div class=\"nav\">首页 &gt; 巡视巡察</div><div class=\"title\"><h1>" + title + "</h1></div>"
                + "<span class=\"date\">发布时间：2024-11-05 10:30</span><div class=\"TRS_Editor\">" + body + "</div>"
                + "<div class=\"footer\">主办单位：示例 ICP备00000000号</div></body></html>";
    }

    private static PageView inspect(String html, String url, SiteProfile profile) {
        return PageInspector.inspect(html.getBytes(StandardCharsets.UTF_8), null, url, profile);
    }

    @Test
    void aReportArticleGivesTitleDateBodyAndAttachments() {
        String html = article("中共示例县委关于省委第三巡视组反馈意见整改进展情况的通报",
                PARA + PARA.replace("根据", "二、") + "<p><a href=\"./P020241105.pdf\">附件：整改清单.pdf</a></p>");
        PageView v = inspect(html, SITE + "/xsxc/202411/t20241105_123.html", PROFILE);
        assertThat(v.kind()).isEqualTo(PageView.Kind.ARTICLE);
        assertThat(v.title()).isEqualTo("中共示例县委关于省委第三巡视组反馈意见整改进展情况的通报");
        assertThat(v.published()).isEqualTo("2024-11-05");
        assertThat(v.body().lines().count()).isGreaterThanOrEqualTo(2);
        assertThat(v.body()).startsWith("根据省委统一部署").doesNotContain("ICP备");
        assertThat(v.attachments()).extracting(a -> a.url()).containsExactly(SITE + "/xsxc/202411/P020241105.pdf");
        assertThat(v.links()).isEmpty();
        assertThat(v.charset()).isEqualTo("UTF-8");
        assertThat(v.charsetSource()).isEqualTo("meta");
        assertThat(v.reasons()).contains("profile example", "title passes the title filter");

        String json = Json.write(v);
        assertThat(json).contains("\"kind\":\"article\"", "\"next_pages\":[]", "\"charset_source\":\"meta\"");
    }

    @Test
    void aGbkPageIsDecodedAsTheCrawlerDecodesIt() {
        String html = article("中共示例县委关于省委巡视整改进展情况的通报", PARA + PARA).replace("charset=\"utf-8\"", "charset=\"gb2312\"");
        PageView v = PageInspector.inspect(html.getBytes(Charset.forName("GB18030")), null,
                SITE + "/xsxc/202411/t20241105_124.html", PROFILE);
        assertThat(v.kind()).isEqualTo(PageView.Kind.ARTICLE);
        assertThat(v.charset()).isEqualTo("GB18030");
        assertThat(v.title()).isEqualTo("中共示例县委关于省委巡视整改进展情况的通报");
    }

    @Test
    void theProfilesListUrlIsAListWithLinksDatesAndTheNextPage() {
        StringBuilder html = new StringBuilder("<html><head><title>巡视巡察_示例网</title></head><body><ul class=\"list\">");
        String[] titles = {"市委召开巡察工作推进会", "关于省委巡视整改进展情况的通报", "示例县开展廉政教育"};
        for (int i = 0; i < titles.length; i++) {
            html.append("<li><a href=\"./20241").append(i).append("/t2024100").append(i + 1).append("_").append(i)
                    .append(".html\">").append(titles[i]).append("</a><span>2024-10-0").append(i + 1).append("</span></li>");
        }
        html.append("</ul><script>createPageHTML(7, 0, \"index\", \"html\");</script></body></html>");
        PageView v = inspect(html.toString(), SITE + "/xsxc/index.html", PROFILE);
        assertThat(v.kind()).isEqualTo(PageView.Kind.LIST);
        assertThat(v.links()).hasSize(3);
        assertThat(v.links().get(1).url()).isEqualTo(SITE + "/xsxc/202411/t20241002_1.html");
        assertThat(v.links().get(1).title()).isEqualTo("关于省委巡视整改进展情况的通报");
        assertThat(v.links().get(1).date()).isEqualTo("2024-10-02");
        assertThat(v.nextPages()).containsExactly(SITE + "/xsxc/index_1.html");
        assertThat(v.reasons()).anyMatch(r -> r.contains("list page 1"))
                .anyMatch(r -> r.startsWith("3 links: 1 report titles, 1 noise titles"));

        // page 2 of the column is recognised too (https or http alike), and points at page 3
        PageView p2 = inspect(html.toString(), "https://www.example.gov.cn/xsxc/index_1.html", PROFILE);
        assertThat(p2.kind()).isEqualTo(PageView.Kind.LIST);
        assertThat(p2.nextPages()).containsExactly(SITE + "/xsxc/index_2.html");
    }

    @Test
    void aPageWithThreeReportLinksIsAListEvenWithoutAProfile() {
        StringBuilder html = new StringBuilder("<html><body><div class=\"col\"><ul>");
        for (int i = 1; i <= 3; i++) {
            html.append("<li><a href=\"/art/2024/10/").append(i).append("/art_1_").append(i).append(".html\">中共示例").append(i)
                    .append("县委关于市委巡察反馈意见整改情况的通报</a> 2024-10-0").append(i).append("</li>");
        }
        html.append("</ul><a href=\"list_2.html\">下一页</a></div>").append("<p>说明文字</p>".repeat(100)).append("</body></html>");
        PageView v = inspect(html.toString(), SITE + "/col/list_1.html", null);
        assertThat(v.kind()).isEqualTo(PageView.Kind.LIST);
        assertThat(v.links()).hasSize(3).allSatisfy(l -> assertThat(l.date()).startsWith("2024-10-0"));
        assertThat(v.nextPages()).containsExactly(SITE + "/col/list_2.html");
        assertThat(v.reasons()).contains("3 links have report titles");
    }

    @Test
    void aHanwebDatastoreIsAList() {
        StringBuilder records = new StringBuilder();
        for (int i = 1; i <= 4; i++) {
            String title = i % 2 == 1 ? "中共示例" + i + "县委关于市委巡察整改情况的通报" : "示例新闻" + i;
            records.append("<record><![CDATA[<li><a href=\"/art/2024/3/").append(i).append("/art_12377_").append(i)
                    .append(".html\" title=\"").append(title).append("\" target=\"_blank\">").append(title)
                    .append("</a><b>2024-03-0").append(i).append("</b></li>]]></record>\n");
        }
        String html = "<html><head><title>工作动态</title></head><body><div id=\"12377\"><script type=\"text/xml\">"
                + "<datastore><nextgroup><![CDATA[<a href=\"/module/web/jpage/dataproxy.jsp?page=1&webid=110&path=/"
                + "&columnid=12377&unitid=38486&webname=示例&permissiontype=0\"></a>]]></nextgroup><recordset>" + records
                + "</recordset></datastore></script></div></body></html>";
        PageView v = inspect(html, SITE + "/col/col12377/index.html", null);
        assertThat(v.kind()).isEqualTo(PageView.Kind.LIST);
        // without a profile the generic list rules keep the records titled as reports
        assertThat(v.links()).extracting(ListPage.Link::url)
                .containsExactly(SITE + "/art/2024/3/1/art_12377_1.html", SITE + "/art/2024/3/3/art_12377_3.html");
        assertThat(v.links().get(0).date()).isEqualTo("2024-03-01");
        assertThat(v.nextPages()).singleElement().asString().contains("dataproxy.jsp?page=2&", "columnid=12377");
        assertThat(v.reasons()).contains("Hanweb datastore with 4 records")
                .anyMatch(r -> r.contains("4 entries in the page's main list, 2 titled as reports"));
    }

    @Test
    void theC3vkCookiePageIsAChallenge() {
        String html = "<html><head><meta charset=\"utf-8\"></head><body><script type=\"text/javascript\">"
                + "var x=\"abc\";document.cookie=\"C3VK=\"+x+\";path=/;\";window.open(\"/was5/web/search?page=1\",\"_self\");"
                + "</script></body></html>";
        PageView v = inspect(html, "https://www.ccdi.gov.cn/was5/web/search?page=1", null);
        assertThat(v.kind()).isEqualTo(PageView.Kind.CHALLENGE);
        assertThat(v.reasons()).anyMatch(r -> r.contains("C3VK"));
        assertThat(v.title()).isNull();
        assertThat(v.body()).isEmpty();
    }

    @Test
    void aFeedbackAnnouncementIsAFeedbackNotice() {
        String body = "<p>11月5日，省委第三巡视组向示例县委反馈巡视情况。会议由县委书记主持。</p>" + PARA + NOTICE_PARA;
        PageView v = inspect(article("省委第三巡视组向示例县委反馈巡视情况", body), SITE + "/xsxc/202411/t20241105_9.html", PROFILE);
        assertThat(v.kind()).isEqualTo(PageView.Kind.FEEDBACK_NOTICE);
        assertThat(v.published()).isEqualTo("2024-11-05");
        assertThat(v.reasons()).anyMatch(r -> r.startsWith("inspection feedback announcement (title: "));

        // a 反馈会 title is noise to the crawler, and a feedback notice here
        PageView meeting = inspect(article("县委第二巡察组巡察反馈会召开", PARA + PARA), SITE + "/xsxc/202411/t20241105_10.html", PROFILE);
        assertThat(meeting.kind()).isEqualTo(PageView.Kind.FEEDBACK_NOTICE);
    }

    @Test
    void theFeedbackRuleReadsTheTitleAndTheLeadOnly() {
        assertThat(FeedbackNotice.match("省委第三巡视组向示例市委反馈巡视情况", "")).isPresent();
        assertThat(FeedbackNotice.match("十四届省委第五轮巡视反馈会召开", null)).isPresent();
        assertThat(FeedbackNotice.match("示例县召开会议", "近日，县委巡察组向县教育局反馈巡察意见。")).get().asString()
                .startsWith("body: ");
        assertThat(FeedbackNotice.match("示例县召开会议", "本县开展廉政教育。".repeat(40) + "县委巡察组向县教育局反馈巡察意见。"))
                .isEmpty();
        assertThat(FeedbackNotice.match("示例县开展廉政教育", "本县开展廉政教育。")).isEmpty();
    }

    @Test
    void otherPagesAreNotReportsAndSayWhichFilterRejectedThem() {
        PageView noise = inspect(article("示例市召开巡察工作推进会", PARA + PARA), SITE + "/xsxc/202411/t20241105_11.html", PROFILE);
        assertThat(noise.kind()).isEqualTo(PageView.Kind.NOT_A_REPORT);
        assertThat(noise.title()).isEqualTo("示例市召开巡察工作推进会");
        assertThat(noise.body()).isNotEmpty();
        assertThat(noise.reasons()).contains("title filter: noise (exclude pattern 推进会)");

        PageView unknown = inspect(article("示例县开展党纪学习教育", PARA + PARA), SITE + "/xsxc/202411/t20241105_12.html", PROFILE);
        assertThat(unknown.kind()).isEqualTo(PageView.Kind.NOT_A_REPORT);
        assertThat(unknown.reasons()).contains("title filter: no include pattern matches the title");
    }

    @Test
    void aTinyPageWithoutTextIsAChallengeAsTheCrawlerJudgesIt() {
        PageView v = inspect("<html><body><p>请稍候</p></body></html>", SITE + "/xsxc/202411/t20241105_13.html", PROFILE);
        assertThat(v.kind()).isEqualTo(PageView.Kind.CHALLENGE);
        assertThat(v.reasons()).anyMatch(r -> r.startsWith("suspiciously small page"));
    }

    @Test
    void aProfileIsMatchedByHostAndStartUrl() {
        List<SiteProfile> shipped = SiteProfiles.shipped();
        assertThat(PageInspector.profileFor("http://www.ccdi.gov.cn/xsxcn/202401/t20240105_1.html", shipped))
                .get().extracting(SiteProfile::name).isEqualTo("ccdi-xsxc");
        assertThat(PageInspector.profileFor("https://www.ccdi.gov.cn/was5/web/search?page=2", shipped))
                .get().extracting(SiteProfile::name).isEqualTo("ccdi-search");
        assertThat(PageInspector.profileFor("https://www.unknown.gov.cn/a.html", shipped)).isEmpty();
        assertThat(PageInspector.profileFor("file:/tmp/a.html", shipped)).isEmpty();
    }
}
