package org.rectifywatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How a list page read without a profile names the next page of its column. */
class ListPagingTest {
    private static final String COL = "http://www.example.gov.cn/col/";
    private static final String LIST = "<ul class=\"list\"><li><a href=\"/col/1.html\">中共示例县委关于省委巡视整改进展情况的通报</a>"
            + "<span>2025-06-12</span></li><li><a href=\"/col/2.html\">示例新闻</a><span>2025-06-01</span></li></ul>";

    private static ListPage page(String url, String pager) {
        return ListPage.parse("<html><body>" + LIST + "<div class=\"page\">" + pager + "</div></body></html>", url, null,
                LocalDate.parse("2026-12-01"));
    }

    @Test
    void theNextPageLinkByItsTextTitleOrClass() {
        assertThat(page(COL + "index.html", "<a href=\"index.html\">首页</a> <a href=\"index_1.html\">下一页</a> "
                + "<a href=\"index_9.html\">尾页</a>").nextUrl()).isEqualTo(COL + "index_1.html");
        assertThat(page(COL + "list.jsp?page=2", "<a href=\"list.jsp?page=1\">上页</a> <a href=\"list.jsp?page=3\">下页</a>")
                .nextUrl()).isEqualTo(COL + "list.jsp?page=3");
        assertThat(page(COL + "index.html", "<a href=\"?p=2\">[下一页]</a>").nextUrl()).isEqualTo(COL + "index.html?p=2");
        assertThat(page(COL + "a.html", "<a href=\"a.html?page=1\">‹</a> <a href=\"b.html\">›</a>").nextUrl())
                .isEqualTo(COL + "b.html");
        assertThat(page(COL + "a.html", "<a href=\"p1.html\">1</a> <a href=\"p2.html\">2</a> <a href=\"p2.html\">»</a>").nextUrl())
                .isEqualTo(COL + "p2.html");
        assertThat(page(COL + "a.html", "<a href=\"c.html\">&gt;</a>").nextUrl()).isEqualTo(COL + "c.html");
        assertThat(page(COL + "a.html", "<a class=\"page-next\" href=\"d.html\"></a>").nextUrl()).isEqualTo(COL + "d.html");
        assertThat(page(COL + "a.html", "<ul><li class=\"next\"><a href=\"e.html\">后页</a></li></ul>").nextUrl())
                .isEqualTo(COL + "e.html");
        assertThat(page(COL + "a.html", "<a title=\"下一页\" href=\"f.html\"><img src=\"next.gif\"></a>").nextUrl())
                .isEqualTo(COL + "f.html");
    }

    @Test
    void aNextLinkToTheSamePageOrAScriptIsNoNextPage() {
        assertThat(page(COL + "index_4.html", "<a href=\"index_4.html\">下一页</a>").nextUrl()).isNull();
        assertThat(page(COL + "index.html", "<a href=\"javascript:void(0)\">下一页</a>").nextUrl()).isNull();
        assertThat(page(COL + "index.html", "<a href=\"#\">下一页</a>").nextUrl()).isNull();
        assertThat(page(COL + "index.html", "").nextUrl()).isNull();
    }

    @Test
    void trsCreatePageHtmlWithLiteralCounts() {
        ListPage first = page(COL + "index.html", "<script>createPageHTML(5, 0, \"index\", \"html\");</script>");
        assertThat(first.totalPages()).isEqualTo(5);
        assertThat(first.nextUrl()).isEqualTo(COL + "index_1.html");
        assertThat(page(COL, "<script>createPageHTML(5, 0, \"index\", \"html\");</script>").nextUrl()).isEqualTo(COL + "index_1.html");
        assertThat(page(COL + "index_3.html", "<script>createPageHTML('5','3','index','shtml');</script>").nextUrl())
                .isEqualTo(COL + "index_4.shtml");
        ListPage last = page(COL + "index_4.html", "<script>createPageHTML(5, 4, \"index\", \"html\");</script>"
                + "<a href=\"index_5.html\">5</a>");
        assertThat(last.nextUrl()).as("the last page, whatever it links").isNull();
        assertThat(last.totalPages()).isEqualTo(5);
        // the newer form names the pager's element first
        assertThat(page(COL + "index.html", "<script>createPageHTML('page_div', 3, 0, 'index', 'html', 60);</script>").nextUrl())
                .isEqualTo(COL + "index_1.html");
    }

    @Test
    void trsCreatePageHtmlWithVariableCounts() {
        String script = "<script type=\"text/javascript\">var countPage = 5//共多少页\nvar currentPage = 1;\n"
                + "createPageHTML(countPage, currentPage, \"index\", \"html\");</script>";
        ListPage p = page(COL + "index_1.html", script);
        assertThat(p.totalPages()).isEqualTo(5);
        assertThat(p.nextUrl()).isEqualTo(COL + "index_2.html");
        // a current page the script does not say is the URL's
        ListPage q = page(COL + "index_2.html", "<script>var countPage = 3;\ncreatePageHTML(countPage, nCurr, \"index\", \"html\");</script>");
        assertThat(q.totalPages()).isEqualTo(3);
        assertThat(q.nextUrl()).isNull();
        // the function's own definition in the page is not a call
        String defined = "<script>function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) { var _nPageCount = 0; }\n"
                + "var countPage = 4;\ncreatePageHTML(countPage, 0, \"index\", \"html\");</script>";
        assertThat(page(COL + "index.html", defined).nextUrl()).isEqualTo(COL + "index_1.html");
        assertThat(page(COL + "index.html", defined).totalPages()).isEqualTo(4);
    }

    @Test
    void indexNSiblingsPrintedAsPlainLinks() {
        String pager = "<a href=\"index.html\">1</a> <a href=\"index_2.html\">2</a> <a href=\"index_3.html\">3</a>";
        // Guangdong's platform: index.html, index_2.html, index_3.html
        assertThat(page(COL + "index.html", pager).nextUrl()).isEqualTo(COL + "index_2.html");
        assertThat(page(COL + "index_2.html", pager).nextUrl()).isEqualTo(COL + "index_3.html");
        assertThat(page(COL + "index_3.html", pager).nextUrl()).isNull();
        assertThat(page(COL, pager).nextUrl()).isEqualTo(COL + "index_2.html");
        // siblings of another name or folder are not pages of this column
        assertThat(page(COL + "index.html", "<a href=\"/other/index_2.html\">2</a> <a href=\"list_2.html\">2</a>").nextUrl()).isNull();
        assertThat(page(COL + "list_1.html", "<a href=\"list_2.html\">2</a>").nextUrl()).isEqualTo(COL + "list_2.html");
    }
}
