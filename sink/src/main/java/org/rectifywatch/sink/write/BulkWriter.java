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
 * Sends one batch with the bulk API and returns once the outcome of every action is known, following the policy
 * of {@link BulkFaults}: whole-request failures that pass (connection refused, timeouts, 408, 429, 5xx) and
 * per-item 429/5xx are retried with backoff for as long as the sink runs, and mark Elasticsearch unavailable so
 * the consumer pauses; a request answered 413 or 400 is halved until the one document at fault is alone, which
 * becomes a {@link Rejection}; per-item 409 (version conflict: a replay or an older version) is success; other
 * per-item 4xx are {@link Rejection}s for the dead-letter topic; credentials, privileges, a missing alias or a
 * write block throw {@link Misconfigured}.
 */
public final class BulkWriter {
    private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);
    /** Reason header of a document that alone is more than Elasticsearch (or a proxy before it) accepts in a request. */
    public static final String TOO_LARGE = "DOCUMENT_TOO_LARGE";
    public static final String REJECTED = "ES_REJECTED";

    private final Rest5Client client;
    private final Backoff backoff;
    private final SinkCounters counters;
    private final Object sleeper = new Object();
    private volatile boolean available = true;
    private volatile boolean closed;
    private volatile long unavailableSince;
    private volatile String lastRetryReason = "";

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
        write(actions, rejected);
        return rejected;
    }

    private void write(List<SinkAction> actions, List<Rejection> rejected) {
        List<SinkAction> pending = actions;
        int attempt = 0;
        while (!pending.isEmpty()) {
            if (closed) {
                throw new Closed();
            }
            int refusedWith = 0;
            String answer = "";
            try {
                Request request = request(pending);
                long sent = System.nanoTime();
                Response response = client.performRequest(request);
                org.rectifywatch.model.ops.CrashPoint.reach("sink.bulk.sent"); // crash window: written to Elasticsearch, offsets not yet committed
                counters.bulkNanos.addAndGet(System.nanoTime() - sent);
                counters.bulkRequests.incrementAndGet();
                if (response.getStatusCode() >= 300) {
                    refusedWith = response.getStatusCode();
                    answer = answer(response);
                } else {
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
                        if (attempt % 20 == 4) { // persisting, not a passing burst
                            log.warn("{} bulk items still refused after {} attempts (last: {}); retrying", pending.size(),
                                    attempt + 1, lastRetryReason);
                        } else {
                            log.debug("{} bulk items throttled or failed on the server; retrying", pending.size());
                        }
                        pause(backoff.delayMillis(attempt++));
                    } else {
                        attempt = 0;
                    }
                }
            } catch (ResponseException e) {
                refusedWith = e.getResponse().getStatusCode();
                answer = answer(e.getResponse());
            } catch (IOException | RuntimeException e) {
                if (e instanceof Closed || e instanceof Misconfigured) {
                    throw (RuntimeException) e;
                }
                markUnavailable(e.getClass().getSimpleName() + ": " + firstLine(String.valueOf(e.getMessage())));
                counters.retries.incrementAndGet();
                pause(backoff.delayMillis(attempt++));
            }
            if (refusedWith != 0) {
                switch (BulkFaults.request(refusedWith)) {
                    case TRANSIENT -> {
                        markUnavailable("HTTP " + refusedWith + (answer.isEmpty() ? "" : " " + answer) + " on _bulk");
                        counters.retries.incrementAndGet();
                        pause(backoff.delayMillis(attempt++));
                    }
                    case SPLIT -> {
                        split(pending, refusedWith, answer, rejected);
                        pending = List.of();
                    }
                    case CONFIGURATION -> throw new Misconfigured(BulkFaults.requestFix(refusedWith, target(), answer));
                }
            }
        }
    }

    /** Halves a request Elasticsearch would not take whole, down to the one document it will not take at all. */
    private void split(List<SinkAction> refused, int status, String answer, List<Rejection> rejected) {
        if (refused.size() == 1) {
            SinkAction a = refused.get(0);
            rejected.add(new Rejection(a, status == 413 ? TOO_LARGE : REJECTED, "Elasticsearch refused a bulk request holding only "
                    + a.op().name().toLowerCase() + " of " + a.index() + "/" + a.id() + " (from " + a.origin().describe()
                    + ", " + a.bulkBytes() + " bytes) with HTTP " + status + (answer.isEmpty() ? "" : ": " + answer)));
            return;
        }
        log.info("Elasticsearch refused a bulk request of {} actions with HTTP {}: splitting it", refused.size(), status);
        int half = refused.size() / 2;
        write(refused.subList(0, half), rejected);
        write(refused.subList(half, refused.size()), rejected);
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
            switch (BulkFaults.item(status, errorType, a.op() == SinkAction.Op.DELETE)) {
                case DONE -> (a.op() == SinkAction.Op.DELETE ? counters.deleted : counters.indexed).incrementAndGet();
                case STALE -> counters.stale.incrementAndGet();
                case RETRY -> {
                    retry.add(a);
                    lastRetryReason = "HTTP " + status + " " + (error == null ? "" : Json.write(error));
                }
                case CONFIGURATION -> throw new Misconfigured(BulkFaults.itemFix(status, errorType,
                        error == null ? "" : error.path("reason").asText(), a.index()));
                case DEAD_LETTER -> rejected.add(new Rejection(a, status == 413 ? TOO_LARGE : REJECTED, "Elasticsearch refused "
                        + a.op().name().toLowerCase() + " of " + a.index() + "/" + a.id() + " (from " + a.origin().describe()
                        + ") with HTTP " + status + ": " + (error == null ? item.toString() : Json.write(error))));
            }
        }
        return retry;
    }

    private String target() {
        try {
            return client.getNodes().get(0).getHost().toURI();
        } catch (RuntimeException e) {
            return "es.url";
        }
    }

    /** The start of an error answer, enough to recognise it (a proxy's HTML page or Elasticsearch's JSON). */
    private static String answer(Response response) {
        try {
            var entity = response.getEntity();
            if (entity == null) {
                return "";
            }
            String text = new String(entity.getContent().readNBytes(300), StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
            return text;
        } catch (IOException | RuntimeException ignored) {
            return "";
        }
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
        // a missing alias is an error naming it, not an index Elasticsearch creates on the fly without the template
        r.addParameter("require_alias", "true");
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
