package org.rectifywatch.sink.write;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.rectifywatch.model.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one batch with the bulk API and returns once the outcome of every action is known. Whole-request
 * failures (connection refused, 5xx, 429) and per-item 429/5xx are retried with backoff for as long as the
 * sink runs, and mark Elasticsearch unavailable so the consumer pauses; per-item 409 (version conflict: a
 * replay or an older version) is success; any other per-item 4xx is a {@link Rejection} for the dead-letter topic.
 */
public final class BulkWriter {
    private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);

    private final Rest5Client client;
    private final Backoff backoff;
    private final SinkCounters counters;
    private final Object sleeper = new Object();
    private volatile boolean available = true;
    private volatile boolean closed;
    private volatile long unavailableSince;

    public BulkWriter(Rest5Client client, Backoff backoff, SinkCounters counters) {
        this.client = client;
        this.backoff = backoff;
        this.counters = counters;
    }

    public boolean available() {
        return available;
    }

    /** Ends every retry loop with {@link Closed}. */
    public void close() {
        closed = true;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }

    /** Writes the index and delete actions; returns the ones Elasticsearch refused for good. */
    public List<Rejection> write(List<SinkAction> actions) {
        List<Rejection> rejected = new ArrayList<>();
        List<SinkAction> pending = actions;
        int attempt = 0;
        while (!pending.isEmpty()) {
            if (closed) {
                throw new Closed();
            }
            try {
                Request request = request(pending);
                long sent = System.nanoTime();
                Response response = client.performRequest(request);
                org.rectifywatch.model.ops.CrashPoint.reach("sink.bulk.sent"); // crash window: written to Elasticsearch, offsets not yet committed
                counters.bulkNanos.addAndGet(System.nanoTime() - sent);
                counters.bulkRequests.incrementAndGet();
                if (response.getStatusCode() >= 300) {
                    markUnavailable("HTTP " + response.getStatusCode() + " on _bulk");
                    counters.retries.incrementAndGet();
                    pause(backoff.delayMillis(attempt++));
                    continue;
                }
                markAvailable();
                byte[] body = body(response);
                if (allSucceeded(body)) {
                    count(pending);
                    pending = List.of();
                } else {
                    pending = settle(pending, Json.MAPPER.readTree(body), rejected);
                }
                if (!pending.isEmpty()) {
                    counters.retries.incrementAndGet();
                    log.debug("{} bulk items throttled or failed on the server; retrying", pending.size());
                    pause(backoff.delayMillis(attempt++));
                } else {
                    attempt = 0;
                }
            } catch (ResponseException e) {
                markUnavailable("HTTP " + e.getResponse().getStatusCode() + " " + firstLine(e.getMessage()));
                counters.retries.incrementAndGet();
                pause(backoff.delayMillis(attempt++));
            } catch (IOException | RuntimeException e) {
                if (e instanceof Closed c) {
                    throw c;
                }
                markUnavailable(e.getClass().getSimpleName() + ": " + firstLine(String.valueOf(e.getMessage())));
                counters.retries.incrementAndGet();
                pause(backoff.delayMillis(attempt++));
            }
        }
        return rejected;
    }

    private List<SinkAction> settle(List<SinkAction> sent, JsonNode body, List<Rejection> rejected) {
        JsonNode items = body.path("items");
        if (items.size() != sent.size()) {
            throw new IllegalStateException("bulk response has " + items.size() + " items for " + sent.size() + " actions");
        }
        List<SinkAction> retry = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            SinkAction a = sent.get(i);
            JsonNode item = items.get(i).elements().next();
            int status = item.path("status").asInt();
            JsonNode error = item.get("error");
            String errorType = error == null ? "" : error.path("type").asText();
            if (status >= 200 && status < 300) {
                (a.op() == SinkAction.Op.DELETE ? counters.deleted : counters.indexed).incrementAndGet();
            } else if (status == 404 && a.op() == SinkAction.Op.DELETE && error == null) {
                counters.deleted.incrementAndGet(); // already absent: the tombstone's intent holds
            } else if (status == 409) {
                counters.stale.incrementAndGet();
            } else if (status == 429 || status >= 500 || "index_not_found_exception".equals(errorType)) {
                if ("index_not_found_exception".equals(errorType)) {
                    log.error("index {} is missing: run `pipeline setup` (retrying)", a.index());
                }
                retry.add(a);
            } else {
                rejected.add(new Rejection(a, "ES_REJECTED", "Elasticsearch refused " + a.op().name().toLowerCase()
                        + " of " + a.index() + "/" + a.id() + " (from " + a.origin().describe() + ") with HTTP " + status
                        + ": " + (error == null ? item.toString() : Json.write(error))));
            }
        }
        return retry;
    }

    private static Request request(List<SinkAction> actions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(actions.stream().mapToInt(SinkAction::bulkBytes).sum());
        for (SinkAction a : actions) {
            out.writeBytes(meta(a));
            out.write('\n');
            if (a.op() == SinkAction.Op.INDEX) {
                out.writeBytes(a.source());
                out.write('\n');
            }
        }
        Request r = new Request("POST", "/_bulk");
        r.addParameter("filter_path", "errors,items.*.status,items.*.error");
        r.setEntity(new ByteArrayEntity(out.toByteArray(), NDJSON));
        return r;
    }

    /** The action line, e.g. {"index":{"_index":"rectify-issues","_id":"…","version":42,"version_type":"external"}}. */
    public static byte[] meta(SinkAction a) {
        StringBuilder b = new StringBuilder(96 + a.id().length());
        b.append("{\"").append(a.op() == SinkAction.Op.DELETE ? "delete" : "index").append("\":{\"_index\":");
        quote(b, a.index());
        b.append(",\"_id\":");
        quote(b, a.id());
        b.append(",\"version\":").append(a.version()).append(",\"version_type\":\"external\"}}");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    private static byte[] body(Response response) throws IOException {
        try (InputStream in = response.getEntity().getContent()) {
            return in.readAllBytes();
        }
    }

    /**
     * The usual answer, {@code {"errors":false,...}}, read from its first field: every item succeeded (a delete
     * of an absent document is not an error either), so the thousand per-item answers need not be parsed.
     */
    static boolean allSucceeded(byte[] body) throws IOException {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
            return p.nextToken() == JsonToken.START_OBJECT && p.nextToken() == JsonToken.FIELD_NAME
                    && "errors".equals(p.currentName()) && p.nextToken() == JsonToken.VALUE_FALSE;
        }
    }

    private void count(List<SinkAction> succeeded) {
        for (SinkAction a : succeeded) {
            (a.op() == SinkAction.Op.DELETE ? counters.deleted : counters.indexed).incrementAndGet();
        }
    }

    private void markAvailable() {
        if (!available) {
            available = true;
            log.info("Elasticsearch reachable again after {} s: resuming", (System.currentTimeMillis() - unavailableSince) / 1000);
        }
    }

    private void markUnavailable(String why) {
        if (available) {
            available = false;
            unavailableSince = System.currentTimeMillis();
            log.warn("Elasticsearch unavailable ({}): pausing consumption and retrying with backoff", why);
        }
    }

    private void pause(long millis) {
        long until = System.currentTimeMillis() + millis;
        synchronized (sleeper) {
            long left;
            while (!closed && (left = until - System.currentTimeMillis()) > 0) {
                try {
                    sleeper.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Closed();
                }
            }
        }
        if (closed) {
            throw new Closed();
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
