package org.rectifywatch.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The key a page is published and remembered under: lowercase scheme and host, no default port, no
 * fragment, tracking parameters dropped and the rest sorted, and a CCDI-style mobile twin
 * ({@code …_m.html}) mapped to its desktop URL, so the same article is never keyed twice.
 */
public final class CanonicalUrl {
    private static final Set<String> TRACKING = Set.of(
            "spm", "isappinstalled", "share", "share_token", "sharesource", "scene", "clicktime",
            "enterid", "wxshare_count", "fbclid", "gclid", "timestamp", "_t");
    private static final Pattern MOBILE_TWIN = Pattern.compile("_m(\\.s?html?)$");

    private CanonicalUrl() {
    }

    public static String of(String url) {
        URI u;
        try {
            u = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url + " (" + e.getReason() + ")");
        }
        if (u.getScheme() == null || u.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = u.getPort();
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            port = -1;
        }
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        path = MOBILE_TWIN.matcher(path).replaceFirst("$1");
        String query = canonicalQuery(u.getRawQuery());
        StringBuilder b = new StringBuilder(scheme).append("://").append(host);
        if (port != -1) {
            b.append(':').append(port);
        }
        b.append(path);
        if (!query.isEmpty()) {
            b.append('?').append(query);
        }
        return b.toString();
    }

    private static String canonicalQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || TRACKING.contains(name)) {
                continue;
            }
            kept.add(part);
        }
        kept.sort(null);
        return String.join("&", kept);
    }
}
