package org.rectifywatch.sink.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.sink.config.MaskedUrl;

/**
 * Posts one payload to the webhook. Success is a 2xx answer, and for the robot dialects also {@code errcode}
 * 0 in the body (DingTalk and WeCom answer 200 with an error code when they refuse a message).
 * The URL carries the robot's access token, so it never appears in messages: only {@link MaskedUrl}.
 */
public final class WebhookClient {
    /** Outcome of one attempt. */
    public enum Result { DELIVERED, RETRY, REFUSED }

    private final URI url;
    private final String masked;
    private final WebhookFormat format;
    private final Duration timeout;
    private final HttpClient http;

    public WebhookClient(String url, WebhookFormat format, Duration timeout) {
        this.url = URI.create(url.trim());
        this.masked = MaskedUrl.of(url);
        this.format = format;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public String masked() {
        return masked;
    }

    public WebhookFormat format() {
        return format;
    }

    /** One attempt; {@code detail[0]} receives a short explanation on failure. */
    public Result post(String payload, String[] detail) throws InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int s = r.statusCode();
            if (s >= 200 && s < 300) {
                if (format != WebhookFormat.generic) {
                    JsonNode body = readOrNull(r.body());
                    if (body != null && body.has("errcode") && body.get("errcode").asInt() != 0) {
                        detail[0] = "robot answered errcode " + body.get("errcode").asInt() + " " + body.path("errmsg").asText();
                        // rate limits (DingTalk 130101, WeCom 45009) are worth retrying; other codes are refusals
                        int code = body.get("errcode").asInt();
                        return code == 130101 || code == 45009 || code == -1 ? Result.RETRY : Result.REFUSED;
                    }
                }
                return Result.DELIVERED;
            }
            detail[0] = "HTTP " + s;
            return s == 408 || s == 429 || s >= 500 ? Result.RETRY : Result.REFUSED;
        } catch (IOException e) {
            detail[0] = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().replace(url.toString(), masked));
            return Result.RETRY;
        }
    }

    private static JsonNode readOrNull(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
