package org.rectifywatch.ingest.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.rectifywatch.ingest.profile.SiteProfile;

/**
 * Article links of a column's list page, the total page count TRS writes in {@code createPageHTML(total, …)},
 * and the 下一页 link.
 *
 * @param links      article links in page order, each once
 * @param totalPages pages the column says it has, or 0 when unknown
 * @param nextUrl    absolute URL of the 下一页 link, or null
 */
public record ListPage(List<Link> links, int totalPages, String nextUrl) {

    /** An article link and the title shown for it (the {@code title} attribute when the text is cut short). */
    public record Link(String url, String title) {
    }

    private static final Pattern TOTAL = Pattern.compile("createPageHTML\\(\\s*['\"]?(\\d+)");
    private static final Pattern ARTICLE_LIKE = Pattern.compile("\\.(s?html?)$");
    private static final Pattern LIST_LIKE = Pattern.compile("/(index|list|default)(_?\\d+)?\\.s?html?$");

    public static ListPage parse(String html, String url, SiteProfile profile) {
        Document doc = Jsoup.parse(html, url);
        Matcher tm = TOTAL.matcher(html);
        int total = tm.find() ? Integer.parseInt(tm.group(1)) : 0;
        String next = null;
        for (Element a : doc.select("a[href]")) {
            String t = a.text().trim();
            if (t.equals("下一页") || t.equals("下页") || t.equals("下一页>") || t.equals("下一页 >")) {
                String abs = a.absUrl("href");
                if (!abs.isEmpty() && !abs.equals(url)) {
                    next = abs;
                }
                break;
            }
        }
        doc.select("script, style, noscript").remove();
        String selector = profile == null || profile.linkSelector() == null || profile.linkSelector().isBlank()
                ? "a[href]" : profile.linkSelector();
        Pattern articlePattern = profile == null || profile.articleUrlPattern() == null || profile.articleUrlPattern().isBlank()
                ? null : Pattern.compile(profile.articleUrlPattern());
        Map<String, Link> links = new LinkedHashMap<>();
        for (Element e : doc.select(selector)) {
            Element a = e.normalName().equals("a") ? e : e.selectFirst("a[href]");
            if (a == null) {
                continue;
            }
            String abs = a.absUrl("href");
            if (abs.isEmpty() || !(abs.startsWith("http://") || abs.startsWith("https://"))) {
                continue;
            }
            String path;
            try {
                path = URI.create(abs).getPath();
            } catch (IllegalArgumentException ex) {
                continue;
            }
            if (path == null) {
                continue;
            }
            if (articlePattern != null ? !articlePattern.matcher(path).find()
                    : !ARTICLE_LIKE.matcher(path).find() || LIST_LIKE.matcher(path).find()) {
                continue;
            }
            String title = a.attr("title").isBlank() ? a.text() : a.attr("title");
            links.putIfAbsent(abs, new Link(abs, ArticleText.normalizeLine(title)));
        }
        return new ListPage(new ArrayList<>(links.values()), total, next);
    }
}
