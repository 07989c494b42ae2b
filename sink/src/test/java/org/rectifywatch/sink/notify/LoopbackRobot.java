package org.rectifywatch.sink.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.rectifywatch.model.json.Json;

/**
 * A DingTalk-style group robot on loopback, as strict as the real one: at most {@code limit} messages in any
 * {@code window} (beyond: HTTP 200 with errcode 130101, as DingTalk answers), and with a secret, every request must
 * carry {@code timestamp} (within an hour) and {@code sign} = URL-encoded Base64 HmacSHA256(secret,
 * timestamp + "\n" + secret), else errcode 310000. It records each accepted message, its idempotency key (the
 * header and the JSON field must agree) and the items it names ({@code 编号：x} and {@code `x`}). It can also
 * take a message and then not answer in time, like a receiver whose 2xx is lost.
 */
public final class LoopbackRobot implements AutoCloseable {
    private static final Pattern REF = Pattern.compile("(?:编号：(\\S+))|(?:`([^`]+)`)");

    /** One accepted message. */
    public record Message(String idempotencyKey, JsonNode body, List<String> refs) {
    }

    private final HttpServer server;
    private final int limit;
    private final long windowNanos;
    private final String secret;
    private final Deque<Long> accepted = new ArrayDeque<>();
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    public final AtomicInteger refusedForRate = new AtomicInteger();
    public final AtomicInteger refusedForSignature = new AtomicInteger();
    public final AtomicInteger keyMismatches = new AtomicInteger();
    /** Messages to take and then leave unanswered for this long (the sender's timeout fires first). */
    public final AtomicInteger swallowAnswers = new AtomicInteger();
    private volatile Duration swallowFor = Duration.ofSeconds(2);

    public LoopbackRobot(int limit, Duration window, String secret) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/robot/send", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send?access_token=ROBOT-TOKEN";
    }

    public void swallowFor(Duration d) {
        swallowFor = d;
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        if (secret != null && !signatureOk(query)) {
            refusedForSignature.incrementAndGet();
            answer(ex, 310000, "sign not match");
            return;
        }
        synchronized (accepted) {
            long now = System.nanoTime();
            while (!accepted.isEmpty() && accepted.peekFirst() <= now - windowNanos) {
                accepted.removeFirst();
            }
            if (accepted.size() >= limit) {
                refusedForRate.incrementAndGet();
                answer(ex, 130101, "send too fast, exceed 20 times per minute");
                return;
            }
            accepted.addLast(now);
        }
        JsonNode json = Json.MAPPER.readTree(body);
        String header = ex.getRequestHeaders().getFirst("Idempotency-Key");
        if (header == null || !header.equals(json.path("idempotency_key").asText())) {
            keyMismatches.incrementAndGet();
        }
        messages.add(new Message(header, json, refs(json)));
        if (swallowAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            try {
                Thread.sleep(swallowFor.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        answer(ex, 0, "ok");
    }

    private boolean signatureOk(Map<String, String> q) {
        String ts = q.get("timestamp");
        String sign = q.get("sign");
        if (ts == null || sign == null) {
            return false;
        }
        long t = Long.parseLong(ts);
        if (Math.abs(System.currentTimeMillis() - t) > 3_600_000L) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getEncoder().encodeToString(mac.doFinal((ts + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(sign);
        } catch (Exception e) {
            return false;
        }
    }

    /** Query parameters, URL-decoded once (as the robot reads {@code sign}). */
    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw != null) {
            for (String p : raw.split("&")) {
                int eq = p.indexOf('=');
                if (eq > 0) {
                    m.put(p.substring(0, eq), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return m;
    }

    private static List<String> refs(JsonNode json) {
        String text = json.path("markdown").has("text") ? json.path("markdown").path("text").asText()
                : json.path("markdown").path("content").asText(json.path("text").asText());
        List<String> out = new ArrayList<>();
        Matcher m = REF.matcher(text);
        while (m.find()) {
            String r = m.group(1) != null ? m.group(1) : m.group(2);
            if (!r.startsWith("digest-")) {
                out.add(r);
            }
        }
        return out;
    }

    private static void answer(HttpExchange ex, int code, String msg) throws IOException {
        byte[] a = ("{\"errcode\":" + code + ",\"errmsg\":\"" + msg + "\"}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, a.length);
        ex.getResponseBody().write(a);
        ex.close();
    }

    public List<Message> messages() {
        return messages;
    }

    /** Every item named in an accepted message, each once. */
    public Set<String> refs() {
        Set<String> s = new LinkedHashSet<>();
        messages.forEach(m -> s.addAll(m.refs()));
        return s;
    }

    /** How many accepted messages named each item. */
    public Map<String, Integer> refCounts() {
        Map<String, Integer> m = new HashMap<>();
        messages.forEach(msg -> msg.refs().forEach(r -> m.merge(r, 1, Integer::sum)));
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
