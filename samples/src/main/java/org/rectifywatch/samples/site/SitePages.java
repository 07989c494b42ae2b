package org.rectifywatch.samples.site;

import java.util.List;

/**
 * HTML of the sample site's pages in the two CMS-family layouts (TRS WCM-like and Hanweb-like), and the plain
 * portal layout of the 通知公告 column that no profile describes.
 */
final class SitePages {
    private SitePages() {
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String paragraphs(List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append("<p style=\"text-indent:2em\">").append(esc(l)).append("</p>\n");
        }
        return b.toString();
    }

    static String head(String title, boolean gbk, String pubDate) {
        return "<!DOCTYPE html>\n<html><head>\n"
                + (gbk ? "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\n" : "<meta charset=\"utf-8\">\n")
                + "<meta name=\"ColumnName\" content=\"巡视巡察\">\n"
                + (title == null ? "" : "<meta name=\"ArticleTitle\" content=\"" + esc(title) + "\">\n")
                + (pubDate == null ? "" : "<meta name=\"PubDate\" content=\"" + pubDate + " 17:00\">\n")
                + "<title>" + (title == null ? "巡视巡察" : esc(title)) + "_示例市纪委监委网站</title>\n"
                + "<link rel=\"stylesheet\" href=\"/css/main.css\">\n"
                + "<script>var _hmt = _hmt || []; document.write('<span>统计</span>');</script>\n"
                + "</head>\n";
    }

    /** The page with its charset declaration removed (for a page whose bytes only detection can read). */
    static String withoutCharsetDeclaration(String html) {
        String out = html.replace("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\n", "")
                .replace("<meta charset=\"utf-8\">\n", "");
        if (out.toLowerCase(java.util.Locale.ROOT).contains("charset")) {
            throw new IllegalStateException("a charset declaration is left in the page");
        }
        return out;
    }

    static final String NAV = "<div class=\"header\"><div class=\"logo\">示例市纪委监委网站</div><ul class=\"nav\">"
            + "<li><a href=\"/\">首页</a></li><li><a href=\"/xsxc/index.html\">巡视巡察</a></li>"
            + "<li><a href=\"/gzdt/index.html\">工作动态</a></li><li><a href=\"/xxgk/index.html\">信息公开</a></li></ul></div>\n";

    static final String FOOTER = "<div class=\"footer\"><p>主办单位：示例市纪委监委 地址：示例市人民路1号</p>"
            + "<p>备案号：示ICP备00000000号-1 网站标识码：0000000000</p></div>\n";

    static String trs(SiteArticle a, List<String> lines, int pageIndex, String baseName, String attachment) {
        StringBuilder b = new StringBuilder(head(a.title(), a.gbk(), a.pageDate()));
        b.append("<body>\n").append(NAV)
                .append("<div class=\"position\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/xsxc/index.html\">巡视巡察</a></div>\n")
                .append("<div class=\"Article_61\">\n<h2 class=\"tit\">").append(esc(a.title())).append("</h2>\n")
                .append("<div class=\"tit_box\"><em class=\"e1\">来源：示例市纪委监委</em><em class=\"e2\">发布时间：")
                .append(a.pageDate()).append(" 17:00</em></div>\n")
                .append("<div class=\"content\"><div class=\"TRS_Editor\">\n").append(paragraphs(lines))
                .append("</div></div>\n");
        if (a.pages() > 1) {
            b.append("<div class=\"page\" id=\"pager\"><script>createPageHTML_ZW(").append(a.pages()).append(", ")
                    .append(pageIndex).append(", \"").append(baseName).append("\", \"html\");</script></div>\n");
        }
        if (attachment != null) {
            b.append("<div class=\"fj\">附件：<a href=\"").append(attachment).append("\">整改任务清单.pdf</a></div>\n");
        }
        b.append("<div class=\"share\">分享到：<a href=\"#\">微信</a> <a href=\"#\">微博</a> 【<a href=\"javascript:window.print()\">打印</a>】</div>\n")
                .append("</div>\n").append(FOOTER).append("</body></html>\n");
        return b.toString();
    }

