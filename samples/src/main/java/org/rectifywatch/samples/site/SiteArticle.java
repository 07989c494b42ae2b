package org.rectifywatch.samples.site;

import java.time.Instant;

/**
 * One article the sample site serves.
 *
 * @param name         sample name (or a fixed id for noise/challenge items)
 * @param path         URL path of its first page
 * @param title        title shown on list and article page
 * @param listTitle    link text on the list page (may be cut short like real lists)
 * @param pageDate     ISO date shown on the page
 * @param text         article text, one paragraph per line
 * @param layout       CMS family of the page
 * @param gbk          served GBK-encoded with a gb2312 meta declaration and no charset in the header
 * @param pages        pages the article is split over (TRS createPageHTML_ZW)
 * @param version      bumped by every edit (drives the ETag)
 * @param lastModified Last-Modified of the current version
 * @param kind         report, inspection feedback notice, noise, challenge or robots-disallowed
 */
public record SiteArticle(String name, String path, String title, String listTitle, String pageDate, String text,
                          Layout layout, boolean gbk, int pages, int version, Instant lastModified, Kind kind) {

    /** TRS WCM-like, Hanweb-like, or a plain government portal page no profile describes. */
    public enum Layout { TRS, HANWEB, PLAIN }

    public enum Kind { REPORT, NOTICE, NOISE, CHALLENGE, DISALLOWED }

    SiteArticle edited(String newText, Instant at) {
        return new SiteArticle(name, path, title, listTitle, pageDate, newText, layout, gbk, pages, version + 1, at, kind);
    }

    String etag() {
        return "\"" + Integer.toHexString((path + "#" + version + "#" + text.hashCode()).hashCode()) + "-" + version + "\"";
    }
}
