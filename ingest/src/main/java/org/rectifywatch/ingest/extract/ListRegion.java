package org.rectifywatch.ingest.extract;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.rectifywatch.ingest.profile.TitleFilter;

/**
 * The generic list rules, for a column no profile describes: which links of a list page are its entries, which of
 * those are worth fetching, and the date shown beside each.
 *
 * <ol>
 *   <li>Every link to a page of the web (not a list page such as {@code index_2.html}, not an attachment, not the
 *       page itself) belongs to an <em>item</em>: its {@code <li>}, table row, {@code <dt>}/{@code <dd>}, else the
 *       nearest ancestor repeated among its siblings (a {@code <div class="item">} of a div list), else the link
 *       itself in a flat run of links.</li>
 *   <li>Items are grouped by their parent, the <em>block</em>. The main list is the block with the most items,
 *       an item with a date counting twice; blocks inside the page chrome (nav, header, footer, aside, or an id or
 *       class naming a menu, breadcrumb, side bar, footer, friend links …) count a tenth. Blocks shaped like the
 *       main one (same tag and class, same item tag) are part of it: a list printed as several {@code <ul>}s.</li>
 *   <li>Of the main list, the links kept are those whose title {@link PageClass} takes for a report or a feedback
 *       notice, and titles cut short (… or ...) that speak of 巡视 or 巡察 (the page title decides them).</li>
 *   <li>A page without a repeated block (a column of one item) keeps such links from anywhere outside the
 *       chrome.</li>
 * </ol>
 * The date of a link is the first date in its item outside the link text (2025-06-12, 2025年6月12日, 2025.06.12,
 * or [06-12] without the year), else a date printed inside the link.
 */
final class ListRegion {
    private static final Set<String> CHROME_TAGS = Set.of("nav", "header", "footer", "aside");
    private static final Pattern CHROME = Pattern.compile(
            "nav|menu|header|footer|foot|sidebar|side|crumb|position|location|banner|friend|yqlj|copyright|share|toolbar"
                    + "|topbar|links");
    private static final Pattern ATTACHMENT = Pattern.compile("(?i)\\.(pdf|docx?|ofd|wps|xlsx?|et|zip|rar|jpe?g|png|gif)$");
    private static final Pattern CUT_SHORT = Pattern.compile("(…|\\.{2,}|。。+)$");
    private static final Pattern DATE_ONLY = Pattern.compile(
            "^[\\[(（【]?\\s*(?:(?:19|20)\\d{2}\\s*[-/.年]\\s*)?\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?\\s*[\\])）】]?$");
    /** Chrome blocks weigh this much of a content block. */
    private static final double CHROME_WEIGHT = 0.1;

    /**
     * @param links   the kept links of the main list, in page order
     * @param entries the main list's links, kept or not
     */
    record Result(List<ListPage.Link> links, int entries) {
    }

    private record Candidate(int seq, Element a, String url, String title, Element item) {
    }

    private static final class Block {
        final Map<Element, Boolean> items = new IdentityHashMap<>();
        final List<Candidate> candidates = new ArrayList<>();
        final boolean chrome;
        final String signature;
        int dated;

        Block(Element container, Element firstItem) {
            this.chrome = chrome(container);
            this.signature = container.normalName() + "." + container.className() + ">" + firstItem.normalName();
        }

        double score() {
            return (items.size() + dated) * (chrome ? CHROME_WEIGHT : 1);
        }
    }

    private ListRegion() {
    }

    static Result read(Document doc, String pageUrl, TitleFilter filter, LocalDate today) {
        Element body = doc.body();
        if (body == null) {
            return new Result(List.of(), 0);
        }
        String self = pageUrl == null ? null : ListPage.pageKey(pageUrl);
        List<Block> blocks = new ArrayList<>();
        Map<Element, Block> byContainer = new IdentityHashMap<>();
        int seq = 0;
        for (Element a : body.select("a[href]")) {
            String abs = a.absUrl("href");
            if (!isPageLink(abs) || (self != null && ListPage.pageKey(abs).equals(self))) {
                continue;
            }
            String title = title(a);
            if (title.isEmpty()) {
                continue;
            }
            Element item = item(a);
            Element container = item.parent() != null ? item.parent() : item;
            Block block = byContainer.get(container);
            if (block == null) {
                block = new Block(container, item);
                byContainer.put(container, block);
                blocks.add(block);
            }
            Candidate c = new Candidate(seq++, a, abs, title, item);
            block.candidates.add(c);
            if (block.items.put(item, Boolean.TRUE) == null && dateOf(a, item, abs, today) != null) {
                block.dated++;
            }
        }
        if (blocks.isEmpty()) {
            return new Result(List.of(), 0);
        }
        Block best = null;
        for (Block b : blocks) {
            if (best == null || b.score() > best.score()) {
                best = b;
            }
        }
        List<Block> region = new ArrayList<>();
        for (Block b : blocks) {
            boolean chosen;
            if (best.items.size() >= 2) {
                chosen = b == best || (b.signature.equals(best.signature) && b.chrome == best.chrome);
            } else {
                chosen = !b.chrome || best.chrome;
            }
            if (chosen) {
                region.add(b);
            }
        }
        List<Candidate> ordered = new ArrayList<>();
        region.forEach(b -> ordered.addAll(b.candidates));
        ordered.sort((x, y) -> Integer.compare(x.seq(), y.seq()));
        Map<String, ListPage.Link> kept = new LinkedHashMap<>();
        Map<String, Boolean> entries = new LinkedHashMap<>();
        for (Candidate c : ordered) {
            entries.put(c.url(), Boolean.TRUE);
            if (kept.containsKey(c.url()) || !worthFetching(filter, c.title(), c.a())) {
                continue;
            }
            kept.put(c.url(), new ListPage.Link(c.url(), c.title(), dateOf(c.a(), c.item(), c.url(), today)));
        }
        return new Result(new ArrayList<>(kept.values()), entries.size());
    }

