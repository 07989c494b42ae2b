package org.rectifywatch.ingest.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * How a list page says which page comes next, read without running its scripts, in this order:
 * <ol>
 *   <li>a 下一页 / 下页 / 后一页 / › / » / &gt; link (by its text, its {@code title}, or a class naming "next");</li>
 *   <li>TRS's {@code createPageHTML(total, current, "index", "html")}, whose counts may be literals or variables
 *       set in the page ({@code var countPage = 5; createPageHTML(countPage, 0, …)}), also in the
 *       {@code createPageHTML("page_div", total, current, …)} form: page {@code current + 1} is
 *       {@code index_<current+1>.html} beside the page, and there is none after {@code total - 1};</li>
 *   <li>the nearest {@code index_N.html} sibling the page links to (a pager printed as plain links; the Guangdong
 *       platform's index_2.html after index.html).</li>
 * </ol>
 * A next page that is the page itself is no next page.
 *
 * @param totalPages pages the column says it has, or 0
 * @param nextUrl    the next page, or null
 * @param lastPage   true when createPageHTML says this is the column's last page
 */
record ListPaging(int totalPages, String nextUrl, boolean lastPage) {
    private static final Pattern NEXT_TEXT = Pattern.compile("^(下一页|下页|后一页|后页)\\s*[>›»]*$|^[>›»]$|^&gt;$");
    private static final Pattern NEXT_CLASS = Pattern.compile("(?i)next");
    private static final Pattern CREATE = Pattern.compile("createPageHTML\\s*\\(([^)]*)\\)");
    private static final Pattern INT = Pattern.compile("\\d{1,6}");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_$][\\w$.]*");
    private static final Pattern FILE = Pattern.compile("^(.+?)(?:_(\\d+))?\\.(s?html?)$");

    static ListPaging read(Document doc, String html, String url) {
        Script script = Script.find(html);
        String next = nextLink(doc, url);
        boolean last = false;
        if (next == null && script != null && script.total() > 0) {
            int current = script.current() >= 0 ? script.current() : urlIndex(url);
            if (current + 1 >= script.total()) {
                last = true;
            } else {
                next = resolve(url, script.prefix() + "_" + (current + 1) + "." + script.ext());
            }
        }
        if (next == null && !last) {
            next = sibling(doc, url);
        }
        if (next != null && url != null && ListPage.pageKey(next).equals(ListPage.pageKey(url))) {
            next = null;
        }
        return new ListPaging(script == null ? 0 : Math.max(0, script.total()), next, last);
    }

    private static String nextLink(Document doc, String url) {
        for (Element a : doc.select("a[href]")) {
            String text = stripBrackets(a.text());
            String title = stripBrackets(a.attr("title"));
            Element parent = a.parent();
            boolean next = NEXT_TEXT.matcher(text).matches() || NEXT_TEXT.matcher(title).matches()
                    || (text.length() <= 4 && (NEXT_CLASS.matcher(a.className()).find()
                    || (parent != null && parent.normalName().equals("li") && NEXT_CLASS.matcher(parent.className()).find())));
            if (!next) {
                continue;
            }
            String abs = a.absUrl("href");
            if (!abs.startsWith("http://") && !abs.startsWith("https://")) {
                continue;
            }
            if (url != null && ListPage.pageKey(abs).equals(ListPage.pageKey(url))) {
                continue;
            }
            return abs;
        }
        return null;
    }

    private static String stripBrackets(String s) {
        return ArticleText.normalizeLine(s).replaceAll("^[\\[【(（]\\s*|\\s*[\\]】)）]$", "");
    }

    /** The index a URL's file name gives a list page: 0 for index.html or a directory, N for index_N.html. */
    static int urlIndex(String url) {
        String file = fileName(url);
        Matcher m = FILE.matcher(file);
        return m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
    }

    /** The linked {@code <base>_N.<ext>} in the page's folder with the smallest N above this page's. */
    private static String sibling(Document doc, String url) {
        if (url == null) {
            return null;
        }
        URI here;
        try {
            here = URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String path = here.getPath() == null || here.getPath().isEmpty() ? "/" : here.getPath();
        String dir = path.substring(0, path.lastIndexOf('/') + 1);
        String file = path.substring(path.lastIndexOf('/') + 1);
        String base = "index";
        String ext = "s?html?";
        int current = 0;
        Matcher fm = FILE.matcher(file);
        if (!file.isEmpty() && fm.matches()) {
            base = fm.group(1);
            ext = Pattern.quote(fm.group(3));
            current = fm.group(2) == null ? 0 : Integer.parseInt(fm.group(2));
        }
        Pattern sibling = Pattern.compile(Pattern.quote(base) + "_(\\d+)\\." + ext);
        String best = null;
        int bestN = Integer.MAX_VALUE;
        for (Element a : doc.select("a[href]")) {
            String abs = a.absUrl("href");
            URI u;
            try {
                u = URI.create(abs);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (u.getHost() == null || !u.getHost().equalsIgnoreCase(here.getHost()) || u.getPath() == null
                    || !u.getPath().startsWith(dir)) {
                continue;
            }
            Matcher m = sibling.matcher(u.getPath().substring(dir.length()));
            if (m.matches()) {
                int n = Integer.parseInt(m.group(1));
                if (n > current && n < bestN) {
                    bestN = n;
                    best = abs;
                }
            }
        }
        return best;
    }

    private static String fileName(String url) {
        if (url == null) {
            return "";
        }
        try {
            String path = URI.create(url).getPath();
            return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String resolve(String url, String relative) {
        try {
            return URI.create(url).resolve(relative).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The arguments of a createPageHTML call, counts resolved (-1 when unknown). */
    record Script(int total, int current, String prefix, String ext) {
        static Script find(String html) {
            if (html == null || !html.contains("createPageHTML")) {
                return null;
            }
            Matcher m = CREATE.matcher(html);
            while (m.find()) {
                String before = html.substring(Math.max(0, m.start() - 12), m.start());
                if (before.matches("(?s).*function\\s*$")) {
                    continue; // the function's own definition
                }
                List<String> args = new ArrayList<>();
                for (String arg : m.group(1).split(",")) {
                    args.add(arg.strip());
                }
                if (args.size() >= 5 && isQuoted(args.get(0)) && !INT.matcher(unquote(args.get(0))).matches()) {
                    args.remove(0); // createPageHTML("page_div", total, current, prefix, ext, …)
                }
                if (args.size() < 2) {
                    continue;
                }
                int total = resolve(args.get(0), html);
                if (total <= 0) {
                    continue;
                }
                int current = resolve(args.get(1), html);
                String prefix = args.size() > 2 && !unquote(args.get(2)).isBlank() ? unquote(args.get(2)) : "index";
                String ext = args.size() > 3 && !unquote(args.get(3)).isBlank() ? unquote(args.get(3)) : "html";
                if (!prefix.matches("[\\w.-]+") || !ext.matches("[A-Za-z]{2,5}")) {
                    continue;
                }
                return new Script(total, current, prefix, ext);
            }
            return null;
        }

        /** A literal count, or the number a variable of that name is set to in the page; -1 when neither. */
        private static int resolve(String arg, String html) {
            String v = unquote(arg);
            if (INT.matcher(v).matches()) {
                return Integer.parseInt(v);
            }
            if (!IDENT.matcher(v).matches()) {
                return -1;
            }
            String name = v.contains(".") ? v.substring(v.lastIndexOf('.') + 1) : v;
            Matcher set = Pattern.compile("(?<![\\w$.])" + Pattern.quote(name) + "\\s*[:=]\\s*['\"]?(\\d{1,6})\\b").matcher(html);
            return set.find() ? Integer.parseInt(set.group(1)) : -1;
        }

        private static boolean isQuoted(String s) {
            return s.length() >= 2 && (s.startsWith("\"") || s.startsWith("'"));
        }

        private static String unquote(String s) {
            String t = s.strip();
            if (isQuoted(t) && (t.endsWith("\"") || t.endsWith("'"))) {
                return t.substring(1, t.length() - 1).strip();
            }
            return t;
        }
    }
}
