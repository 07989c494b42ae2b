package org.rectifywatch.ingest.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.model.wire.Attachment;

/**
 * Title, date, body and attachments of an article page. The profile's selectors are tried first, then
 * the selectors of the known CMS families, then the densest text block of the page. Only parses HTML:
 * scripts are dropped, never run.
 */
public final class ArticleExtractor {
    /**
     * Visible headlines of the known CMS families. They come before any {@code <meta>}: CCDI's
     * {@code meta[name=ArticleTitle]} may hold HTML markup or a stale short title while the page shows the real one.
     */
    private static final List<String> VISIBLE_TITLES = List.of(
            "div.Article_61 h2.tit", "div.Article_61 div.tit", "h2.tit", "div.cms-article-tit", "h1.article-title",
            "div.article h1", "div.title h1");
    /** Tried after the visible headlines: metadata, then any {@code h1}. */
    private static final List<String> LATE_TITLES = List.of(
            "meta[name=ArticleTitle]", "meta[property=og:title]", "h1");
    private static final List<String> DATE_FALLBACKS = List.of(
            "meta[name=PubDate]", "meta[name=pubdate]", "meta[name=firstpublishedtime]", "meta[name=publishdate]",
            "meta[property=article:published_time]", "em.e2", "div.cms-article-attach", "span.time", ".pubtime",
            ".publish-time");
    private static final List<String> BODY_FALLBACKS = List.of(
            "div.TRS_Editor", "div.article-detail", "#zoom", "div.zoom", "#UCAP-CONTENT", "div.article-content",
            "div.content", "article");
    private static final Pattern ATTACHMENT = Pattern.compile("\\.(pdf|docx?|ofd|wps|xlsx?|et)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s*[-_|—－｜]+\\s*[^-_|—－｜]{1,30}$");
    /** A body candidate shorter than this is treated as a miss (e.g. an empty wrapper) and the next one is tried. */
    static final int MIN_BODY_CHARS = 40;

    private ArticleExtractor() {
    }

    public static ExtractedArticle extract(String html, String url, SiteProfile profileOrNull) {
        Document doc = url == null ? Jsoup.parse(html) : Jsoup.parse(html, url);
        doc.select("script, style, noscript, iframe, object, embed, template, svg, canvas").remove();
        List<String> titleSel = new ArrayList<>();
        List<String> dateSel = new ArrayList<>();
        List<String> bodySel = new ArrayList<>();
        List<String> metaTitleSel = new ArrayList<>();
        if (profileOrNull != null) {
            // a profile's visible selectors first, in its order; its <meta> selectors only after every visible headline
            for (String t : profileOrNull.titleSelectors()) {
                (isMetaSelector(t) ? metaTitleSel : titleSel).add(t);
            }
            dateSel.addAll(profileOrNull.dateSelectors());
            bodySel.addAll(profileOrNull.bodySelectors());
        }
        titleSel.addAll(VISIBLE_TITLES);
        titleSel.addAll(metaTitleSel);
        titleSel.addAll(LATE_TITLES);
        dateSel.addAll(DATE_FALLBACKS);
        bodySel.addAll(BODY_FALLBACKS);

        String title = firstValue(doc, titleSel);
        if (title == null) {
            title = pageTitle(doc);
        }
        Element body = firstBody(doc, bodySel);
        if (body == null) {
            body = DensestBlock.find(doc);
        }
        List<String> lines = body == null ? List.of() : ArticleText.lines(body);
        if (profileOrNull == null || profileOrNull.stripBoilerplate()) {
            lines = Boilerplate.strip(lines);
        }
        String date = date(doc, dateSel, url);
        return new ExtractedArticle(title == null ? null : ArticleText.normalizeLine(title), date,
                String.join("\n", lines), attachments(doc));
    }

    private static String firstValue(Document doc, List<String> selectors) {
        for (String s : selectors) {
            for (Element e : select(doc, s)) {
                String v = e.normalName().equals("meta") ? textOfMarkup(e.attr("content")) : visibleText(e);
                if (!v.isEmpty()) {
                    return v;
                }
            }
        }
        return null;
    }

    private static boolean isMetaSelector(String selector) {
        return selector != null && selector.strip().toLowerCase(Locale.ROOT).startsWith("meta");
    }

    /**
     * The text of a headline element as a reader sees it: its paragraphs and {@code <br>} lines joined by one
     * space (CCDI titles are often {@code <p>main title</p><p>subtitle</p>}).
     */
    static String visibleText(Element e) {
        return ArticleText.normalizeLine(String.join(" ", ArticleText.lines(e)));
    }

