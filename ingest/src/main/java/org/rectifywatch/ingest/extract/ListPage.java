package org.rectifywatch.ingest.extract;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.rectifywatch.ingest.profile.TitleFilter;

/**
 * Article links of a column's list page, the total page count TRS writes in {@code createPageHTML(total, …)},
 * and the URL of the next list page.
 *
 * <p>A profile with a {@code link_selector} or an {@code article_url_pattern} names the links. Without them (no
 * profile, or a profile built from a column URL) the generic rules of {@link ListRegion} apply: the links of the
 * page's main list (its largest repeated block of dated items, not the navigation or footer) whose title the title
 * filter takes for a report or a feedback notice.
 *
 * <p>The next page ({@link ListPaging}) is the 下一页 / 下页 / › / » link, else the page TRS's
 * {@code createPageHTML(total, current, "index", "html")} names (literal or variable counts), else the nearest
 * {@code index_N.html} sibling the page links, else Hanweb's data proxy page.
 *
 * <p>Hanweb (大汉) column pages keep their list inside {@code <script type="text/xml"><datastore>…<recordset>
 * <record><![CDATA[<li><a href=…>title</a><b>date</b></li>]]></record>…}; the records are read as part of the
 * page, in place of the script. Further Hanweb pages come from {@code /module/web/jpage/dataproxy.jsp?page=N…}
 * (the {@code <nextgroup>} link of the datastore gives the parameters), which answers with a bare
 * {@code <datastore>} of the same shape.
 *
 * @param links      article links in page order, each once
 * @param totalPages pages the column says it has, or 0 when unknown
 * @param nextUrl    absolute URL of the next list page, or null
 * @param entries    items of the page's list, links the title filter dropped included (the generic rules keep
 *                   only report and notice titles: a page of other news has entries but no links, and the column
 *                   goes on after it); equals {@code links.size()} with a profile's selectors
 */
public record ListPage(List<Link> links, int totalPages, String nextUrl, int entries) {

    /**
     * An article link, the title shown for it (the {@code title} attribute when the text is cut short) and the
     * date shown next to it (ISO yyyy-MM-dd, or null).
     */
    public record Link(String url, String title, String date) {
        public Link(String url, String title) {
            this(url, title, null);
        }
    }

    public ListPage(List<Link> links, int totalPages, String nextUrl) {
        this(links, totalPages, nextUrl, links.size());
    }

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Pattern ARTICLE_LIKE = Pattern.compile("\\.(s?html?)$");
    static final Pattern LIST_LIKE = Pattern.compile("/(index|list|default)(_?\\d+)?\\.s?html?$");
    private static final Pattern DATASTORE = Pattern.compile("(?is)<datastore>(.*?)</datastore>");
    private static final Pattern RECORD = Pattern.compile("(?is)<record>\\s*(?:<!\\[CDATA\\[(.*?)]]>|(.*?))\\s*</record>");
    private static final Pattern NEXTGROUP = Pattern.compile("(?is)<nextgroup>\\s*(?:<!\\[CDATA\\[(.*?)]]>|(.*?))\\s*</nextgroup>");
    private static final Pattern HREF = Pattern.compile("(?i)href\\s*=\\s*[\"']([^\"']+)[\"']");
    static final String DATAPROXY = "/module/web/jpage/dataproxy.jsp";

    public static ListPage parse(String html, String url, SiteProfile profile) {
        return parse(html, url, profile, LocalDate.now(ZONE));
    }

    /** As {@link #parse(String, String, SiteProfile)}; {@code today} dates a list date shown without its year. */
    public static ListPage parse(String html, String url, SiteProfile profile, LocalDate today) {
        Document doc = Jsoup.parse(html, url);
        ListPaging paging = ListPaging.read(doc, html, url);
        Hanweb hanweb = Hanweb.read(html, url);
        if (hanweb.found()) {
            hanweb.inline(doc);
        }
        doc.select("script, style, noscript").remove();
        List<Link> links;
        int entries;
        if (isGeneric(profile)) {
            TitleFilter filter = profile == null ? TitleFilter.defaults() : profile.titleFilter();
            ListRegion.Result region = ListRegion.read(doc, url, filter, today);
            links = region.links();
            entries = region.entries();
        } else {
            links = selected(doc, profile, today);
            entries = links.size();
        }
        String next = paging.nextUrl();
        if (next == null && !paging.lastPage() && hanweb.found() && entries > 0) {
            next = hanweb.nextPageUrl(url);
        }
        return new ListPage(links, paging.totalPages(), next, entries);
    }

    /** True when the profile names no links ({@code link_selector} and {@code article_url_pattern} empty, or no profile). */
    public static boolean isGeneric(SiteProfile profile) {
        return profile == null || (blank(profile.linkSelector()) && blank(profile.articleUrlPattern()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * The same list page however it is written (http or https, a trailing {@code index.html} or not, a fragment):
     * a column walk visits each once.
     */
    public static String pageKey(String url) {
        return PageInspector.comparable(url);
    }

    /** The links a profile's {@code link_selector} / {@code article_url_pattern} name (any article-like link if neither). */
    private static List<Link> selected(Document doc, SiteProfile profile, LocalDate today) {
        String selector = blank(profile.linkSelector()) ? "a[href]" : profile.linkSelector();
        Pattern articlePattern = blank(profile.articleUrlPattern()) ? null : Pattern.compile(profile.articleUrlPattern());
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
            Element item = ListRegion.item(a);
            if (item == a && e != a) {
                item = e;
            }
            links.putIfAbsent(abs, new Link(abs, ArticleText.normalizeLine(title), ListRegion.dateOf(a, item, abs, today)));
        }
        return new ArrayList<>(links.values());
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
