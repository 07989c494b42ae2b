package org.rectifywatch.ingest.crawl;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback site whose every page has an ETag of its own (as static files on a real server have): If-None-Match
 * with the current one answers 304. Every request is logged with whether it was conditional and its status.
 */
final class EtagSite implements AutoCloseable {
    /** One request as the site saw it. */
    record Request(String path, boolean conditional, int status) {
    }

    private record Page(String html, int version) {
        String etag() {
            return "\"" + Integer.toHexString(html.hashCode()) + "-" + version + "\"";
        }
    }

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    EtagSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves (or replaces) a page; its ETag changes with its content. */
    EtagSite put(String path, String html) {
        Page old = pages.get(path);
        pages.put(path, new Page(html, old == null ? 1 : old.version() + 1));
        return this;
    }

    /** A new ETag for the same content (a republished file, a server that moved). */
    void touch(String path) {
        put(path, pages.get(path).html());
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    void clearLog() {
        requests.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            Page p = pages.get(path);
            int status = p == null ? 404 : p.etag().equals(inm) ? 304 : 200;
            requests.add(new Request(path, inm != null, status)); // logged before the answer: the log is complete when a pass ends
            if (p == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", p.etag());
            if (status == 304) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = p.html().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
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
