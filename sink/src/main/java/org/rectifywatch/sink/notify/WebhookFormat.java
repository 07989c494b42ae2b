package org.rectifywatch.sink.notify;

import java.util.Arrays;
import java.util.Locale;

/** Payload dialect of the alert webhook. */
public enum WebhookFormat {
    /** {@code {"event": "alert.raised", "alert": {...}}} — for any HTTP receiver. */
    generic,
    /** DingTalk custom robot: {@code {"msgtype": "markdown", "markdown": {"title", "text"}}}. */
    dingtalk,
    /** WeCom (企业微信) group robot: {@code {"msgtype": "markdown", "markdown": {"content"}}}. */
    wecom;

    public static WebhookFormat parse(String s) {
        try {
            return valueOf(s.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration sink.webhook.format (env RECTIFY_SINK_WEBHOOK_FORMAT) is '"
                    + s + "' but must be one of " + Arrays.toString(values()));
        }
    }
}
