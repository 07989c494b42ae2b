package org.rectifywatch.ingest.testutil;

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

/** A tiny loopback HTTP server for fetch and crawl tests: fixed answers per path, 404 elsewhere, every request logged. */
public final class StubSite implements AutoCloseable {
    /** A canned answer. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.Function<String, String>> pages = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private StubSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public static StubSite start() {
        return new StubSite();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public StubSite html(String path, String html) {
        answers.put(path, new Answer(200, Map.of("Content-Type", "text/html; charset=utf-8"), html));
        return this;
    }

    /** A file (raw bytes) answered 200 with this Content-Type. */
    public StubSite file(String path, String contentType, byte[] bytes) {
        answers.put(path, new Answer(200, Map.of("Content-Type", contentType), null));
        bodies.put(path, bytes);
        return this;
    }

    /** An HTML page made from the request's query string (null when there is none), answered 200. */
    public StubSite html(String path, java.util.function.Function<String, String> byQuery) {
        pages.put(path, byQuery);
        return this;
    }

    public StubSite redirect(String path, int status, String location) {
        answers.put(path, new Answer(status, Map.of("Location", location), null));
        return this;
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(path);
        Answer a = answers.get(path);
        if (a == null && pages.containsKey(path)) {
            a = new Answer(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                    pages.get(path).apply(ex.getRequestURI().getRawQuery()));
        }
        if (a == null) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        byte[] body = bodies.containsKey(path) ? bodies.get(path)
                : a.body() == null ? new byte[0] : a.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
