package org.rectifywatch.model.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of a service's operations: {@code GET /health/live}, {@code GET /health/ready} (200 or 503 with
 * a JSON body naming each check) and {@code GET /metrics} (Prometheus text format). One small daemon thread.
 */
public final class HealthServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HealthServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    private HealthServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving on {@code settings.port()} (all interfaces), or returns null when health is off. */
    public static HealthServer start(HealthSettings settings, HealthChecks checks, PrometheusMeterRegistry registry) {
        if (!settings.enabled()) {
            return null;
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("0.0.0.0", settings.port()), 16);
        } catch (IOException e) {
            throw new IllegalArgumentException(HealthSettings.PORT_KEY + "=" + settings.port() + " cannot be served (" + e.getMessage()
                    + "): choose a free port, 0 for any free port, or -1 for none");
        }
        server.createContext("/health/live", ex -> status(ex, checks.liveness()));
        server.createContext("/health/ready", ex -> status(ex, checks.readiness()));
        server.createContext("/metrics", ex -> respond(ex, 200, PROMETHEUS_TEXT, registry.scrape()));
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "health-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        HealthServer s = new HealthServer(server);
        log.info("health on http://0.0.0.0:{}", s.port());
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void status(HttpExchange ex, HealthChecks.Status status) throws IOException {
        respond(ex, status.up() ? 200 : 503, "application/json", status.json());
    }

    private static void respond(HttpExchange ex, int code, String type, String body) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(code, "HEAD".equals(ex.getRequestMethod()) ? -1 : bytes.length);
            if (!"HEAD".equals(ex.getRequestMethod())) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (RuntimeException e) {
            log.warn("health endpoint {} failed: {}", ex.getRequestURI(), e.toString());
            throw e;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
