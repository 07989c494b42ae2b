package org.rectifywatch.ingest.profile;

import java.net.URI;
import java.util.Optional;

/**
 * How a column's list pages follow each other. Page 0 is the start URL itself.
 *
 * @param kind  the CMS family's scheme
 * @param param  query parameter for {@link Kind#PAGE_NUM} (default {@code pageNum})
 * @param second the number the scheme gives the second page: index_1 on TRS WCM (default), index_2 on the
 *               Guangdong platform, list2 / pageNum=2 on the others
 */
public record Pagination(Kind kind, String param, Integer second) {

    public enum Kind {
        /** Only the start page. */
        NONE,
        /** TRS WCM / Guangdong: index.html, index_1.html, index_2.html … */
        INDEX_N,
        /** Henan sitesources: list1.html, list2.html … */
        LIST_N,
        /** Hanweb: …?pageNum=1, 2 … */
        PAGE_NUM,
        /** Follow the 下一页 link. */
        NEXT_LINK,
        /**
         * Hanweb jpage: the column page's list sits in a {@code <datastore>}; further pages come from
         * {@code /module/web/jpage/dataproxy.jsp?page=N…}, whose URL the list page gives (followed like a link).
         */
        JPAGE,
        /**
         * Whatever the list page says: its 下一页 / › / » link, TRS {@code createPageHTML(total, current, …)} (literal
         * or variable counts), its {@code index_N.html} siblings, or Hanweb's data proxy (followed like a link; the
         * walk stops at the column's last page, at a page seen before or repeating the previous one, and at
         * {@code list_pages}). What a profile built from a column URL uses.
         */
        AUTO
    }

    public static final Pagination NONE = new Pagination(Kind.NONE, null, null);

    public Pagination {
        kind = kind == null ? Kind.NONE : kind;
        param = param == null || param.isBlank() ? "pageNum" : param;
        second = second != null ? second : kind == Kind.INDEX_N ? 1 : 2;
    }

    /** The number the scheme prints for list page {@code n} (n ≥ 1). */
    int number(int n) {
        return second + n - 1;
    }

    /**
     * The URL of list page {@code n} (0-based) computed from the start URL, or empty when the scheme
     * does not compute URLs ({@link Kind#NEXT_LINK}, {@link Kind#JPAGE}, {@link Kind#AUTO}: the walker follows the URL the list page
     * gives instead) or has no page n.
     */
    public Optional<String> pageUrl(String startUrl, int n) {
        if (n == 0) {
            return Optional.of(startUrl);
        }
        return switch (kind) {
            case NONE, NEXT_LINK, JPAGE, AUTO -> Optional.empty();
            case INDEX_N -> Optional.of(indexN(startUrl, number(n)));
            case LIST_N -> Optional.of(listN(startUrl, number(n)));
            case PAGE_NUM -> Optional.of(withQueryParam(startUrl, param, Integer.toString(number(n))));
        };
    }

    private static String indexN(String start, int n) {
        URI u = URI.create(start);
        String path = u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath();
        String replaced;
        if (path.endsWith("/")) {
            replaced = path + "index_" + n + ".html";
        } else {
            int slash = path.lastIndexOf('/');
            String file = path.substring(slash + 1);
            int dot = file.lastIndexOf('.');
            String base = dot < 0 ? file : file.substring(0, dot);
            String ext = dot < 0 ? ".html" : file.substring(dot);
            replaced = path.substring(0, slash + 1) + base + "_" + n + ext;
        }
        return rebuild(u, replaced, u.getRawQuery());
    }

    private static String listN(String start, int n) {
        URI u = URI.create(start);
        String path = u.getPath();
        String replaced = path.replaceFirst("list\\d*(\\.s?html?)$", "list" + n + "$1");
        if (replaced.equals(path)) {
            replaced = (path.endsWith("/") ? path : path + "/") + "list" + n + ".html";
        }
        return rebuild(u, replaced, u.getRawQuery());
    }

    /** {@code start} with the query parameter {@code param} set to {@code value} (added when absent). */
    public static String withQueryParam(String start, String param, String value) {
        URI u = URI.create(start);
        String q = u.getRawQuery();
        StringBuilder nq = new StringBuilder();
        boolean replaced = false;
        if (q != null && !q.isEmpty()) {
            for (String part : q.split("&")) {
                if (nq.length() > 0) {
                    nq.append('&');
                }
                if (part.startsWith(param + "=") || part.equals(param)) {
                    nq.append(param).append('=').append(value);
                    replaced = true;
                } else {
                    nq.append(part);
                }
            }
        }
        if (!replaced) {
            if (nq.length() > 0) {
                nq.append('&');
            }
            nq.append(param).append('=').append(value);
        }
        return rebuild(u, u.getRawPath(), nq.toString());
    }

    private static String rebuild(URI u, String path, String rawQuery) {
        StringBuilder b = new StringBuilder();
        b.append(u.getScheme()).append("://").append(u.getRawAuthority()).append(path);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            b.append('?').append(rawQuery);
        }
        return b.toString();
    }
}
