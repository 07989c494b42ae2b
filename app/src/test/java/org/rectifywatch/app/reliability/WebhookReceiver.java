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

/** An alert webhook on loopback that records every delivery (generic JSON payloads). */
final class WebhookReceiver implements AutoCloseable {
    /** A token in the webhook URL that must never reach a log line (a test value, not a credential). */
    static final String URL_MARKER = "s3cr3t-7f0c2a9e41";
    private final HttpServer server;
    private final List<JsonNode> deliveries = new CopyOnWriteArrayList<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            deliveries.add(Json.MAPPER.readTree(body));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send/" + URL_MARKER + "?access_token=" + URL_MARKER;
    }

    /** Deliveries per alert id and event (alert.raised / alert.resolved). */
    Map<String, Integer> perEvent() {
        Map<String, Integer> m = new TreeMap<>();
        for (JsonNode d : deliveries) {
            m.merge(d.at("/alert/alert_id").asText() + " " + d.path("event").asText(), 1, Integer::sum);
        }
        return m;
    }

    /** Every delivery's payload, in the order received. */
    List<JsonNode> payloads() {
        return List.copyOf(deliveries);
    }

    /** The event a payload announces: alert id and state (what the idempotency key is made of). */
    static String event(JsonNode payload) {
        return payload.at("/alert/alert_id").asText() + " " + payload.at("/alert/state").asText();
    }

    int deliveries() {
        return deliveries.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
