package org.rectifywatch.ingest.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.rectifywatch.ingest.decode.DecodedPage;
import org.rectifywatch.ingest.decode.MojibakeCheck;
import org.rectifywatch.ingest.decode.PageDecoder;
import org.rectifywatch.ingest.fetch.AllowList;
import org.rectifywatch.ingest.profile.Pagination;
import org.rectifywatch.ingest.profile.SiteProfile;
import org.rectifywatch.ingest.profile.TitleFilter;
import org.rectifywatch.ingest.profile.UrlProfiles;

/**
 * Classifies one page the way the crawler would treat it, without fetching anything: the logic behind
 * {@code pipeline extract}, the tool for writing and checking a site profile.
 *
 * <p>In order: a certain challenge (marker or script wall) is a {@code challenge}; a URL the profile walks as a
 * list page, or a Hanweb datastore, is a {@code list}; a page whose extracted title passes the title filter is an
 * {@code article}; a page with at least {@link #MIN_REPORT_LINKS} links titled like reports, or the start URL of a
 * profile built from that URL (when the page has a list) is a {@code list}; an
 * inspection feedback announcement is a {@code feedback_notice}; a small page with almost no text is a
 * {@code challenge} (as the crawler judges articles); anything else is {@code not_a_report}. Report, feedback
 * notice and noise are decided by {@link PageClass}, the rule the crawler follows. An article that only points to its
 * report file ({@link AttachmentPointer}) is an {@code article} whose reasons name the file the crawler would read.
 */
public final class PageInspector {
    /** The crawler's default {@code ingest.min.page.bytes}. */
    public static final int DEFAULT_MIN_PAGE_BYTES = 2500;
    /** A page not known to be a list needs this many report-titled links to count as one. */
    static final int MIN_REPORT_LINKS = 3;
    /** List pages of a column recognised from the profile's pagination. */
    private static final int MAX_LIST_INDEX = 200;
    /** How a reason says that the crawler would publish an attachment's text (an {@link AttachmentPointer}). */
    static final String READS_ATTACHMENT = "the crawler would download and read ";

    private PageInspector() {
    }

    public static PageView inspect(byte[] body, String contentType, String url, SiteProfile profile) {
        return inspect(body, contentType, url, profile, DEFAULT_MIN_PAGE_BYTES);
    }

