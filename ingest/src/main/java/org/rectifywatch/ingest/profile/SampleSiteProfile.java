package org.rectifywatch.ingest.profile;

import java.net.URI;
import java.util.List;
import org.rectifywatch.samples.site.SampleSite;

/**
 * The profile of the loopback sample site ({@link SampleSite}), built for the
 * port it runs on. It names 127.0.0.1 literally in {@code allowed_hosts}, which is what lets the crawler
 * fetch a loopback address at all. The site's bodies are the sample texts verbatim (page chrome included,
 * as published), so boilerplate stripping is off.
 */
public final class SampleSiteProfile {
    public static final String NAME = "sample";

    private SampleSiteProfile() {
    }

    /** The main 巡视巡察 column, all its list pages. */
    public static SiteProfile of(String siteUrl) {
        return column(NAME, siteUrl, SampleSite.COLUMN, SampleSite.COLUMN_PAGES);
    }

    /** A profile for one column of the site (e.g. {@code /faults/index.html}). */
    public static SiteProfile column(String name, String siteUrl, String columnPath, int pages) {
        String host = URI.create(siteUrl).getHost();
        return new SiteProfile(name, "sample", true, true, "loopback sample site " + siteUrl,
                List.of(siteUrl + columnPath), new Pagination(Pagination.Kind.INDEX_N, null, 1), pages, pages,
                "ul.list_news_dl2 li a", null,
                List.of("meta[name=ArticleTitle]", "div.Article_61 h2.tit", "div.title h1"),
                List.of("meta[name=PubDate]", "em.e2", "div.info"),
                List.of("div.TRS_Editor", "#zoom"),
                TitleFilter.defaults(), false, null, "1m", List.of(host));
    }
}
