package org.rectifywatch.ingest.profile;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How to crawl one column of one site. Loaded from the profiles file (JSON, snake_case keys); every
 * list may be empty, in which case the extractor's built-in fallbacks apply.
 *
 * @param name               unique id, used as {@code site} on published reports
 * @param family             CMS family (trs-wcm, hanweb, gd-intensive, henan-sitesources, rednet, sample …)
 * @param enabled            false for family templates that need a start URL before use (null: true)
 * @param verified           false until a live run confirmed the selectors
 * @param description        what the column is
 * @param startUrls          first list page(s) of the column
 * @param pagination         how list pages follow each other
 * @param listPages          list pages walked in a normal pass (newest first)
 * @param backfillDepth      list pages walked by {@code --backfill} without a number
 * @param linkSelector       CSS selector of article links on a list page (empty: every link that looks like an article)
 * @param articleUrlPattern  regular expression an article URL must match (empty: any URL on an allowed host)
 * @param titleSelectors     article title, tried in order
 * @param dateSelectors      article publish date, tried in order
 * @param bodySelectors      article body, tried in order
 * @param titleFilter        report vs noise; defaults from sites.md
 * @param stripBoilerplate   drop page chrome lines (share, print, footer, 信息索引号 …) from the body (null: true);
 *                           false keeps the body container's text verbatim
 * @param charset            forces the page charset (wins over headers and meta), or null
 * @param pollInterval       how often {@code pipeline ingest} revisits the column (e.g. 30m, 6h)
 * @param allowedHosts       hosts the crawler may fetch for this profile ({@code *.example.cn} for subdomains);
 *                           a private or loopback address is fetched only when named here literally
 */
public record SiteProfile(
        String name,
        String family,
        Boolean enabled,
        boolean verified,
        String description,
        List<String> startUrls,
        Pagination pagination,
        int listPages,
        int backfillDepth,
        String linkSelector,
        String articleUrlPattern,
        List<String> titleSelectors,
        List<String> dateSelectors,
        List<String> bodySelectors,
        TitleFilter titleFilter,
        Boolean stripBoilerplate,
        String charset,
        String pollInterval,
        List<String> allowedHosts) {

    public SiteProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a site profile has no name");
        }
        enabled = enabled == null || enabled;
        startUrls = startUrls == null ? List.of() : List.copyOf(startUrls);
        pagination = pagination == null ? Pagination.NONE : pagination;
        listPages = listPages <= 0 ? 1 : listPages;
        backfillDepth = backfillDepth <= 0 ? 10 : backfillDepth;
        titleSelectors = titleSelectors == null ? List.of() : List.copyOf(titleSelectors);
        dateSelectors = dateSelectors == null ? List.of() : List.copyOf(dateSelectors);
        bodySelectors = bodySelectors == null ? List.of() : List.copyOf(bodySelectors);
        titleFilter = titleFilter == null ? TitleFilter.defaults() : titleFilter;
        stripBoilerplate = stripBoilerplate == null || stripBoilerplate;
        pollInterval = pollInterval == null || pollInterval.isBlank() ? "1h" : pollInterval;
        allowedHosts = allowedHosts == null ? List.of() : allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        poll(pollInterval, name);
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** The poll interval as a duration. */
    public Duration poll() {
        return poll(pollInterval, name);
    }

    private static Duration poll(String text, String profile) {
        try {
            return Durations.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("site profile " + profile + ": poll_interval '" + text
                    + "' is not a duration such as 30m, 6h or PT1H");
        }
    }

    public SiteProfile withStartUrls(List<String> urls) {
        return new SiteProfile(name, family, enabled, verified, description, urls, pagination, listPages, backfillDepth,
                linkSelector, articleUrlPattern, titleSelectors, dateSelectors, bodySelectors, titleFilter, stripBoilerplate, charset,
                pollInterval, allowedHosts);
    }

    /**
     * This profile (a CMS family's template, enabled or not) put to work on one site of the site list: its name, its
     * column URLs, its host added to the allowed ones, and its poll interval when the site names one.
     */
    public SiteProfile forSite(String siteName, List<String> urls, String host, String poll) {
        List<String> hosts = new java.util.ArrayList<>(allowedHosts);
        if (!hosts.contains(host.toLowerCase(Locale.ROOT))) {
            hosts.add(host.toLowerCase(Locale.ROOT));
        }
        return new SiteProfile(siteName, family, true, verified, description, urls, pagination, listPages, backfillDepth,
                linkSelector, articleUrlPattern, titleSelectors, dateSelectors, bodySelectors, titleFilter, stripBoilerplate, charset,
                poll == null || poll.isBlank() ? pollInterval : poll, hosts);
    }

    public SiteProfile withAllowedHosts(List<String> hosts) {
        return new SiteProfile(name, family, enabled, verified, description, startUrls, pagination, listPages, backfillDepth,
                linkSelector, articleUrlPattern, titleSelectors, dateSelectors, bodySelectors, titleFilter, stripBoilerplate, charset,
                pollInterval, hosts);
    }
}