    /**
     * @param body         the page bytes
     * @param contentType  the HTTP Content-Type, or null for a saved file
     * @param url          the page address (relative links are resolved against it)
     * @param profile      the site profile, or null for the extractor's built-in selectors
     * @param minPageBytes responses smaller than this with little text are taken for challenges
     */
    public static PageView inspect(byte[] body, String contentType, String url, SiteProfile profile, int minPageBytes) {
        java.util.Objects.requireNonNull(url, "url");
        DecodedPage page = PageDecoder.decode(body, contentType, profile == null ? null : profile.charset());
        String html = page.text();
        List<String> reasons = new ArrayList<>();
        reasons.add(profile == null ? "no profile: the extractor's built-in selectors and the default title filter"
                : "profile " + profile.name());
        if (url != null && url.startsWith("file:")) {
            reasons.add("read as a file: URL; give --url to resolve relative links and match a profile");
        }
        TitleFilter filter = profile == null ? TitleFilter.defaults() : profile.titleFilter();
        View v = new View(url, page, reasons);

        if (ChallengeDetector.isCertain(html)) {
            reasons.add(ChallengeDetector.detect(html, body.length, 0, minPageBytes).orElse("challenge"));
            return v.build(PageView.Kind.CHALLENGE, null, null, null);
        }

        int listIndex = profile == null ? -1 : listIndex(profile, url);
        // a profile built from the URL given (pipeline extract URL, ingest --url) starts at any page it is given:
        // its start URL is a list unless the page is a report article
        boolean builtFromUrl = listIndex >= 0 && UrlProfiles.FAMILY.equals(profile.family());
        ListPage.Hanweb hanweb = ListPage.Hanweb.read(html, url);
        if ((listIndex >= 0 && !builtFromUrl) || hanweb.found()) {
            ListPage list = ListPage.parse(html, url, profile);
            if (listIndex >= 0) {
                reasons.add("the profile walks this URL as list page " + (listIndex + 1) + " of its column");
            }
            if (hanweb.found()) {
                reasons.add("Hanweb datastore with " + hanweb.records().size() + " records");
            }
            if (list.links().isEmpty() && list.entries() == 0) {
                Optional<String> challenge = ChallengeDetector.detectPage(html, body.length, minPageBytes);
                if (challenge.isPresent()) {
                    reasons.add(challenge.get());
                    return v.build(PageView.Kind.CHALLENGE, null, null, null);
                }
                reasons.add(ListPage.isGeneric(profile) ? "no list found: the generic list rules see no repeated block of links"
                        : "no article links: check the profile's link_selector and article_url_pattern");
            }
            return v.list(list, filter, profile, listIndex);
        }

        ExtractedArticle article = ArticleExtractor.extract(html, url, profile);
        Optional<AttachmentPointer> pointer = AttachmentPointer.find(filter, article.title(), null, article.text(),
                article.attachments());
        PageClass.Verdict verdict = pointer.isPresent() ? pointer.get().verdict()
                : PageClass.of(filter, article.title(), null, article.text());
        if (pointer.isPresent()) {
            reasons.add(READS_ATTACHMENT + pointer.get().attachment().url() + ": "
                    + pointer.get().reason());
        }
        if (verdict.kind() == PageClass.Kind.REPORT) {
            // a one-line pointer to the report file is small by nature: no size check (as in the crawler)
            return v.kept(PageView.Kind.ARTICLE, verdict, article, pointer.isPresent() ? Integer.MAX_VALUE : body.length,
                    minPageBytes, MultiPage.continuationUrls(html, url));
        }

        ListPage list = ListPage.parse(html, url, profile);
        long reportLinks = list.links().stream().filter(l -> filter.verdict(l.title()) == TitleFilter.Verdict.REPORT).count();
        if (reportLinks >= MIN_REPORT_LINKS) {
            reasons.add(reportLinks + " links have report titles");
            return v.list(list, filter, profile, -1);
        }
        if (builtFromUrl && list.entries() > 0) {
            reasons.add("the column URL given (a profile built from it reads it as its first list page)");
            return v.list(list, filter, profile, listIndex);
        }

        if (verdict.kind() == PageClass.Kind.FEEDBACK_NOTICE) {
            return v.kept(PageView.Kind.FEEDBACK_NOTICE, verdict, article, body.length, minPageBytes,
                    MultiPage.continuationUrls(html, url));
        }

        if (verdict.kind() != PageClass.Kind.NOISE) {
            Optional<String> small = ChallengeDetector.detect(html, body.length, article.text().length(), minPageBytes);
            if (small.isPresent()) {
                reasons.add(small.get());
                return v.build(PageView.Kind.CHALLENGE, null, null, null);
            }
        }

        if (article.title() == null) {
            reasons.add("no title found (check title_selectors)");
        } else {
            reasons.add(verdict.reason());
        }
        if (!list.links().isEmpty()) {
            reasons.add(list.links().size() + " links, " + reportLinks + " with a report title (a list needs "
                    + MIN_REPORT_LINKS + " or a list URL of the profile)");
        }
        return v.article(PageView.Kind.NOT_A_REPORT, article, List.of());
    }

