package org.rectifywatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rectifywatch.ingest.profile.UrlProfiles;

/**
 * The generic list rules (a list page read without a profile, or with one built from the column URL) on small list
 * pages of the markup families seen on government sites: which links are the column's reports and notices, and the
 * date printed beside each.
 */
class GenericListTest {
    private static final String SITE = "http://www.example.gov.cn";
    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    private static final String R1 = "中共示例县委关于省委巡视整改进展情况的通报";
    private static final String R2 = "中共示例区卫生健康局党委关于区委巡察反馈意见整改情况的通报";
    private static final String NOTICE = "省委第三巡视组向示例县委反馈巡视情况";
    private static final String MEETING = "省委第三巡视组巡视示例县工作动员会召开";
    private static final String NEWS = "示例县开展安全生产大检查";

    private static final String TOP = "<div class=\"header\"><ul class=\"nav\"><li><a href=\"/\">首页</a></li>"
            + "<li><a href=\"/xwzx/index.html\">新闻中心</a></li><li><a href=\"/about.html\">" + R1 + "</a></li></ul></div>";
    private static final String FOOT = "<div class=\"footer\"><a href=\"/sitemap.html\">网站地图</a> <a href=\"/contact.html\">"
            + "联系我们</a> 主办单位：示例县人民政府</div>";

    private static ListPage parse(String body, String url) {
        return ListPage.parse("<html><head><meta charset=\"utf-8\"><title>栏目</title></head><body>" + TOP + body + FOOT
                + "</body></html>", url, null, TODAY);
    }

    private static List<String> titles(ListPage p) {
        return p.links().stream().map(ListPage.Link::title).toList();
    }

    @Test
    void aPlainListWithDatesInSpansKeepsTheReportAndNoticeTitlesOfTheMainList() {
        String html = "<div class=\"side\"><h4>热点</h4><ul class=\"hot\"><li><a href=\"/xsxc/202401/t20240105_1.html\">"
                + R2 + "</a></li><li><a href=\"/a/2.html\">热点新闻二</a></li><li><a href=\"/a/3.html\">热点新闻三</a></li>"
                + "<li><a href=\"/a/4.html\">热点新闻四</a></li></ul></div>"
                + "<div class=\"main\"><ul class=\"list\">"
                + "<li><a href=\"/tzgg/1001.html\" target=\"_blank\">" + R1 + "</a><span>2025-06-12</span></li>"
                + "<li><a href=\"/tzgg/1002.html\">" + NEWS + "</a><span>2025-06-10</span></li>"
                + "<li><a href=\"/tzgg/1003.html\">" + MEETING + "</a><span>2025-03-02</span></li>"
                + "<li><a href=\"/tzgg/1004.html\">" + NOTICE + "</a><span>2025-01-17</span></li>"
                + "</ul></div>";
        ListPage p = parse(html, SITE + "/tzgg/index.html");
        assertThat(p.links()).extracting(ListPage.Link::url).containsExactly(SITE + "/tzgg/1001.html", SITE + "/tzgg/1004.html");
        assertThat(p.links()).extracting(ListPage.Link::date).containsExactly("2025-06-12", "2025-01-17");
        assertThat(p.entries()).isEqualTo(4);
        // the side bar's report and the navigation's report-titled link are page chrome
        assertThat(p.links()).extracting(ListPage.Link::url).doesNotContain(SITE + "/xsxc/202401/t20240105_1.html",
                SITE + "/about.html");
    }

    @Test
    void aTableRowGivesTheDateOfItsOtherCell() {
        String html = "<table class=\"tb\"><tr><th>标题</th><th>发布日期</th></tr>"
                + "<tr><td><a href=\"./content_11.html\" title=\"" + R2 + "\">中共示例区卫生健康局党委关于区委巡察反馈…</a></td>"
                + "<td>2025年6月12日</td></tr>"
                + "<tr><td><a href=\"./content_12.html\">" + NEWS + "</a></td><td>2025年5月3日</td></tr>"
                + "<tr><td><a href=\"./content_13.html\">" + R1 + "</a></td><td>2024年12月30日</td></tr></table>";
        ListPage p = parse(html, SITE + "/col/index.html");
        assertThat(titles(p)).containsExactly(R2, R1);
        assertThat(p.links()).extracting(ListPage.Link::date).containsExactly("2025-06-12", "2024-12-30");
        assertThat(p.entries()).isEqualTo(3);
    }

