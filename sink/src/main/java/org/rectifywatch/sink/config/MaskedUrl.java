package org.rectifywatch.sink.config;

import java.net.URI;

/** A secret URL (webhook with an access token in its path or query) as it may appear in logs: scheme and host only. */
public final class MaskedUrl {
    private MaskedUrl() {
    }

    public static String of(String url) {
        if (url == null) {
            return "none";
        }
        try {
            URI u = URI.create(url.trim());
            if (u.getHost() == null) {
                return "***";
            }
            return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + "/***";
        } catch (IllegalArgumentException e) {
            return "***";
        }
    }
}
