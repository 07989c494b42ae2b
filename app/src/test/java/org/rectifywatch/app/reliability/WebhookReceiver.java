package org.rectifywatch.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rectifywatch.model.json.Json;

/** An alert webhook on loopback that records every item of every digest delivered (generic JSON payloads). */
final class WebhookReceiver implements AutoCloseable {
    /** A token in the webhook URL that must never reach a log line (a test value, not a credential). */
    static final String URL_MARKER = "s3cr3t-7f0c2a9e41";
    private final HttpServer server;
    private final List<JsonNode> deliveries = new CopyOnWriteArrayList<>();
    private final List<JsonNode> digests = new CopyOnWriteArrayList<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            JsonNode digest = Json.MAPPER.readTree(body);
            digests.add(digest);
            digest.path("items").forEach(deliveries::add);
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send/" + URL_MARKER + "?access_token=" + URL_MARKER;
    }

    /** Item deliveries per alert id and event (alert.raised / alert.resolved). */
    Map<String, Integer> perEvent() {
        Map<String, Integer> m = new TreeMap<>();
        for (JsonNode d : deliveries) {
            m.merge(d.at("/alert/alert_id").asText() + " " + d.path("event").asText(), 1, Integer::sum);
        }
        return m;
    }

    /** Every digest as received (its {@code idempotency_key} and {@code items}), in order. */
    List<JsonNode> digests() {
        return List.copyOf(digests);
    }

    /** The event an item announces: alert id and state. */
    static String event(JsonNode item) {
        return item.at("/alert/alert_id").asText() + " " + item.at("/alert/state").asText();
    }

    /** Alert events delivered (items over all digests). */
    int deliveries() {
        return deliveries.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
