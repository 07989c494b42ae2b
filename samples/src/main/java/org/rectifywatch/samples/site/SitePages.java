package org.rectifywatch.samples.site;

import java.util.List;

/** HTML of the sample site's pages in the two CMS-family layouts (TRS WCM-like and Hanweb-like). */
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
}
