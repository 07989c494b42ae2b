package org.rectifywatch.sink.notify.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rectifywatch.model.config.ConfigSource;
import org.rectifywatch.sink.notify.watch.Watch;
import org.rectifywatch.sink.notify.watch.WatchFile;

/**
 * Every notification setting of the sink, read and checked in one place ({@link #from}). Channels: the
 * {@code default} one from {@code sink.webhook.url} (with {@code sink.webhook.format}, {@code .secret}, {@code .rate}),
 * and the named ones listed in {@code sink.channels} ({@code sink.channel.NAME.kind|url|secret|rate}, for email
 * {@code sink.channel.NAME.smtp.host|port|username|password|starttls|ssl} and {@code .from|.to}). Alerts the
 * {@link AlertPolicy} pushes go to {@code sink.notify.alert.channels} (default: every channel); watches
 * ({@code sink.watches.file}) name their own.
 */
public record NotificationConfig(
        List<ChannelConfig> channels,
        AlertPolicy policy,
        List<String> alertChannels,
        List<Watch> watches,
        Duration interval,
        int digestMaxItems,
        int backfillMaxItems,
        Duration backfillAge,
        int backfillOld,
        int backfillPending,
        String dashboardUrl,
        Duration timeout,
        Duration backoffMax,
        int maxPending) {

    public static final String DEFAULT_CHANNEL = "default";

    public static NotificationConfig from(ConfigSource c) {
        List<ChannelConfig> channels = new ArrayList<>();
        String url = c.string("sink.webhook.url", null);
        if (url != null) {
            ChannelKind kind = ChannelKind.parse("sink.webhook.format (env RECTIFY_SINK_WEBHOOK_FORMAT)", c.string("sink.webhook.format", "generic"));
            if (kind == ChannelKind.email) {
                throw new IllegalArgumentException("configuration sink.webhook.format (env RECTIFY_SINK_WEBHOOK_FORMAT) is 'email' but the"
                        + " webhook must be generic, dingtalk or wecom; define an email channel in sink.channels instead");
            }
            channels.add(new ChannelConfig(DEFAULT_CHANNEL, kind, url, c.string("sink.webhook.secret", null),
                    rate(c, "sink.webhook.rate", kind), null));
        } else {
            // the format is still checked, so a typo is not silently ignored until a URL is set
            ChannelKind.parse("sink.webhook.format (env RECTIFY_SINK_WEBHOOK_FORMAT)", c.string("sink.webhook.format", "generic"));
            // read, and unused, until a URL is set: compose passes it whether a robot is configured or not
            c.string("sink.webhook.secret", null);
        }
        for (String name : list(c.string("sink.channels", ""))) {
            if (name.equals(DEFAULT_CHANNEL) || !name.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("configuration sink.channels (env RECTIFY_SINK_CHANNELS) names '" + name
                        + "' but channel names must be letters, digits, - or _ and not '" + DEFAULT_CHANNEL + "'");
            }
            if (channels.stream().anyMatch(ch -> ch.name().equals(name))) {
                throw new IllegalArgumentException("configuration sink.channels (env RECTIFY_SINK_CHANNELS) names '" + name + "' twice");
            }
            channels.add(channel(c, name));
        }
        Set<String> names = new LinkedHashSet<>();
        channels.forEach(ch -> names.add(ch.name()));
        List<String> alertChannels = list(c.string("sink.notify.alert.channels", String.join(",", names)));
        for (String a : alertChannels) {
            if (!names.contains(a)) {
                throw new IllegalArgumentException("configuration sink.notify.alert.channels (env RECTIFY_SINK_NOTIFY_ALERT_CHANNELS) names '"
                        + a + "' but the configured channels are " + names);
            }
        }
        String watchesFile = c.string("sink.watches.file", null);
        List<Watch> watches = watchesFile == null ? List.of() : WatchFile.load(Path.of(watchesFile), names);
        return new NotificationConfig(List.copyOf(channels), AlertPolicy.parse(c.string(AlertPolicy.KEY, AlertPolicy.DEFAULT)),
                List.copyOf(alertChannels), watches,
                positive(c, "sink.notify.interval", c.duration("sink.notify.interval", Duration.ofMinutes(1))),
                positive(c, "sink.notify.digest.max.items", c.integer("sink.notify.digest.max.items", 10)),
                positive(c, "sink.notify.backfill.max.items", c.integer("sink.notify.backfill.max.items", 100)),
                positive(c, "sink.notify.backfill.age", c.duration("sink.notify.backfill.age", Duration.ofHours(24))),
                positive(c, "sink.notify.backfill.old", c.integer("sink.notify.backfill.old", 20)),
                positive(c, "sink.notify.backfill.pending", c.integer("sink.notify.backfill.pending", 200)),
                trimSlash(c.string("sink.notify.dashboard.url", null)),
                positive(c, "sink.webhook.timeout", c.duration("sink.webhook.timeout", Duration.ofSeconds(10))),
                positive(c, "sink.webhook.backoff.max", c.duration("sink.webhook.backoff.max", Duration.ofSeconds(60))),
                positive(c, "sink.notify.max.pending", c.integer("sink.notify.max.pending", 20_000)));
    }

    private static ChannelConfig channel(ConfigSource c, String name) {
        String p = "sink.channel." + name + ".";
        ChannelKind kind = ChannelKind.parse(p + "kind (env " + ConfigSource.envName(p + "kind") + ")", c.string(p + "kind", "generic"));
        Rate rate = rate(c, p + "rate", kind);
        if (kind == ChannelKind.email) {
            String host = required(c, p + "smtp.host", "the SMTP server's host name");
            boolean ssl = c.bool(p + "smtp.ssl", false);
            int port = c.integer(p + "smtp.port", ssl ? 465 : 587);
            List<String> to = list(required(c, p + "to", "a comma list of recipient addresses"));
            EmailSettings mail = new EmailSettings(host, positive(c, p + "smtp.port", port), c.string(p + "smtp.username", null),
                    c.string(p + "smtp.password", null), c.bool(p + "smtp.starttls", !ssl), ssl,
                    required(c, p + "from", "the sender address"), to);
            return new ChannelConfig(name, kind, null, null, rate, mail);
        }
        return new ChannelConfig(name, kind, required(c, p + "url", "the robot's or receiver's webhook URL"),
                c.string(p + "secret", null), rate, null);
    }

    private static Rate rate(ConfigSource c, String key, ChannelKind kind) {
        String v = c.string(key, null);
        return v == null ? kind.defaultRate() : Rate.parse(key, v);
    }

    private static String required(ConfigSource c, String key, String what) {
        String v = c.string(key, null);
        if (v == null) {
            throw new IllegalArgumentException("configuration " + key + " (env " + ConfigSource.envName(key) + ") is missing: set it to " + what);
        }
        return v;
    }

    private static List<String> list(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static String trimSlash(String s) {
        return s == null ? null : s.replaceAll("/+$", "");
    }

    private static <N extends Number> N positive(ConfigSource c, String key, N value) {
        if (value.longValue() <= 0) {
            throw new IllegalArgumentException("configuration " + key + " (env " + ConfigSource.envName(key) + ") must be positive, not " + value);
        }
        return value;
    }

    private static Duration positive(ConfigSource c, String key, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("configuration " + key + " (env " + ConfigSource.envName(key) + ") must be at least 1ms, not " + value.toMillis() + "ms");
        }
        return value;
    }

    public ChannelConfig channel(String name) {
        return channels.stream().filter(ch -> ch.name().equals(name)).findFirst().orElseThrow();
    }

    public boolean hasChannels() {
        return !channels.isEmpty();
    }

    @Override
    public String toString() {
        return "notify[channels=" + channels + ", push=" + policy.pushed().size() + " kind:state, alerts→" + alertChannels
                + ", watches=" + watches.size() + ", interval=" + interval.toMillis() + "ms]";
    }
}
