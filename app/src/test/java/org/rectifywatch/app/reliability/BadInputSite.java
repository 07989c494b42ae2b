package org.rectifywatch.app.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;

/**
 * A loopback column of bad pages in the sample site's TRS layout (so {@code SampleSiteProfile.column} crawls it).
 * Every page is listed under a report-like title except the news item; the last page is a good report, to show
 * the pass goes on.
 */
final class BadInputSite implements AutoCloseable {
    static final String COLUMN = "/bad/index.html";

    /** A page: list title, content type, body bytes (null: streamed 20 MB). */
    record Page(String path, String listTitle, String contentType, byte[] body) {
    }

    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final HttpServer server;

    BadInputSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bad-input-site");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    BadInputSite add(String path, String listTitle, String contentType, byte[] body) {
        pages.put(path, new Page(path, listTitle, contentType, body));
        return this;
    }

    /** An article page in the TRS layout; {@code padding} adds page chrome without text. */
    static String article(String title, String date, String text, String declaredCharset, int padding) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=")
                .append(declaredCharset).append("\">\n<meta name=\"ArticleTitle\" content=\"").append(title).append("\">\n")
                .append("<meta name=\"PubDate\" content=\"").append(date).append(" 17:00\">\n<title>").append(title).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/css/main.css\"></head>\n<body>\n");
        for (int i = 0; i < padding; i++) {
            b.append("<div class=\"nav\"><a href=\"/c").append(i).append("/index.html\"><img src=\"/i/").append(i).append(".png\" alt=\"\"></a></div>\n");
        }
        b.append("<div class=\"Article_61\"><h2 class=\"tit\">").append(title).append("</h2>\n<div class=\"content\"><div class=\"TRS_Editor\">\n");
        text.lines().forEach(l -> b.append("<p>").append(l.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n"));
        return b.append("</div></div></div>\n</body></html>\n").toString();
    }

    static byte[] junk(int size) {
        byte[] b = new byte[size];
        new Random(42).nextBytes(b);
        return b;
    }

    static byte[] encode(String s, Charset cs) {
        return s.getBytes(cs);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        try (ex) {
            if (path.equals("/robots.txt")) {
                send(ex, 404, "text/plain", new byte[0]);
            } else if (path.equals(COLUMN)) {
                StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>巡视巡察</title></head><body>"
                        + "<ul class=\"list_news_dl2\">\n");
                pages.values().forEach(p -> b.append("<li><a href=\"").append(p.path()).append("\" title=\"").append(p.listTitle())
                        .append("\">").append(p.listTitle()).append("</a><span>2025-10-01</span></li>\n"));
                b.append("</ul></body></html>");
                send(ex, 200, "text/html; charset=utf-8", b.toString().getBytes(StandardCharsets.UTF_8));
            } else if (pages.containsKey(path)) {
                Page p = pages.get(path);
                if (p.body() == null) {
                    stream20Mb(ex);
                } else {
                    send(ex, 200, p.contentType(), p.body());
                }
            } else {
                send(ex, 404, "text/html", new byte[0]);
            }
        } catch (IOException e) {
            // the crawler stopped reading (size cap)
        }
    }

    private static void stream20Mb(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        byte[] chunk = "<p>巡视整改情况填充内容巡视整改情况填充内容</p>\n".repeat(1024).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = ex.getResponseBody()) {
            for (long sent = 0; sent < 20L * 1024 * 1024; sent += chunk.length) {
                out.write(chunk);
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