    /** A report or feedback notice title, or a title cut short that speaks of an inspection. */
    static boolean worthFetching(TitleFilter filter, String title, Element a) {
        PageClass.Kind kind = PageClass.ofTitle(filter, title).kind();
        if (kind == PageClass.Kind.REPORT || kind == PageClass.Kind.FEEDBACK_NOTICE) {
            return true;
        }
        return kind == PageClass.Kind.UNKNOWN && CUT_SHORT.matcher(title).find()
                && (title.contains("巡视") || title.contains("巡察"));
    }

    /** An http(s) link to a page: not a list page of a column, not an attachment, not the site root. */
    static boolean isPageLink(String abs) {
        if (abs == null || !(abs.startsWith("http://") || abs.startsWith("https://"))) {
            return false;
        }
        String path;
        try {
            path = URI.create(abs.replace(" ", "%20")).getPath();
        } catch (IllegalArgumentException e) {
            return false;
        }
        return path != null && !path.isEmpty() && !path.equals("/") && !ListPage.LIST_LIKE.matcher(path).find()
                && !ATTACHMENT.matcher(path).find();
    }

    /** The title a link shows: its {@code title} attribute, else its text without a date printed inside it. */
    static String title(Element a) {
        String attr = ArticleText.normalizeLine(a.attr("title"));
        if (!attr.isEmpty() && !attr.startsWith("http")) {
            return attr;
        }
        Element copy = a.clone();
        for (Element c : copy.select("*")) {
            if (c != copy && c.parent() != null && DATE_ONLY.matcher(c.text().strip()).matches()) {
                c.remove();
            }
        }
        return ArticleExtractor.visibleText(copy);
    }

    /** The list item a link belongs to (see the class comment). */
    static Element item(Element a) {
        Element row = a.closest("li, tr, dd, dt");
        if (row != null && row.select("a[href]").size() <= 3) {
            return row;
        }
        Element e = a;
        while (e.parent() != null && !e.parent().normalName().equals("body")) {
            Element parent = e.parent();
            if (row != null && parent == row) {
                break;
            }
            int same = 0;
            for (Element sibling : parent.children()) {
                if (sibling.normalName().equals(e.normalName()) && sibling.className().equals(e.className())) {
                    same++;
                }
            }
            if (same >= 2) {
                return e;
            }
            e = parent;
        }
        return a.parent() != null ? a.parent() : a;
    }

    /** The date shown beside a link: in its item outside the link text, else inside the link. */
    static String dateOf(Element a, Element item, String linkUrl, LocalDate today) {
        String outside;
        if (item == a) {
            outside = followingText(a);
        } else {
            StringBuilder b = new StringBuilder(item.text());
            if (item.normalName().equals("dt")) {
                for (Element s = item.nextElementSibling(); s != null && s.normalName().equals("dd"); s = s.nextElementSibling()) {
                    b.append(' ').append(s.text());
                }
            }
            String linkText = a.text();
            outside = linkText.isEmpty() ? b.toString() : b.toString().replace(linkText, " ");
        }
        String date = PageDates.listed(outside, linkUrl, today);
        if (date != null) {
            return date;
        }
        for (Element c : a.select("*")) {
            if (c != a && DATE_ONLY.matcher(c.text().strip()).matches()) {
                return PageDates.listed(c.text(), linkUrl, today);
            }
        }
        return null;
    }

    /** The text after a link in a flat run of links, up to the next link or line break. */
    private static String followingText(Element a) {
        StringBuilder b = new StringBuilder();
        for (Node n = a.nextSibling(); n != null; n = n.nextSibling()) {
            if (n instanceof Element e) {
                if (e.normalName().equals("a") || e.normalName().equals("br") || !e.select("a[href]").isEmpty()) {
                    break;
                }
                b.append(' ').append(e.text());
            } else if (n instanceof TextNode t) {
                b.append(t.text());
            }
        }
        return b.toString();
    }

    /** Inside the page chrome: a nav, header, footer or aside, or an id or class naming a menu, side bar, footer … */
    static boolean chrome(Element container) {
        for (Element e = container; e != null && !e.normalName().equals("body") && !e.normalName().equals("html");
             e = e.parent()) {
            if (CHROME_TAGS.contains(e.normalName())) {
                return true;
            }
            String names = (e.id() + " " + e.className()).toLowerCase(Locale.ROOT);
            if (!names.isBlank() && CHROME.matcher(names).find()) {
                return true;
            }
        }
        return false;
    }
}
