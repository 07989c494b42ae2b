package org.rectifywatch.ingest.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TRS WCM splits long articles over several pages and writes the pager with
 * {@code createPageHTML_ZW(pageCount, currentIndex, "t20240101_123", "html")}: page 0 is
 * {@code t20240101_123.html}, the others {@code t20240101_123_1.html} …
 */
public final class MultiPage {
    private static final Pattern PAGER = Pattern.compile(
            "createPageHTML_ZW\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*[\"']([^\"']+)[\"']\\s*,\\s*[\"']([^\"']+)[\"']");
    /** Guard against a broken pager asking for thousands of pages. */
    static final int MAX_PAGES = 50;

    private MultiPage() {
    }

    /** URLs of the following pages when this is the first page of a split article, else an empty list. */
    public static List<String> continuationUrls(String html, String url) {
        Matcher m = PAGER.matcher(html);
        if (!m.find()) {
            return List.of();
        }
        int count = Math.min(Integer.parseInt(m.group(1)), MAX_PAGES);
        int index = Integer.parseInt(m.group(2));
        if (count <= 1 || index != 0) {
            return List.of();
        }
        URI base = URI.create(url);
        List<String> urls = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            urls.add(base.resolve(m.group(3) + "_" + i + "." + m.group(4)).toString());
        }
        return urls;
    }
}