    /** A {@code <meta content>} value that may itself hold HTML markup ({@code <p><span …>title</span></p>}), as text. */
    static String textOfMarkup(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf('<') < 0 || !value.matches("(?s).*<\\/?[A-Za-z][^>]*>.*")) {
            return ArticleText.normalizeLine(value);
        }
        Document frag = Jsoup.parseBodyFragment(value);
        return visibleText(frag.body());
    }

    private static List<Element> select(Document doc, String selector) {
        if (selector == null || selector.isBlank()) {
            return List.of();
        }
        try {
            return doc.select(selector);
        } catch (Selector.SelectorParseException e) {
            throw new IllegalArgumentException("the CSS selector '" + selector + "' in a site profile is invalid: "
                    + e.getMessage(), e);
        }
    }

    private static Element firstBody(Document doc, List<String> selectors) {
        for (String s : selectors) {
            for (Element e : select(doc, s)) {
                if (e.text().length() >= MIN_BODY_CHARS) {
                    return e;
                }
            }
        }
        return null;
    }

    private static String pageTitle(Document doc) {
        String t = ArticleText.normalizeLine(doc.title());
        if (t.isEmpty()) {
            return null;
        }
        String stripped = TITLE_SUFFIX.matcher(t).replaceFirst("");
        return stripped.length() >= 6 ? stripped : t;
    }

    private static String date(Document doc, List<String> selectors, String url) {
        for (String s : selectors) {
            for (Element e : select(doc, s)) {
                String v = e.normalName().equals("meta") ? e.attr("content") : e.text();
                String iso = PageDates.first(v);
                if (iso != null) {
                    return iso;
                }
            }
        }
        String labelled = PageDates.labelled(doc.body() == null ? "" : doc.body().text());
        if (labelled != null) {
            return labelled;
        }
        return PageDates.fromUrl(url);
    }

    private static List<Attachment> attachments(Document doc) {
        Map<String, Attachment> found = new LinkedHashMap<>();
        for (Element a : doc.select("a[href]")) {
            String href = a.absUrl("href");
            if (href.isEmpty()) {
                href = a.attr("href");
            }
            String path;
            try {
                path = URI.create(href.replace(" ", "%20")).getPath();
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (path == null) {
                continue;
            }
            Matcher m = ATTACHMENT.matcher(path);
            if (m.find() && !found.containsKey(href)) {
                String name = ArticleText.normalizeLine(a.text());
                if (name.isEmpty()) {
                    name = path.substring(path.lastIndexOf('/') + 1);
                }
                found.put(href, new Attachment(href, name, m.group(1).toLowerCase(Locale.ROOT)));
            }
        }
        return List.copyOf(found.values());
    }

    /** Readability-style choice of the element that holds most non-link paragraph text. */
    static final class DensestBlock {
        private DensestBlock() {
        }

        static Element find(Document doc) {
            Element root = doc.body();
            if (root == null) {
                return null;
            }
            Map<Element, Double> score = new IdentityHashMap<>();
            for (Element e : root.getAllElements()) {
                int len = e.normalName().equals("p") ? ownNonLinkLength(e, true) : ownNonLinkLength(e, false);
                if (len < 10) {
                    continue;
                }
                Element parent = e.normalName().equals("p") ? e.parent() : e;
                if (parent != null) {
                    score.merge(parent, (double) len, Double::sum);
                    Element grand = parent.parent();
                    if (grand != null) {
                        score.merge(grand, len / 2.0, Double::sum);
                    }
                }
            }
            Element best = null;
            double bestScore = 0;
            for (Map.Entry<Element, Double> s : score.entrySet()) {
                Element e = s.getKey();
                double density = linkDensity(e);
                double v = s.getValue() * (1 - density);
                if (v > bestScore) {
                    bestScore = v;
                    best = e;
                }
            }
            return best == null ? root : best;
        }

        private static int ownNonLinkLength(Element e, boolean whole) {
            if (whole) {
                int linked = 0;
                for (Element a : e.select("a")) {
                    linked += a.text().length();
                }
                return Math.max(0, e.text().length() - linked);
            }
            return e.ownText().trim().length();
        }

        private static double linkDensity(Element e) {
            int total = e.text().length();
            if (total == 0) {
                return 1;
            }
            int linked = 0;
            for (Element a : e.select("a")) {
                linked += a.text().length();
            }
            return (double) linked / total;
        }
    }
}