    @Test
    void divItemsWithSummariesAndBracketedDates() {
        String item = "<div class=\"news-item\"><h3><a href=\"%s\">%s</a></h3><p>%s</p><span class=\"t\">(%s)</span></div>";
        String html = "<div class=\"news-list\">"
                + String.format(item, "/xw/2025/0612/a1.html", R1, "现将巡视整改进展情况予以公布。", "2025.06.12")
                + String.format(item, "/xw/2025/0601/a2.html", NEWS, "近日，示例县开展安全生产大检查。", "2025.06.01")
                + String.format(item, "/xw/2025/0520/a3.html", R2, "现将巡察整改情况予以公布。", "2025.05.20")
                + "</div>";
        ListPage p = parse(html, SITE + "/xw/");
        assertThat(titles(p)).containsExactly(R1, R2);
        assertThat(p.links()).extracting(ListPage.Link::date).containsExactly("2025-06-12", "2025-05-20");
    }

    @Test
    void aFlatRunOfLinksWithYearlessDatesTakesTheYearFromTheUrlOrToday() {
        String html = "<div class=\"lb\">"
                + "<a href=\"/xsxc/202506/t20250612_1.html\">" + R1 + "</a> [06-12]<br>"
                + "<a href=\"/xsxc/202605/t20260520_2.html\">" + NEWS + "</a> [05-20]<br>"
                + "<a href=\"/xsxc/show_3.html\">" + R2 + "</a> [11-28]<br>"
                + "<a href=\"/xsxc/show_4.html\">" + NOTICE + "</a> [12-15]<br>"
                + "</div>";
        ListPage p = parse(html, SITE + "/xsxc/index.html");
        assertThat(titles(p)).containsExactly(R1, R2, NOTICE);
        // the URL's year; else this year; else last year when this year's date is still to come
        assertThat(p.links()).extracting(ListPage.Link::date).containsExactly("2025-06-12", "2026-11-28", "2025-12-15");
    }

    @Test
    void definitionListsPairEachTermWithItsOwnDate() {
        String html = "<dl class=\"dlist\">"
                + "<dt><a href=\"/gk/1.html\">" + R1 + "</a></dt><dd>发布时间：2025-06-12</dd>"
                + "<dt><a href=\"/gk/2.html\">" + NEWS + "</a></dt><dd>发布时间：2025-06-01</dd>"
                + "<dt><a href=\"/gk/3.html\">" + R2 + "</a></dt><dd>发布时间：2025-05-20</dd>"
                + "</dl>";
        ListPage p = parse(html, SITE + "/gk/index.html");
        assertThat(titles(p)).containsExactly(R1, R2);
        assertThat(p.links()).extracting(ListPage.Link::date).containsExactly("2025-06-12", "2025-05-20");
    }

    @Test
    void aDatePrintedInsideTheLinkIsTheDateNotPartOfTheTitle() {
        String html = "<ul class=\"news\">"
                + "<li><a href=\"/n/1.html\"><span class=\"tit\">" + R1 + "</span><span class=\"date\">2025-06-12</span></a></li>"
                + "<li><a href=\"/n/2.html\"><span class=\"tit\">" + NEWS + "</span><span class=\"date\">2025-06-01</span></a></li>"
                + "<li><a href=\"/n/3.html\"><span class=\"tit\">" + NOTICE + "</span><span class=\"date\">[2025/01/17]</span></a></li>"
                + "</ul>";
        ListPage p = parse(html, SITE + "/n/index.html");
        assertThat(titles(p)).containsExactly(R1, NOTICE);
        assertThat(p.links()).extracting(ListPage.Link::date).containsExactly("2025-06-12", "2025-01-17");
    }

    @Test
    void aTitleCutShortIsKeptWhenItSpeaksOfAnInspection() {
        String html = "<ul class=\"list\">"
                + "<li><a href=\"/c/1.html\">中共示例县委关于省委巡视整改进展...</a><span>2025-06-12</span></li>"
                + "<li><a href=\"/c/2.html\">示例县召开2025年安全生产工作…</a><span>2025-06-10</span></li>"
                + "<li><a href=\"/c/3.html\">" + NEWS + "</a><span>2025-06-09</span></li>"
                + "</ul>";
        ListPage p = parse(html, SITE + "/c/index.html");
        assertThat(p.links()).extracting(ListPage.Link::url).containsExactly(SITE + "/c/1.html");
    }

