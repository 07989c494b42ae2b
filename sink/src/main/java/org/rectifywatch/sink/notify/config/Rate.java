package org.rectifywatch.sink.notify.config;

import java.time.Duration;
import org.rectifywatch.model.config.ConfigSource;

/** At most {@code messages} in any {@code window}: how a robot counts ("20/1m"). */
public record Rate(int messages, Duration window) {
    public Rate {
        if (messages <= 0 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a rate needs a positive count and window, not " + messages + "/" + window);
        }
    }

    /** {@code 20} (per minute) or {@code 20/1m}, {@code 100/1h}; the key names the setting in the error. */
    public static Rate parse(String key, String s) {
        String t = s.trim();
        try {
            int slash = t.indexOf('/');
            if (slash < 0) {
                return new Rate(Integer.parseInt(t), Duration.ofMinutes(1));
            }
            Duration window = new ConfigSource(java.util.Map.of("w", t.substring(slash + 1)), java.util.Map.of()).duration("w", null);
            return new Rate(Integer.parseInt(t.substring(0, slash).trim()), window);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("configuration " + key + " (env " + ConfigSource.envName(key) + ") is '" + s
                    + "' but must be a message count per window such as 20/1m (or 20, per minute)");
        }
    }

    @Override
    public String toString() {
        return messages + "/" + window.toMillis() + "ms";
    }
}