    static String hanweb(SiteArticle a, List<String> lines) {
        StringBuilder b = new StringBuilder(head(a.title(), a.gbk(), null));
        b.append("<body>\n").append(NAV)
                .append("<table class=\"xxgk_table\"><tr><td>信息索引号：</td><td>000000000/").append(a.pageDate(), 0, 4)
                .append("-00001</td><td>发布机构：</td><td>示例区人民政府</td></tr>")
                .append("<tr><td>文件名称：</td><td colspan=\"3\">").append(esc(a.title())).append("</td></tr>")
                .append("<tr><td>成文日期：</td><td>").append(a.pageDate()).append("</td><td>公开方式：</td><td>主动公开</td></tr></table>\n")
                .append("<div class=\"title\"><h1>").append(esc(a.title())).append("</h1></div>\n")
                .append("<div class=\"info\"><span>日期：").append(a.pageDate()).append("</span> <span>来源：示例区委办</span> ")
                .append("<span>浏览量：<b>318</b></span> <span>分享</span> <span>朗读</span></div>\n")
                .append("<div id=\"zoom\">\n").append(paragraphs(lines)).append("</div>\n")
                .append("<div class=\"bdshare\">分享到：<a href=\"#\">微信</a> 扫一扫在手机打开当前页</div>\n")
                .append(FOOTER).append("</body></html>\n");
        return b.toString();
    }

    /**
     * A one-line article that publishes its report as a file: TRS puts the link in the body (附件：…), Hanweb below it,
     * as the real sites do.
     */
    static String fileArticle(SiteArticle a, String href) {
        String link = "<a href=\"" + esc(href) + "\" target=\"_blank\">" + esc(a.file().linkText()) + "</a>";
        if (a.layout() == SiteArticle.Layout.HANWEB) {
            String page = hanweb(a, List.of("现将" + a.title() + "全文予以公布,欢迎广大干部群众监督。"));
            return page.replace("</div>\n<div class=\"bdshare\">", "</div>\n<div class=\"fj\">附件：" + link
                    + "</div>\n<div class=\"bdshare\">");
        }
        String page = trs(a, List.of("现将《" + a.title() + "》予以公布（见附件）。"), 0, null, null);
        return page.replace("</p>\n</div></div>", "</p>\n<p>附件：" + link + "</p>\n</div></div>");
    }

    static String challenge() {
        return "<html><head><title>验证</title><script src=\"https://seccaptcha.haplat.net/sdk.js\"></script>"
                + "<script>document.cookie='HOY_TR=abc';location.reload();</script></head>"
                + "<body><div id=\"captchaPage\"></div></body></html>";
    }

    static String list(String column, List<SiteArticle> items, int page, int total) {
        StringBuilder b = new StringBuilder(head(null, false, null));
        b.append("<body>\n").append(NAV).append("<div class=\"list\"><h3>").append(esc(column)).append("</h3>\n<ul class=\"list_news_dl2\">\n");
        for (SiteArticle a : items) {
            b.append("<li><a href=\"").append(a.path()).append("\"");
            if (a.listTitle().equals(a.title())) {
                b.append(" title=\"").append(esc(a.title())).append("\"");
            }
            b.append(">").append(esc(a.listTitle())).append("</a><span class=\"more\">").append(a.pageDate()).append("</span></li>\n");
        }
        b.append("</ul>\n<div class=\"page\"><script>createPageHTML(").append(total).append(", ").append(page)
                .append(", \"index\", \"html\");</script></div></div>\n")
                .append("<div class=\"links\"><a href=\"http://www.example.gov.cn/\">相关链接</a></div>\n")
                .append(FOOTER).append("</body></html>\n");
        return b.toString();
    }

    // ---- the plain portal layout (通知公告): no TRS or Hanweb class names, nothing a profile names --------

    static final String PLAIN_TOP = "<div class=\"top\"><div class=\"logo\">示例市人民政府门户网站</div><ul class=\"menu\">"
            + "<li><a href=\"/\">首页</a></li><li><a href=\"/xxgk/index.html\">信息公开</a></li>"
            + "<li><a href=\"/xxgk/tzgg/index.html\">通知公告</a></li><li><a href=\"/hdjl/zxts.html\">在线投诉</a></li>"
            + "<li><a href=\"/xsxc/index.html\">巡视巡察</a></li></ul></div>\n";

