package org.rectifywatch.sink.notify.config;

import org.rectifywatch.sink.config.MaskedUrl;

/**
 * One place notifications go: a robot or HTTP webhook ({@code url}, which carries the robot's token, and an
 * optional signing {@code secret}) or an email list. Both secrets are masked in toString and logs.
 */
public record ChannelConfig(String name, ChannelKind kind, String url, String secret, Rate rate, EmailSettings email) {

    public String describe() {
        return name + " (" + kind + " " + (kind == ChannelKind.email ? String.valueOf(email) : MaskedUrl.of(url))
                + (secret == null ? "" : ", signed") + ", " + rate + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
