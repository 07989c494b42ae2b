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
import org.rectifywatch.ingest.profile.Pagination;
import org.rectifywatch.ingest.profile.SiteProfile;

/**
 * Article links of a column's list page, the total page count TRS writes in {@code createPageHTML(total, …)},
 * and the URL of the next list page.
 *
 * <p>Hanweb (大汉) column pages keep their list inside {@code <script type="text/xml"><datastore>…<recordset>
 * <record><![CDATA[<li><a href=…>title</a><b>date</b></li>]]></record>…}; the records are read as part of the
 * page, in place of the script. Further Hanweb pages come from {@code /module/web/jpage/dataproxy.jsp?page=N…}
 * (the {@code <nextgroup>} link of the datastore gives the parameters), which answers with a bare
 * {@code <datastore>} of the same shape.
 *
 * @param links      article links in page order, each once
 * @param totalPages pages the column says it has, or 0 when unknown
 * @param nextUrl    absolute URL of the next list page (the 下一页 link, or the Hanweb dataproxy page), or null
 */
public record ListPage(List<Link> links, int totalPages, String nextUrl) {

    /**
     * An article link, the title shown for it (the {@code title} attribute when the text is cut short) and the
     * date shown next to it (ISO yyyy-MM-dd, or null).
     */
    public record Link(String url, String title, String date) {
        public Link(String url, String title) {
            this(url, title, null);
        }
    }

    private static final Pattern TOTAL = Pattern.compile("createPageHTML\\(\\s*['\"]?(\\d+)");
    private static final Pattern ARTICLE_LIKE = Pattern.compile("\\.(s?html?)$");
    private static final Pattern LIST_LIKE = Pattern.compile("/(index|list|default)(_?\\d+)?\\.s?html?$");
    private static final Pattern DATASTORE = Pattern.compile("(?is)<datastore>(.*?)</datastore>");
    private static final Pattern RECORD = Pattern.compile("(?is)<record>\\s*(?:<!\\[CDATA\\[(.*?)]]>|(.*?))\\s*</record>");
    private static final Pattern NEXTGROUP = Pattern.compile("(?is)<nextgroup>\\s*(?:<!\\[CDATA\\[(.*?)]]>|(.*?))\\s*</nextgroup>");
    private static final Pattern HREF = Pattern.compile("(?i)href\\s*=\\s*[\"']([^\"']+)[\"']");
    static final String DATAPROXY = "/module/web/jpage/dataproxy.jsp";

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
        Hanweb hanweb = Hanweb.read(html, url);
        if (hanweb.found()) {
            hanweb.inline(doc);
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
            String title = a.attr("title").isBlank() ? ArticleExtractor.visibleText(a) : a.attr("title");
            links.putIfAbsent(abs, new Link(abs, ArticleText.normalizeLine(title), dateNear(a, e)));
        }
        if (next == null && hanweb.found() && !links.isEmpty()) {
            next = hanweb.nextPageUrl(url);
        }
        return new ListPage(new ArrayList<>(links.values()), total, next);
    }

    /** The date printed in the link's list item (outside the link text), or null. */
    private static String dateNear(Element a, Element selected) {
        Element item = a.closest("li, tr, dd, dl");
        if (item == null) {
            item = selected != a ? selected : a.parent();
        }
        if (item == null) {
            return null;
        }
        String outside = item.text().replace(a.text(), " ");
        return PageDates.first(outside);
    }

    /** The Hanweb datastore blocks of a page (inside {@code <script type="text/xml">} or a bare dataproxy answer). */
    record Hanweb(List<String> records, String nextGroupHref) {
        boolean found() {
            return !records.isEmpty() || nextGroupHref != null;
        }

        static Hanweb read(String html, String url) {
            if (!html.contains("<datastore") && !html.contains("<DATASTORE")) {
                return new Hanweb(List.of(), null);
            }
            List<String> records = new ArrayList<>();
            String nextGroup = null;
            Matcher ds = DATASTORE.matcher(html);
            while (ds.find()) {
                String block = ds.group(1);
                Matcher r = RECORD.matcher(block);
                while (r.find()) {
                    records.add(r.group(1) != null ? r.group(1) : r.group(2));
                }
                Matcher ng = NEXTGROUP.matcher(block);
                if (nextGroup == null && ng.find()) {
                    Matcher href = HREF.matcher(ng.group(1) != null ? ng.group(1) : ng.group(2));
                    if (href.find()) {
                        nextGroup = href.group(1).replace("&amp;", "&").trim();
                    }
                }
            }
            return new Hanweb(List.copyOf(records), nextGroup);
        }

        /** Puts the records where their script was (or makes them the body of a bare dataproxy answer). */
        void inline(Document doc) {
            String joined = String.join("\n", records);
            boolean placed = false;
            for (Element s : doc.select("script")) {
                if (s.data().contains("<datastore") || s.data().contains("<DATASTORE")) {
                    if (!placed) {
                        Element holder = new Element("ul").addClass("hanweb-datastore");
                        s.before(holder);
                        holder.append(joined);
                        placed = true;
                    }
                    s.remove();
                }
            }
            if (!placed) {
                // a dataproxy.jsp answer: XML whose CDATA the HTML parser cannot read; the records are the page
                doc.body().empty();
                doc.body().appendElement("ul").addClass("hanweb-datastore").append(joined);
            }
        }

        /**
         * The next list page through Hanweb's data proxy: on a column page, the {@code <nextgroup>} link with
         * {@code page=2}; on a dataproxy answer for page N, the same URL with {@code page=N+1}.
         */
        String nextPageUrl(String url) {
            try {
                URI here = URI.create(url);
                if (here.getPath() != null && here.getPath().endsWith(DATAPROXY)) {
                    int page = intParam(here.getRawQuery(), "page", 1);
                    return Pagination.withQueryParam(url, "page", Integer.toString(page + 1));
                }
                if (nextGroupHref == null) {
                    return null;
                }
                String proxy = here.resolve(nextGroupHref.replace(" ", "%20")).toString();
                return Pagination.withQueryParam(proxy, "page", "2");
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static int intParam(String rawQuery, String name, int dflt) {
            if (rawQuery == null) {
                return dflt;
            }
            for (String part : rawQuery.split("&")) {
                if (part.startsWith(name + "=")) {
                    try {
                        return Integer.parseInt(part.substring(name.length() + 1));
                    } catch (NumberFormatException e) {
                        return dflt;
                    }
                }
            }
            return dflt;
        }
    }
}