    static final String PLAIN_FOOT = "<div class=\"foot\"><p><a href=\"/about.html\">关于本站</a> | <a href=\"/sitemap.html\">网站地图</a>"
            + " | <a href=\"http://www.gov.cn/\">中国政府网</a></p><p>主办单位：示例市人民政府办公室 备案号：示ICP备00000001号</p></div>\n";

    private static String plainHead(String title) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head>\n<meta charset=\"utf-8\">\n<title>" + esc(title)
                + " - 示例市人民政府门户网站</title>\n<link rel=\"stylesheet\" href=\"/css/portal.css\">\n</head>\n";
    }

    /** 2026-06-12 as 2026年06月12日, the way this portal prints list dates. */
    static String plainDate(String iso) {
        return iso.substring(0, 4) + "年" + iso.substring(5, 7) + "月" + iso.substring(8, 10) + "日";
    }

    /**
     * A list page of the 通知公告 column: a side bar of hot links first (report titles among them), then the list, a
     * {@code <span>} date after each link, and TRS paging with the page count in a variable.
     */
    static String plainList(String column, List<SiteArticle> items, List<SiteArticle> hot, int page, int total) {
        StringBuilder b = new StringBuilder(plainHead(column)).append("<body>\n").append(PLAIN_TOP)
                .append("<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/xxgk/index.html\">信息公开</a> &gt; ")
                .append(esc(column)).append("</div>\n<div class=\"wrap\">\n<div class=\"side\"><h4>热点推荐</h4><ul class=\"hot\">\n");
        for (SiteArticle a : hot) {
            b.append("<li><a href=\"").append(a.path()).append("\">").append(esc(a.title())).append("</a></li>\n");
        }
        b.append("</ul></div>\n<div class=\"main\"><div class=\"col-title\">").append(esc(column)).append("</div>\n<ul class=\"list\">\n");
        for (SiteArticle a : items) {
            b.append("<li><a href=\"").append(a.path()).append("\" target=\"_blank\">").append(esc(a.listTitle()))
                    .append("</a><span>").append(plainDate(a.pageDate())).append("</span></li>\n");
        }
        b.append("</ul>\n<div class=\"pagination\"><script type=\"text/javascript\">\nvar countPage = ").append(total)
                .append("//共多少页\nvar currentPage = ").append(page).append(";\ncreatePageHTML(countPage, currentPage, \"index\", \"html\");\n")
                .append("</script></div>\n</div>\n</div>\n").append(PLAIN_FOOT).append("</body></html>\n");
        return b.toString();
    }

    /** An article of the 通知公告 column: heading, a 发布日期 line, the text in {@code div.detail-body}. */
    static String plain(SiteArticle a, List<String> lines) {
        String d = a.pageDate();
        String shown = d.substring(0, 4) + "年" + Integer.parseInt(d.substring(5, 7)) + "月" + Integer.parseInt(d.substring(8, 10)) + "日";
        return plainHead(a.title()) + "<body>\n" + PLAIN_TOP
                + "<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/xxgk/tzgg/index.html\">通知公告</a></div>\n"
                + "<div class=\"detail\">\n<h1 class=\"detail-title\">" + esc(a.title()) + "</h1>\n"
                + "<div class=\"detail-info\"><span>发布日期：" + shown + "</span> <span>来源：示例市人民政府办公室</span> "
                + "<span>【字体：<a href=\"#\">大</a> <a href=\"#\">中</a> <a href=\"#\">小</a>】</span></div>\n"
                + "<div class=\"detail-body\">\n" + paragraphs(lines) + "</div>\n"
                + "<div class=\"detail-tools\">【<a href=\"javascript:window.print()\">打印本页</a>】【<a href=\"javascript:window.close()\">关闭窗口</a>】</div>\n"
                + "</div>\n" + PLAIN_FOOT + "</body></html>\n";
    }
}