    @Test
    void aListPrintedAsSeveralBlocksIsReadWhole() {
        StringBuilder html = new StringBuilder("<div class=\"main\">");
        int n = 0;
        for (int block = 0; block < 3; block++) {
            html.append("<ul class=\"list\">");
            for (int i = 0; i < 5; i++) {
                n++;
                String title = n % 4 == 1 ? "中共示例" + n + "县委关于市委巡察整改情况的通报" : "工作动态" + n;
                html.append("<li><a href=\"/gzdt/").append(n).append(".html\">").append(title).append("</a><span>2025-0")
                        .append(1 + block).append("-1").append(i).append("</span></li>");
            }
            html.append("</ul><div class=\"line\"></div>");
        }
        html.append("</div>");
        ListPage p = parse(html.toString(), SITE + "/gzdt/index.html");
        assertThat(p.entries()).isEqualTo(15);
        assertThat(p.links()).extracting(ListPage.Link::url)
                .containsExactly(SITE + "/gzdt/1.html", SITE + "/gzdt/5.html", SITE + "/gzdt/9.html", SITE + "/gzdt/13.html");
    }

    @Test
    void theDatedMainListWinsOverABiggerUndatedSideBar() {
        StringBuilder side = new StringBuilder("<div class=\"r-box\"><ul class=\"rank\">");
        for (int i = 1; i <= 8; i++) {
            side.append("<li><a href=\"/rank/").append(i).append(".html\">").append(i == 1 ? R2 : "排行新闻" + i).append("</a></li>");
        }
        side.append("</ul></div>");
        String main = "<div class=\"l-box\"><ul class=\"cols\"><li><a href=\"/col/2/1.html\">" + R1 + "</a><em>2025-06-12</em></li>"
                + "<li><a href=\"/col/2/2.html\">" + NEWS + "</a><em>2025-06-01</em></li>"
                + "<li><a href=\"/col/2/3.html\">工作动态三</a><em>2025-05-30</em></li>"
                + "<li><a href=\"/col/2/4.html\">工作动态四</a><em>2025-05-29</em></li>"
                + "<li><a href=\"/col/2/5.html\">工作动态五</a><em>2025-05-28</em></li></ul></div>";
        ListPage p = parse(side + main, SITE + "/col/2/index_2.html");
        assertThat(p.links()).extracting(ListPage.Link::url).containsExactly(SITE + "/col/2/1.html");
        assertThat(p.entries()).isEqualTo(5);
    }

    @Test
    void aPageOfOtherNewsHasEntriesButNoLinks() {
        String html = "<ul class=\"list\"><li><a href=\"/x/1.html\">" + NEWS + "</a><span>2025-06-01</span></li>"
                + "<li><a href=\"/x/2.html\">" + MEETING + "</a><span>2025-05-01</span></li></ul>";
        ListPage p = parse(html, SITE + "/x/index_3.html");
        assertThat(p.links()).isEmpty();
        assertThat(p.entries()).isEqualTo(2);
    }

    @Test
    void aColumnOfOneReportWithoutARepeatedBlockStillGivesIt() {
        String html = "<div class=\"content\"><div class=\"item\"><a href=\"/only/1.html\">" + R1 + "</a> 2025-06-12</div></div>";
        ListPage p = parse(html, SITE + "/only/index.html");
        assertThat(p.links()).singleElement().satisfies(l -> {
            assertThat(l.url()).isEqualTo(SITE + "/only/1.html");
            assertThat(l.date()).isEqualTo("2025-06-12");
        });
    }

    @Test
    void aProfileBuiltFromTheUrlReadsListsByTheGenericRules() {
        String html = "<html><body>" + TOP + "<ul class=\"list\"><li><a href=\"/tzgg/1.html\">" + R1 + "</a><span>2025-06-12</span></li>"
                + "<li><a href=\"/tzgg/2.html\">" + NEWS + "</a><span>2025-06-01</span></li></ul>" + FOOT + "</body></html>";
        var profile = UrlProfiles.of(SITE + "/tzgg/index.html", 5);
        assertThat(ListPage.isGeneric(profile)).isTrue();
        ListPage p = ListPage.parse(html, SITE + "/tzgg/index.html", profile, TODAY);
        assertThat(titles(p)).containsExactly(R1);
        assertThat(p.entries()).isEqualTo(2);
    }
}
