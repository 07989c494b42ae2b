package org.rectifywatch.ingest.sites;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One host of the site list (a record of the compacted {@code crawl.sites} topic, keyed by {@link #host}): the columns
 * crawled there. The host is the unit the crawler instances share out, so all columns of one host stay together and
 * one instance at a time keeps that host's politeness.
 *
 * @param host    the columns' host and port, lower case (the record key; the politeness unit of the fetcher)
 * @param columns the column pages crawled on this host, each with its profile and poll interval when given
 */
public record SiteEntry(String host, List<Column> columns) {

    /**
     * One column of a site.
     *
     * @param url     the column's first list page
     * @param profile the name of the profile (a CMS family in {@code profiles.json}) that reads it; null: the generic rules
     * @param poll    how often it is crawled (e.g. 30m, 6h); null: the profile's poll interval
     */
    public record Column(String url, String profile, String poll) {
    }

    public SiteEntry {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** The host key of a column URL, or an error naming the URL and what a column URL must be. */
    public static String hostOf(String url) {
        URI u;
        try {
            u = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getMessage());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw new IllegalArgumentException("'" + url + "' is not an absolute http(s) URL of a column page");
        }
        return u.getRawAuthority().toLowerCase(Locale.ROOT);
    }

    /** This site with the column added, or replacing the column of the same URL. */
    public SiteEntry with(Column column) {
        List<Column> out = new ArrayList<>(columns.stream().filter(c -> !c.url().equals(column.url())).toList());
        out.add(column);
        return new SiteEntry(host, out);
    }

    /** This site without the column of that URL. */
    public SiteEntry without(String url) {
        return new SiteEntry(host, columns.stream().filter(c -> !c.url().equals(url.strip())).toList());
    }
}
