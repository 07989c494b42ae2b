package org.rectifywatch.sink.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.rectifywatch.model.json.Json;
import org.rectifywatch.sink.config.MaskedUrl;
import org.rectifywatch.sink.notify.channel.ChannelSender;
import org.rectifywatch.sink.notify.channel.Outcome;
import org.rectifywatch.sink.notify.channel.RobotSigner;
import org.rectifywatch.sink.notify.config.ChannelConfig;
import org.rectifywatch.sink.notify.config.ChannelKind;
import org.rectifywatch.sink.notify.digest.Digest;
import org.rectifywatch.sink.notify.digest.DigestText;

/**
 * Posts digests to a robot or webhook. Success is a 2xx answer, and for the robot dialects also {@code errcode} 0
 * in the body (DingTalk and WeCom answer 200 with an error code when they refuse a message). Rate-limit codes
 * (DingTalk 130101, WeCom 45009) and 5xx/429/408/IO errors are retried later; other codes are refusals. A DingTalk
 * robot with a secret gets each request signed; a generic receiver with one gets {@code X-Rectify-Signature}. Every
 * request carries the {@code Idempotency-Key} header. The URL carries the robot's token, so only
 * {@link MaskedUrl} reaches messages.
 */
public final class WebhookClient implements ChannelSender {
    private final ChannelConfig channel;
    private final String url;
    private final String masked;
    private final Duration timeout;
    private final String dashboardUrl;
    private final LongSupplier wallClockMillis;
    private final HttpClient http;

    public WebhookClient(ChannelConfig channel, Duration timeout, String dashboardUrl) {
        this(channel, timeout, dashboardUrl, System::currentTimeMillis);
    }

    WebhookClient(ChannelConfig channel, Duration timeout, String dashboardUrl, LongSupplier wallClockMillis) {
        this.channel = channel;
        this.url = channel.url().trim();
        this.masked = MaskedUrl.of(url);
        this.timeout = timeout;
        this.dashboardUrl = dashboardUrl;
        this.wallClockMillis = wallClockMillis;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String describe() {
        return channel.describe();
    }

    @Override
    public Outcome send(Digest d) throws InterruptedException {
        return post(DigestText.payload(d, channel.kind(), dashboardUrl), d.id());
    }

    /** One attempt with a ready payload. */
    public Outcome post(String payload, String idempotencyKey) throws InterruptedException {
        String target = url;
        HttpRequest.Builder req = HttpRequest.newBuilder().timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", idempotencyKey);
        if (channel.secret() != null && channel.kind() == ChannelKind.dingtalk) {
            target = RobotSigner.signedDingTalkUrl(url, channel.secret(), wallClockMillis.getAsLong());
        } else if (channel.secret() != null && channel.kind() == ChannelKind.generic) {
            req.header("X-Rectify-Signature", RobotSigner.bodySignature(channel.secret(), payload));
        }
        try {
            HttpResponse<String> r = http.send(req.uri(URI.create(target)).POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int s = r.statusCode();
            if (s >= 200 && s < 300) {
                if (channel.kind() != ChannelKind.generic) {
                    JsonNode body = readOrNull(r.body());
                    if (body != null && body.has("errcode") && body.get("errcode").asInt() != 0) {
                        int code = body.get("errcode").asInt();
                        String detail = "robot answered errcode " + code + " " + body.path("errmsg").asText();
                        // rate limits (DingTalk 130101, WeCom 45009) and "system busy" (-1) are worth retrying
                        return code == 130101 || code == 45009 || code == -1 ? Outcome.retry(detail) : Outcome.refused(detail);
                    }
                }
                return Outcome.DELIVERED;
            }
            String detail = "HTTP " + s;
            return s == 408 || s == 429 || s >= 500 ? Outcome.retry(detail) : Outcome.refused(detail);
        } catch (IOException e) {
            String m = e.getMessage() == null ? "" : ": " + e.getMessage().replace(target, masked).replace(url, masked);
            return Outcome.retry(e.getClass().getSimpleName() + m);
        }
    }

    public String masked() {
        return masked;
    }

    private static JsonNode readOrNull(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
