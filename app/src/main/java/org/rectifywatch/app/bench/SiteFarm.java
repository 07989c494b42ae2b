package org.rectifywatch.app.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.rectifywatch.samples.SampleReports;

/**
 * Simulated publication sites on loopback, each on an address of its own in 127.0.0.0/8 (127.0.1.1, 127.0.1.2 …; never
 * another range): a 巡视巡察 column of list pages (newest first, {@value #PER_PAGE} to a page, TRS paging), report
 * articles that carry an ETag and answer 304 to a matching {@code If-None-Match}, and no robots.txt (404: all allowed).
 * Every request is recorded with its host, time, User-Agent and status, so a test can check who asked which host when.
 */
public final class SiteFarm implements AutoCloseable {
    public static final int PER_PAGE = 20;
    public static final String COLUMN = "/xsxc/index.html";

    /** One request as the farm saw it. */
    public record Request(String host, long nanos, String userAgent, String path, int status) {
    }

    /** One simulated site. */
    public final class Site {
        private final HttpServer server;
        private final String address;
        private final AtomicInteger reports;
        private final ConcurrentLinkedQueue<Request> log = new ConcurrentLinkedQueue<>();

        Site(String address, int reports) throws IOException {
            this.address = address;
            this.reports = new AtomicInteger(reports);
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 50);
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
        }

        public String host() {
            return address + ":" + server.getAddress().getPort();
        }

        public String columnUrl() {
            return "http://" + host() + COLUMN;
        }

        public String articleUrl(int n) {
            return "http://" + host() + "/xsxc/art_" + n + ".html";
        }

        public int reports() {
            return reports.get();
        }

        /** Publishes one more report at the top of the column. */
        public void addReport() {
            reports.incrementAndGet();
        }

        public List<Request> requests() {
            return List.copyOf(log);
        }

        private void handle(HttpExchange ex) throws IOException {
            String path = ex.getRequestURI().getPath();
            int status;
            try {
                status = answer(ex, path);
            } catch (RuntimeException e) {
                status = 500;
                send(ex, 500, null, "farm error: " + e);
            }
            log.add(new Request(host(), System.nanoTime(), ex.getRequestHeaders().getFirst("User-Agent"), path, status));
        }