    /**
     * The profile whose {@code allowed_hosts} take the URL's host, the one whose start URL shares the longest
     * prefix with the URL when several do; empty when none does.
     */
    public static Optional<SiteProfile> profileFor(String url, List<SiteProfile> profiles) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (host == null) {
            return Optional.empty();
        }
        SiteProfile best = null;
        int bestScore = -1;
        String key = comparable(url);
        for (SiteProfile p : profiles) {
            if (!new AllowList(p.allowedHosts()).hostAllowed(host)) {
                continue;
            }
            int score = p.startUrls().stream().mapToInt(s -> commonPrefix(key, comparable(s))).max().orElse(0);
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Which list page (0-based) of the profile's columns the URL is, or -1 when it is none. */
    static int listIndex(SiteProfile profile, String url) {
        if (url == null) {
            return -1;
        }
        String key = comparable(url);
        Pagination pagination = profile.pagination();
        int depth = Math.min(MAX_LIST_INDEX, Math.max(profile.backfillDepth(), profile.listPages()) + 50);
        for (String start : profile.startUrls()) {
            for (int n = 0; n < depth; n++) {
                Optional<String> page;
                try {
                    page = pagination.pageUrl(start, n);
                } catch (IllegalArgumentException e) {
                    break;
                }
                if (page.isEmpty()) {
                    break;
                }
                if (comparable(page.get()).equals(key)) {
                    return n;
                }
            }
        }
        if (pagination.kind() == Pagination.Kind.JPAGE || pagination.kind() == Pagination.Kind.NEXT_LINK
                || pagination.kind() == Pagination.Kind.AUTO) {
            try {
                String path = URI.create(url).getPath();
                if (path != null && path.endsWith(ListPage.DATAPROXY)) {
                    return 1;
                }
            } catch (IllegalArgumentException e) {
                return -1;
            }
        }
        return -1;
    }

    /** A URL without scheme, fragment or a trailing index.html, host lower-cased: http and https pages compare equal. */
    static String comparable(String url) {
        String u = url.strip();
        int hash = u.indexOf('#');
        if (hash >= 0) {
            u = u.substring(0, hash);
        }
        u = u.replaceFirst("^(?i)https?://", "");
        int slash = u.indexOf('/');
        String host = slash < 0 ? u : u.substring(0, slash);
        String rest = slash < 0 ? "/" : u.substring(slash);
        rest = rest.replaceFirst("/index\\.s?html?$", "/");
        return host.toLowerCase(Locale.ROOT) + rest;
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Builds the view once the kind is known. */
    private record View(String url, DecodedPage page, List<String> reasons) {
        /** A page the crawler publishes (a report or a feedback notice), with what would still make it skip it. */
        PageView kept(PageView.Kind kind, PageClass.Verdict verdict, ExtractedArticle article, int bytes, int minPageBytes,
                      List<String> continuation) {
            Optional<String> small = ChallengeDetector.detect(page.text(), bytes, article.text().length(), minPageBytes);
            if (small.isPresent()) {
                reasons.add(small.get());
                return build(PageView.Kind.CHALLENGE, null, null, null);
            }
            reasons.add(verdict.reason());
            if (article.text().isBlank() && reasons.stream().noneMatch(r -> r.startsWith(READS_ATTACHMENT))) {
                reasons.add("the crawler would skip it: no article text found (check body_selectors)");
            }
            if (article.pageDate() == null) {
                reasons.add("no publish date found (check date_selectors)");
            }
            MojibakeCheck.problem(article.title() + "\n" + article.text()).ifPresent(p -> reasons.add(
                    "the crawler would skip it: decoded as " + page.charset() + " (" + page.how() + "): " + p
                            + "; set the profile's charset"));
            return article(kind, article, continuation);
        }

        PageView build(PageView.Kind kind, ExtractedArticle article, List<ListPage.Link> links, List<String> next) {
            return new PageView(url, url, kind, article == null ? null : article.title(),
                    article == null ? null : article.pageDate(), article == null ? "" : article.text(),
                    article == null ? List.of() : article.attachments(), links, next, page.charset(), page.how(), reasons);
        }

        PageView article(PageView.Kind kind, ExtractedArticle article, List<String> continuation) {
            if (!continuation.isEmpty()) {
                reasons.add("split over " + (continuation.size() + 1) + " pages; the crawler joins the continuation pages");
            }
            return build(kind, article, List.of(), continuation);
        }

        PageView list(ListPage list, TitleFilter filter, SiteProfile profile, int listIndex) {
            long report = 0;
            long noise = 0;
            long notices = 0;
            for (ListPage.Link l : list.links()) {
                PageClass.Kind kind = PageClass.ofTitle(filter, l.title()).kind();
                if (kind == PageClass.Kind.REPORT) {
                    report++;
                } else if (kind == PageClass.Kind.NOISE) {
                    noise++;
                } else if (kind == PageClass.Kind.FEEDBACK_NOTICE) {
                    notices++;
                }
            }
            if (ListPage.isGeneric(profile)) {
                reasons.add("generic list rules (no link_selector or article_url_pattern): " + list.entries()
                        + " entries in the page's main list, " + list.links().size() + " titled as reports or feedback notices");
            }
            if (!list.links().isEmpty()) {
                reasons.add(list.links().size() + " links: " + report + " report titles, " + noise
                        + " noise titles (the crawler skips these), " + notices + " feedback notice titles, "
                        + (list.links().size() - report - noise - notices) + " fetched to judge by the page title");
            }
            Set<String> next = new LinkedHashSet<>();
            if (listIndex >= 0 && profile != null && (list.totalPages() == 0 || listIndex + 1 < list.totalPages())) {
                for (String start : profile.startUrls()) {
                    if (listIndex(profile.withStartUrls(List.of(start)), url) == listIndex) {
                        profile.pagination().pageUrl(start, listIndex + 1).ifPresent(next::add);
                        break;
                    }
                }
            }
            if (list.nextUrl() != null) {
                next.add(list.nextUrl());
            }
            if (list.totalPages() > 0) {
                reasons.add("the column says it has " + list.totalPages() + " pages");
            }
            String title = ArticleExtractor.extract(page.text(), url, profile).title();
            return new PageView(url, url, PageView.Kind.LIST, title, null, "", List.of(), list.links(),
                    new ArrayList<>(next), page.charset(), page.how(), reasons);
        }
    }
}
