package org.rectifywatch.ingest.profile;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Profiles built on the fly from column URLs ({@code pipeline ingest --url URL}), for the sites no profile
 * describes: named after the host, allowed only that host, with the generic rules everywhere — the list's links
 * by {@code ListPage}'s generic rules (the main list's report and notice titles), pagination {@link Pagination.Kind#AUTO}
 * (whatever the list page says), the article by the built-in selectors and the densest text block, the default
 * title filter, charset and politeness.
 */
public final class UrlProfiles {
    public static final String FAMILY = "generic";
    /** List pages a column walk follows unless told otherwise ({@code ingest.url.max.pages}). */
    public static final int DEFAULT_MAX_PAGES = 10;
    public static final String MAX_PAGES_KEY = "ingest.url.max.pages";

    private UrlProfiles() {
    }

    /** One profile per host, its start URLs the URLs of that host in the order given. */
    public static List<SiteProfile> of(List<String> urls, int maxPages) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        Map<String, String> hostOf = new LinkedHashMap<>();
        for (String url : urls) {
            URI u = check(url);
            String name = nameFor(u.getHost());
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(url.strip());
            hostOf.putIfAbsent(name, u.getHost().toLowerCase(Locale.ROOT));
        }
        List<SiteProfile> out = new ArrayList<>();
        byName.forEach((name, starts) -> out.add(profile(name, hostOf.get(name), starts, maxPages)));
        return out;
    }

    /** The profile of one column URL. */
    public static SiteProfile of(String url, int maxPages) {
        return of(List.of(url), maxPages).get(0);
    }

    /** The profile's name: the host without a leading {@code www.}. */
    public static String nameFor(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("www.") && h.length() > 4 ? h.substring(4) : h;
    }

    private static SiteProfile profile(String name, String host, List<String> starts, int maxPages) {
        if (maxPages < 1) {
            throw new IllegalArgumentException(MAX_PAGES_KEY + " must be at least 1, not " + maxPages);
        }
        String description = "built from " + String.join(", ", starts)
                + ": generic list, pagination and article rules";
        return new SiteProfile(name, FAMILY, true, false, description, starts, new Pagination(Pagination.Kind.AUTO, null, null),
                maxPages, maxPages, null, null, null, null, null, TitleFilter.defaults(), null, null, null, List.of(host));
    }

    private static URI check(String url) {
        URI u;
        try {
            u = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url " + url + " is not a URL: " + e.getMessage());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw new IllegalArgumentException("--url " + url + " is not an absolute http(s) URL of a column page");
        }
        return u;
    }
}
