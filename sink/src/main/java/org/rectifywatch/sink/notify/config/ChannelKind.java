package org.rectifywatch.sink.notify.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a channel delivers, with what each receiver accepts: the message size a robot takes and its default rate
 * (DingTalk and WeCom group robots: 20 messages a minute; WeCom markdown at most 4096 bytes).
 */
public enum ChannelKind {
    generic(1 << 20, 60),
    dingtalk(18_000, 20),
    wecom(4_000, 20),
    email(1 << 20, 30);

    private final int maxBytes;
    private final int defaultPerMinute;

    ChannelKind(int maxBytes, int defaultPerMinute) {
        this.maxBytes = maxBytes;
        this.defaultPerMinute = defaultPerMinute;
    }

    /** The largest message text the receiver accepts, in UTF-8 bytes (with a margin for the JSON around it). */
    public int maxBytes() {
        return maxBytes;
    }

    public Rate defaultRate() {
        return new Rate(defaultPerMinute, Duration.ofMinutes(1));
    }

    public boolean isWebhook() {
        return this != email;
    }

    public static ChannelKind parse(String key, String s) {
        try {
            return valueOf(s.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration " + key + " is '" + s + "' but must be one of "
                    + Arrays.toString(values()));
        }
    }
}