        private int answer(HttpExchange ex, String path) throws IOException {
            int n = reports.get();
            int pages = Math.max(1, (n + PER_PAGE - 1) / PER_PAGE);
            if (path.equals(COLUMN) || path.matches("/xsxc/index_\\d+\\.html")) {
                int page = path.equals(COLUMN) ? 0 : Integer.parseInt(path.replaceAll("\\D", ""));
                if (page >= pages) {
                    return send(ex, 404, null, "no such page");
                }
                return send(ex, 200, null, listPage(n, page, pages));
            }
            if (path.matches("/xsxc/art_\\d+\\.html")) {
                int id = Integer.parseInt(path.replaceAll("\\D", ""));
                if (id < 1 || id > n) {
                    return send(ex, 404, null, "no such article");
                }
                String etag = "\"r" + id + "\"";
                if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    ex.getResponseHeaders().set("ETag", etag);
                    ex.sendResponseHeaders(304, -1);
                    ex.close();
                    return 304;
                }
                return send(ex, 200, etag, article(id));
            }
            return send(ex, 404, null, "not found");
        }

        private String listPage(int n, int page, int pages) {
            StringBuilder b = new StringBuilder(head("巡视巡察")).append("<body>\n").append(TOP)
                    .append("<div class=\"main\"><div class=\"col-title\">巡视巡察</div>\n<ul class=\"list\">\n");
            for (int id = n - page * PER_PAGE; id > Math.max(0, n - (page + 1) * PER_PAGE); id--) {
                b.append("<li><a href=\"/xsxc/art_").append(id).append(".html\" target=\"_blank\">").append(esc(title(id)))
                        .append("</a><span>").append(date(id)).append("</span></li>\n");
            }
            b.append("</ul>\n<div class=\"pagination\"><script type=\"text/javascript\">\nvar countPage = ").append(pages)
                    .append("//共多少页\nvar currentPage = ").append(page)
                    .append(";\ncreatePageHTML(countPage, currentPage, \"index\", \"html\");\n</script></div>\n</div>\n")
                    .append(FOOT).append("</body></html>\n");
            return b.toString();
        }

        private String title(int id) {
            SampleReports.Sample s = texts.get(id % texts.size());
            return s.title() + "（第" + id + "号）";
        }

        private String date(int id) {
            return String.format("2026年%02d月%02d日", 1 + id % 12, 1 + id % 28);
        }

        private String article(int id) {
            SampleReports.Sample s = texts.get(id % texts.size());
            StringBuilder body = new StringBuilder();
            for (String line : s.text().split("\n")) {
                if (!line.isBlank()) {
                    body.append("<p>").append(esc(line.strip())).append("</p>\n");
                }
            }
            return head(title(id)) + "<body>\n" + TOP + "<div class=\"detail\">\n<h1 class=\"detail-title\">" + esc(title(id))
                    + "</h1>\n<div class=\"detail-info\"><span>发布日期：" + date(id) + "</span> <span>来源：" + address
                    + "</span></div>\n<div class=\"detail-body\">\n" + body + "</div>\n</div>\n" + FOOT + "</body></html>\n";
        }
    }

    private static final String TOP = "<div class=\"top\"><div class=\"logo\">模拟县人民政府门户网站</div><ul class=\"menu\">"
            + "<li><a href=\"/\">首页</a></li><li><a href=\"/xsxc/index.html\">巡视巡察</a></li></ul></div>\n";
    private static final String FOOT = "<div class=\"foot\"><p><a href=\"/about.html\">关于本站</a></p>"
            + "<p>主办单位：模拟县人民政府办公室</p></div>\n";

    private final ExecutorService executor;
    private final List<Site> sites = new ArrayList<>();
    private final List<SampleReports.Sample> texts;

    /**
     * Starts {@code count} sites; site {@code i} publishes {@code reportsOf[i]} reports to begin with.
     *
     * @param threads threads answering requests for all sites together
     */
    public SiteFarm(int[] reportsOf, int threads) {
        if (reportsOf.length > 250 * 250) {
            throw new IllegalArgumentException("a farm has at most 62,500 sites (127.0.1.1 to 127.0.250.250)");
        }
        this.texts = SampleReports.all().stream().filter(s -> s.column().equals(SampleReports.MAIN_COLUMN) && !s.servedAsFile()).toList();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "farm");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < reportsOf.length; i++) {
                sites.add(new Site(address(i), reportsOf[i]));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot bind a farm site on " + address(sites.size()) + " (loopback 127.0.0.0/8): "
                    + e.getMessage(), e);
        }
    }

    /** The loopback address of site {@code i}: 127.0.1.1, 127.0.1.2, … 127.0.1.250, 127.0.2.1 … */
    static String address(int i) {
        return "127.0." + (1 + i / 250) + "." + (1 + i % 250);
    }

    public List<Site> sites() {
        return sites;
    }

    /** Every request of every site since start, by host, in time order per host. */
    public Map<String, List<Request>> requestsByHost() {
        Map<String, List<Request>> out = new TreeMap<>();
        for (Site s : sites) {
            out.put(s.host(), s.requests());
        }
        return out;
    }

    private static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head>\n<meta charset=\"utf-8\">\n<title>" + esc(title)
                + " - 模拟县人民政府门户网站</title>\n</head>\n";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static int send(HttpExchange ex, int status, String etag, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        if (etag != null) {
            ex.getResponseHeaders().set("ETag", etag);
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
        return status;
    }

    @Override
    public void close() {
        for (Site s : sites) {
            s.server.stop(0);
        }
        executor.shutdownNow();
    }
}
